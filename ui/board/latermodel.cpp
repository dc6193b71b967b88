// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "latermodel.h"

#include "common/clock.h"
#include "ordermodel.h"
#include "shared/ticketformat.h"

#include <QDateTime>

LaterModel::LaterModel(const OrderModel &orders, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_orders(orders)
    , m_clock(clock)
    , m_rows(orders.laterOrders())
{
    connect(&m_orders, &OrderModel::laterChanged, this, [this] {
        beginResetModel();
        m_rows = m_orders.laterOrders();
        endResetModel();
    });
    connect(&m_orders, &OrderModel::ticked, this, &LaterModel::onTicked);
}

int LaterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LaterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &order = m_rows.at(index.row());
    const qint64 fireAt = order.fireAt(m_orders.scheduledLeadMs());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString at = QDateTime::fromMSecsSinceEpoch(fireAt).toString(QStringLiteral("HH:mm"));
        // Rounded up: "in 0 min" would read as already due.
        const qint64 minutes = qMax<qint64>(0, (fireAt - m_clock.nowMs() + 59'999) / 60'000);
        const QString who = order.customerName.isEmpty() ? QString() : u' ' + order.customerName;
        return tr("%1%2\nfires %3 · in %n min", nullptr, int(minutes))
            .arg(TicketFormat::number(order), who, at);
    }
    case OrderIdRole:
        return order.id;
    case NumberRole:
        return order.number;
    case CustomerRole:
        return order.customerName;
    case ScheduledForRole:
        return order.scheduledFor;
    case FireAtRole:
        return fireAt;
    case FiresInMsRole:
        return fireAt - m_clock.nowMs();
    default:
        return {};
    }
}

QHash<int, QByteArray> LaterModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {OrderIdRole, "orderId"},
        {NumberRole, "number"},
        {CustomerRole, "customer"},
        {ScheduledForRole, "scheduledFor"},
        {FireAtRole, "fireAt"},
        {FiresInMsRole, "firesInMs"},
    });
    return names;
}

void LaterModel::onTicked()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                       {Qt::DisplayRole, Qt::AccessibleTextRole, FiresInMsRole});
}
