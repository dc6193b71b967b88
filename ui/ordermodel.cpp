// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordermodel.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "uilog.h"

#include <algorithm>

OrderModel::OrderModel(OrderEngine &engine, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    m_orders = m_engine.openOrders();
    connect(&m_engine, &OrderEngine::orderChanged, this, &OrderModel::onOrderChanged);
    connect(&m_engine, &OrderEngine::orderRemoved, this, &OrderModel::onOrderRemoved);

    m_tickTimer.setInterval(defaultTickIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &OrderModel::onTick);
    m_tickTimer.start();
}

int OrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

QVariant OrderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &order = m_orders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr("Order %1, %2, %3")
            .arg(order.number, OrderTypes::displayName(order.type),
                 OrderStates::displayName(order.state));
    case OrderIdRole:
        return order.id;
    case NumberRole:
        return order.number;
    case TypeRole:
        return QVariant::fromValue(order.type);
    case StateRole:
        return QVariant::fromValue(order.state);
    case AgeMsRole:
        return m_clock.nowMs() - order.placedAt;
    case ItemsRole:
        return QVariant::fromValue(order.items);
    case PromisedAtRole:
        return order.promisedAt;
    case CustomerRole:
        return order.customerName;
    case OrderRole:
        return QVariant::fromValue(order);
    case DueInMsRole:
        return order.promisedAt > 0 ? QVariant(order.promisedAt - m_clock.nowMs()) : QVariant();
    case StateAgeMsRole:
        return m_clock.nowMs() - order.stateSince;
    default:
        return {};
    }
}

QHash<int, QByteArray> OrderModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {OrderIdRole, "orderId"},
        {NumberRole, "number"},
        {TypeRole, "type"},
        {StateRole, "state"},
        {AgeMsRole, "ageMs"},
        {ItemsRole, "items"},
        {PromisedAtRole, "promisedAt"},
        {CustomerRole, "customer"},
        {OrderRole, "order"},
        {DueInMsRole, "dueInMs"},
        {StateAgeMsRole, "stateAgeMs"},
    });
    return names;
}

Order OrderModel::orderAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_orders.size());
    return m_orders.at(row);
}

int OrderModel::rowOf(const QString &orderId) const
{
    // A board holds tens of tickets; a scan is cheaper than keeping an index in step with rows.
    for (int row = 0; row < m_orders.size(); ++row) {
        if (m_orders.at(row).id == orderId)
            return row;
    }
    return -1;
}

void OrderModel::reload()
{
    beginResetModel();
    m_orders = m_engine.openOrders();
    endResetModel();
}

void OrderModel::setTickIntervalMs(int intervalMs)
{
    m_tickTimer.setInterval(intervalMs);
}

void OrderModel::onOrderRemoved(const QString &orderId)
{
    const int row = rowOf(orderId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_orders.removeAt(row);
    endRemoveRows();
}

void OrderModel::onOrderChanged(const Order &order)
{
    const int row = rowOf(order.id);
    if (row < 0) {
        if (order.isOpen())
            insertOrder(order);
        return;
    }
    // Changes arrive in commit order. A lower event count is not stale: the platform's history
    // can drop a local event (a refused bump), and the ticket must follow it back.
    const Order &current = m_orders.at(row);
    if (!order.isOpen()) {
        onOrderRemoved(order.id);
        return;
    }
    if (order.placedAt != current.placedAt) {
        // Its place in the queue moved: take it out and put it where it now belongs.
        beginRemoveRows({}, row, row);
        m_orders.removeAt(row);
        endRemoveRows();
        insertOrder(order);
        return;
    }
    m_orders[row] = order;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void OrderModel::insertOrder(const Order &order)
{
    const int row = insertionRow(order);
    beginInsertRows({}, row, row);
    m_orders.insert(row, order);
    endInsertRows();
}

int OrderModel::insertionRow(const Order &order) const
{
    // After every order placed at the same time or earlier, so equal times keep arrival order.
    const auto it = std::upper_bound(
        m_orders.cbegin(), m_orders.cend(), order.placedAt,
        [](qint64 placedAt, const Order &other) { return placedAt < other.placedAt; });
    return int(it - m_orders.cbegin());
}

void OrderModel::onTick()
{
    if (m_orders.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {AgeMsRole, DueInMsRole, StateAgeMsRole});
}
