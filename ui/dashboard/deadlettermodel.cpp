// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadlettermodel.h"

#include <QJsonDocument>

namespace {
constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
} // namespace

DeadLetterModel::DeadLetterModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DeadLetterModel::setLetters(const QList<DeadLetterSummary> &letters, qint64 nowMs)
{
    beginResetModel();
    m_letters = letters;
    m_nowMs = nowMs;
    endResetModel();
}

void DeadLetterModel::setNowMs(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (m_letters.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, DeadSinceColumn), index(rowCount() - 1, DeadSinceColumn),
                       {Qt::DisplayRole, DeadForMsRole});
}

int DeadLetterModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_letters.size(); ++row) {
        if (m_letters.at(row).id == id)
            return row;
    }
    return -1;
}

int DeadLetterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_letters.size());
}

int DeadLetterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeadLetterModel::ago(qint64 ms)
{
    if (ms < minuteMs)
        return tr("just now");
    if (ms < hourMs)
        return tr("%1 min ago").arg(ms / minuteMs);
    if (ms < dayMs)
        return tr("%1 h ago").arg(ms / hourMs);
    return tr("%1 d ago").arg(ms / dayMs);
}

QString DeadLetterModel::kindText(const DeadLetterSummary &letter)
{
    switch (letter.kind) {
    case EventKind::Placed:
        return tr("Placed");
    case EventKind::Transition:
    case EventKind::Recall:
        if (letter.from && letter.to)
            return tr("%1 → %2").arg(OrderStates::displayName(*letter.from),
                                     OrderStates::displayName(*letter.to));
        return letter.kind == EventKind::Recall ? tr("Recalled") : tr("Moved on");
    case EventKind::Modified:
        return tr("Items changed");
    case EventKind::EtaChanged:
        return tr("Ready time changed");
    case EventKind::NoteAdded:
        return tr("Note added");
    case EventKind::StationBumped:
        return tr("Station done");
    case EventKind::ItemDone:
        return tr("Item done");
    case EventKind::StorePaused:
        return tr("Store paused");
    case EventKind::StoreResumed:
        return tr("Store resumed");
    case EventKind::StorePolicyChanged:
        return tr("Store rules changed");
    case EventKind::DeadLetterRedriven:
    case EventKind::DeadLetterDiscarded:
    case EventKind::PosConnectionChanged:
        break; // never queued for a destination, so never stuck
    }
    return EventKinds::toString(letter.kind);
}

QString DeadLetterModel::orderText(const DeadLetterSummary &letter)
{
    if (letter.orderId.isEmpty())
        return tr("Store");
    if (letter.orderNumber.isEmpty())
        return letter.orderId;
    return tr("#%1").arg(letter.orderNumber);
}

QString DeadLetterModel::payloadText(const DeadLetterSummary &letter)
{
    return QString::fromUtf8(QJsonDocument(letter.payload).toJson(QJsonDocument::Indented));
}

QVariant DeadLetterModel::display(const DeadLetterSummary &letter, int column) const
{
    switch (column) {
    case DestinationColumn:
        return letter.destination;
    case OrderColumn:
        return orderText(letter);
    case KindColumn:
        return kindText(letter);
    case AttemptsColumn:
        return letter.attempts;
    case FirstErrorColumn:
        return letter.firstErrorRecorded() ? letter.firstError : tr("not recorded");
    case LastErrorColumn:
        return letter.lastError;
    case DeadSinceColumn:
        return ago(qMax<qint64>(0, m_nowMs - letter.deadAt));
    default:
        return {};
    }
}

QVariant DeadLetterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeadLetterSummary &letter = m_letters.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(letter, index.column());
    case Qt::ToolTipRole:
        // An error is often longer than its column.
        if (index.column() == FirstErrorColumn || index.column() == LastErrorColumn)
            return display(letter, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return letter.id;
    case EventIdRole:
        return letter.eventId.toString(QUuid::WithoutBraces);
    case DestinationRole:
        return letter.destination;
    case OrderIdRole:
        return letter.orderId;
    case OrderNumberRole:
        return letter.orderNumber;
    case KindRole:
        return int(letter.kind);
    case AttemptsRole:
        return letter.attempts;
    case FirstErrorRole:
        return letter.firstError;
    case FirstErrorAtRole:
        return letter.firstErrorAt;
    case LastErrorRole:
        return letter.lastError;
    case DeadAtRole:
        return letter.deadAt;
    case DeadForMsRole:
        return qMax<qint64>(0, m_nowMs - letter.deadAt);
    case PayloadTextRole:
        return payloadText(letter);
    default:
        return {};
    }
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DestinationColumn:
        return tr("Destination");
    case OrderColumn:
        return tr("Order");
    case KindColumn:
        return tr("Event");
    case AttemptsColumn:
        return tr("Attempts");
    case FirstErrorColumn:
        return tr("First error");
    case LastErrorColumn:
        return tr("Last error");
    case DeadSinceColumn:
        return tr("Stuck since");
    default:
        return {};
    }
}

QHash<int, QByteArray> DeadLetterModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
            {IdRole, "id"},
            {EventIdRole, "eventId"},
            {DestinationRole, "destination"},
            {OrderIdRole, "orderId"},
            {OrderNumberRole, "orderNumber"},
            {KindRole, "kind"},
            {AttemptsRole, "attempts"},
            {FirstErrorRole, "firstError"},
            {FirstErrorAtRole, "firstErrorAt"},
            {LastErrorRole, "lastError"},
            {DeadAtRole, "deadAt"},
            {DeadForMsRole, "deadForMs"},
            {PayloadTextRole, "payloadText"},
    });
    return names;
}
