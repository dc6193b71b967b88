// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchlistmodel.h"

#include "shared/ticketformat.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

WatchListModel::WatchListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void WatchListModel::setReport(const MetricsReport &report)
{
    QList<Row> rows;
    const auto rowFor = [&rows](const WatchedOrder &order) -> Row & {
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const Row &row) {
            return row.order.orderId == order.orderId;
        });
        if (it != rows.end())
            return *it;
        rows.append({order});
        return rows.last();
    };
    for (const WatchedOrder &order : report.late)
        rowFor(order).late = true;
    for (const WatchedOrder &order : report.stuck)
        rowFor(order).stuck = true;
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.order.placedAt != b.order.placedAt ? a.order.placedAt < b.order.placedAt
                                                    : a.order.orderId < b.order.orderId;
    });
    beginResetModel();
    m_rows = rows;
    m_now = report.computedAt;
    endResetModel();
}

int WatchListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WatchListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WatchListModel::why(const Row &row) const
{
    QStringList reasons;
    if (row.late) {
        if (row.order.promisedAt > 0 && row.order.promisedAt < m_now)
            reasons << tr("Late: promised for %1")
                               .arg(QLocale().toString(
                                       QDateTime::fromMSecsSinceEpoch(row.order.promisedAt).time(),
                                       QLocale::ShortFormat));
        else
            reasons << tr("Late: waiting past the late age");
    }
    if (row.stuck)
        reasons << tr("Stuck: %1 for %2")
                           .arg(TicketFormat::stateCaption(row.order.state),
                                TicketFormat::elapsed(m_now - row.order.since));
    return reasons.join(QStringLiteral("; "));
}

QVariant WatchListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OrderColumn:
            return QString(QStringLiteral("#") + row.order.number);
        case StateColumn:
            return TicketFormat::stateCaption(row.order.state);
        case WhyColumn:
            return why(row);
        case WaitingColumn:
            return TicketFormat::elapsed(m_now - row.order.placedAt);
        }
        return {};
    case Qt::ToolTipRole:
        return why(row);
    case OrderIdRole:
        return row.order.orderId;
    case LateRole:
        return row.late;
    case StuckRole:
        return row.stuck;
    }
    return {};
}

QVariant WatchListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrderColumn:
        return tr("Order");
    case StateColumn:
        return tr("State");
    case WhyColumn:
        return tr("Why");
    case WaitingColumn:
        return tr("Waiting");
    }
    return {};
}
