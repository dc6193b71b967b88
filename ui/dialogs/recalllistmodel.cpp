// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recalllistmodel.h"

#include "shared/ticketformat.h"

RecallListModel::RecallListModel(QObject *parent)
    : OrderListModel(parent)
{ }

void RecallListModel::setOrders(const QList<Order> &orders, qint64 nowMs)
{
    beginResetModel();
    m_orders = LazyOrder::wrap(orders);
    m_nowMs = nowMs;
    endResetModel();
}

QVariant RecallListModel::orderData(const Order &order, int role) const
{
    const qint64 agoMs = qMax<qint64>(0, m_nowMs - order.stateSince);
    switch (role) {
    case Qt::DisplayRole: {
        const QString customer = order.customerName.isEmpty() ? tr("no name") : order.customerName;
        const QString ago = agoMs < 60'000 ? tr("just now") : tr("%1 min ago").arg(agoMs / 60'000);
        return tr("%1   %2   ·   %3   ·   %4")
            .arg(TicketFormat::number(order), customer, OrderStates::displayName(order.state), ago);
    }
    case StateRole:
        return int(order.state);
    case BumpedAgoMsRole:
        return agoMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecallListModel::ownRoleNames() const
{
    return {
        {StateRole, "state"},
        {BumpedAgoMsRole, "bumpedAgoMs"},
    };
}
