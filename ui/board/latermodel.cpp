// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "latermodel.h"

#include "common/clock.h"
#include "ordermodel.h"
#include "shared/ticketformat.h"

#include <QDateTime>

LaterModel::LaterModel(const OrderModel &orders, const Clock &clock, QObject *parent)
    : OrderListModel(parent)
    , m_board(orders)
    , m_clock(clock)
{
    m_orders = LazyOrder::wrap(orders.laterOrders());
    connect(&m_board, &OrderModel::laterChanged, this, [this] {
        beginResetModel();
        m_orders = LazyOrder::wrap(m_board.laterOrders());
        endResetModel();
    });
    connect(&m_board, &OrderModel::ticked, this, &LaterModel::onTicked);
}

QVariant LaterModel::orderData(const Order &order, int role) const
{
    const qint64 fireAt = order.fireAt(m_board.scheduledLeadMs());
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

QHash<int, QByteArray> LaterModel::ownRoleNames() const
{
    return {
        {ScheduledForRole, "scheduledFor"},
        {FireAtRole, "fireAt"},
        {FiresInMsRole, "firesInMs"},
    };
}

void LaterModel::onTicked()
{
    if (m_orders.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                       {Qt::DisplayRole, Qt::AccessibleTextRole, FiresInMsRole});
}
