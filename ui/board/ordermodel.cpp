// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordermodel.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "framepacer.h"
#include "shared/uilogging.h"

#include <algorithm>

namespace {
struct PlacedBefore
{
    bool operator()(const LazyOrder &a, qint64 placedAt) const
    {
        return a.head().placedAt < placedAt;
    }
    bool operator()(qint64 placedAt, const LazyOrder &b) const
    {
        return placedAt < b.head().placedAt;
    }
};
} // namespace

OrderModel::OrderModel(OrderEngine &engine, const Clock &clock, QObject *parent)
    : OrderListModel(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    connect(&m_engine, &OrderEngine::orderChanged, this, &OrderModel::onOrderChanged);
    connect(&m_engine, &OrderEngine::orderRemoved, this, &OrderModel::onOrderRemoved);
    start();
}

OrderModel::OrderModel(OrderEngine &engine, FramePacer &pacer, const Clock &clock,
                       QObject *parent)
    : OrderListModel(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    connect(&pacer, &FramePacer::orderChanged, this, &OrderModel::onOrderChanged);
    connect(&pacer, &FramePacer::orderRemoved, this, &OrderModel::onOrderRemoved);
    start();
}

void OrderModel::start()
{
    reload();
    m_tickTimer.setInterval(defaultTickIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &OrderModel::onTick);
    m_tickTimer.start();
}

QVariant OrderModel::orderData(const Order &order, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (m_attention.kind(order.id) == OrderAttention::Kind::Changed)
            return tr("Order %1, %2, %3, changed")
                .arg(order.number, OrderTypes::displayName(order.type),
                     OrderStates::displayName(order.state));
        return tr("Order %1, %2, %3")
            .arg(order.number, OrderTypes::displayName(order.type),
                 OrderStates::displayName(order.state));
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
    case DueInMsRole:
        return order.promisedAt > 0 ? QVariant(order.promisedAt - m_clock.nowMs()) : QVariant();
    case StateAgeMsRole:
        return m_clock.nowMs() - order.stateSince;
    case FireAtRole:
        return order.fireAt(m_leadMs);
    case FiredLateRole:
        return m_firedLate.contains(order.id);
    case AttentionRole:
        return QVariant::fromValue(m_attention.kind(order.id));
    case ItemChangesRole: {
        const TicketAttention::Mark *mark = m_attention.mark(order.id);
        return QVariant::fromValue(mark ? mark->itemChanges : QList<ItemChange>());
    }
    case PromiseMovedFromRole: {
        const TicketAttention::Mark *mark = m_attention.mark(order.id);
        return mark ? mark->promiseMovedFrom : qint64(0);
    }
    default:
        return {};
    }
}

QVariant OrderModel::rowData(const LazyOrder &row, int role) const
{
    // Every role but the items is answered from the columns: sorting, counting and the hidden
    // tickets' ages decode nothing; a ticket is decoded when it is measured or painted.
    return orderData(role == ItemsRole ? row.order() : row.head(), role);
}

QHash<int, QByteArray> OrderModel::ownRoleNames() const
{
    return {
        {TypeRole, "type"},
        {StateRole, "state"},
        {AgeMsRole, "ageMs"},
        {ItemsRole, "items"},
        {PromisedAtRole, "promisedAt"},
        {DueInMsRole, "dueInMs"},
        {StateAgeMsRole, "stateAgeMs"},
        {FireAtRole, "fireAt"},
        {FiredLateRole, "firedLate"},
        {AttentionRole, "attention"},
        {ItemChangesRole, "itemChanges"},
        {PromiseMovedFromRole, "promiseMovedFrom"},
    };
}

int OrderModel::rowOf(const QString &orderId) const
{
    // Rows are sorted by placedAt: a replay of thousands of events finds each ticket by a binary
    // search instead of scanning the board once per event.
    const auto placed = m_placedAt.constFind(orderId);
    if (placed == m_placedAt.cend())
        return -1;
    const auto [first, last] = std::equal_range(m_orders.cbegin(), m_orders.cend(), *placed,
                                                PlacedBefore{});
    for (auto it = first; it != last; ++it) {
        if (it->head().id == orderId)
            return int(it - m_orders.cbegin());
    }
    return -1;
}

void OrderModel::reload()
{
    // Cancelled tickets are no longer open orders: they come back from the marks, not the engine.
    QList<LazyOrder> cancelled;
    for (const LazyOrder &order : std::as_const(m_orders)) {
        if (m_attention.kind(order.head().id) == OrderAttention::Kind::Cancelled)
            cancelled.append(order);
    }
    beginResetModel();
    m_orders.clear();
    m_placedAt.clear();
    m_stateCounts.clear();
    m_later.clear();
    m_firedLate.clear();
    // Open orders come oldest first, so appending keeps the board's order.
    const QList<LazyOrder> open = m_engine.openOrderRows();
    for (const LazyOrder &row : open) {
        const Order &order = row.head(); // with its schedule (LazyOrder)
        if (isHeld(order)) {
            hold(row.order());
            continue;
        }
        m_orders.append(row);
        m_placedAt.insert(order.id, order.placedAt);
        ++m_stateCounts[order.state];
        // Without a record of when it arrived, only an order placed after its fire time is late.
        if (order.scheduledFor > 0 && order.placedAt > order.fireAt(m_leadMs))
            m_firedLate.insert(order.id);
    }
    for (const LazyOrder &row : std::as_const(cancelled)) {
        const Order &order = row.head();
        if (m_placedAt.contains(order.id))
            continue; // open again after all
        m_orders.insert(insertionRow(order), row);
        m_placedAt.insert(order.id, order.placedAt);
        ++m_stateCounts[order.state];
    }
    const QList<QString> marked = m_attention.orderIds();
    for (const QString &id : marked) {
        const int row = rowOf(id);
        if (row < 0
            || (m_attention.kind(id) == OrderAttention::Kind::Cancelled
                && m_orders.at(row).head().state != OrderState::Cancelled))
            m_attention.acknowledge(id); // gone from the board, or no longer cancelled
    }
    endResetModel();
    Q_EMIT laterChanged();
}

void OrderModel::setTickIntervalMs(int intervalMs)
{
    m_tickTimer.setInterval(intervalMs);
}

void OrderModel::setScheduledLeadMs(qint64 leadMs)
{
    if (leadMs == m_leadMs)
        return;
    m_leadMs = leadMs;
    // Only scheduled orders fire by the lead: without one, thousands of tickets need no reload
    // (the store's policy sets the lead at every start).
    const auto scheduled = [](const LazyOrder &order) { return order.head().scheduledFor > 0; };
    if (m_later.isEmpty() && std::none_of(m_orders.cbegin(), m_orders.cend(), scheduled))
        return;
    reload();
}

bool OrderModel::isHeld(const Order &order) const
{
    return order.scheduledFor > 0 && order.fireAt(m_leadMs) > m_clock.nowMs();
}

void OrderModel::hold(const Order &order)
{
    const qint64 fireAt = order.fireAt(m_leadMs);
    const auto it = std::upper_bound(m_later.begin(), m_later.end(), fireAt,
                                     [this](qint64 at, const Order &other) {
                                         return at < other.fireAt(m_leadMs);
                                     });
    m_later.insert(it, order);
}

bool OrderModel::takeLater(const QString &orderId)
{
    for (qsizetype i = 0; i < m_later.size(); ++i) {
        if (m_later.at(i).id == orderId) {
            m_later.removeAt(i);
            return true;
        }
    }
    return false;
}

void OrderModel::fireDueOrders()
{
    const qint64 now = m_clock.nowMs();
    bool fired = false;
    while (!m_later.isEmpty() && m_later.constFirst().fireAt(m_leadMs) <= now) {
        const Order order = m_later.takeFirst();
        qCInfo(lcBoard).noquote() << "scheduled order" << order.number << "fired";
        insertOrder(order);
        fired = true;
    }
    if (fired)
        Q_EMIT laterChanged();
}

void OrderModel::onOrderRemoved(const QString &orderId)
{
    m_firedLate.remove(orderId);
    if (m_attention.acknowledge(orderId))
        Q_EMIT attentionChanged(); // the platform took it back: nothing left to acknowledge
    if (takeLater(orderId))
        Q_EMIT laterChanged();
    const int row = rowOf(orderId);
    if (row >= 0)
        removeRowAt(row);
}

void OrderModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    const Order &order = m_orders.at(row).head();
    --m_stateCounts[order.state];
    m_placedAt.remove(order.id);
    m_orders.removeAt(row);
    endRemoveRows();
}

bool OrderModel::acknowledge(const QString &orderId)
{
    const OrderAttention::Kind kind = m_attention.kind(orderId);
    if (!m_attention.acknowledge(orderId))
        return false;
    qCInfo(lcBoard).noquote() << "ticket acknowledged:" << orderId;
    const int row = rowOf(orderId);
    if (row >= 0 && kind == OrderAttention::Kind::Cancelled) {
        removeRowAt(row);
    } else if (row >= 0) {
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed,
                           {AttentionRole, ItemChangesRole, PromiseMovedFromRole, Qt::DisplayRole,
                            Qt::AccessibleTextRole});
    }
    Q_EMIT acknowledged(orderId);
    Q_EMIT attentionChanged();
    return true;
}

void OrderModel::acknowledgeAll()
{
    const QList<QString> marked = m_attention.orderIds();
    for (const QString &id : marked)
        acknowledge(id);
}

void OrderModel::onOrderChanged(const Order &order, OrderEngine::ChangeCause cause)
{
    const bool wasLater = takeLater(order.id);
    if (order.isOpen() && isHeld(order)) {
        // Its fire time is ahead (new, or rescheduled later): off the board, into the lane.
        onOrderRemoved(order.id);
        hold(order);
        Q_EMIT laterChanged();
        return;
    }
    if (wasLater)
        Q_EMIT laterChanged();
    const int row = rowOf(order.id);
    if (row < 0) {
        if (!order.isOpen())
            return;
        // First seen after its fire time passed (an outage, a late placement): straight on, flagged.
        if (!wasLater && order.scheduledFor > 0
            && qMax(order.placedAt, m_clock.nowMs() - lateGraceMs) > order.fireAt(m_leadMs))
            m_firedLate.insert(order.id);
        insertOrder(order);
        return;
    }
    // Changes arrive in commit order. A lower event count is not stale: the platform's history
    // can drop a local event (a refused bump), and the ticket must follow it back.
    const Order current = m_orders.at(row).order(); // what the cook saw, items and all
    const OrderAttention::Kind markedBefore = m_attention.kind(order.id);
    const OrderAttention::Kind marked = m_attention.note(current, order, cause);
    if (marked != markedBefore)
        Q_EMIT attentionChanged();
    if (!order.isOpen() && marked != OrderAttention::Kind::Cancelled) {
        onOrderRemoved(order.id);
        return;
    }
    if (order.placedAt != current.placedAt) {
        // Its place in the queue moved: take it out and put it where it now belongs.
        removeRowAt(row);
        insertOrder(order);
        return;
    }
    --m_stateCounts[current.state];
    ++m_stateCounts[order.state];
    m_orders[row] = LazyOrder(order);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void OrderModel::insertOrder(const Order &order)
{
    const int row = insertionRow(order);
    beginInsertRows({}, row, row);
    m_orders.insert(row, LazyOrder(order));
    m_placedAt.insert(order.id, order.placedAt);
    ++m_stateCounts[order.state];
    endInsertRows();
}

int OrderModel::insertionRow(const Order &order) const
{
    // After every order placed at the same time or earlier, so equal times keep arrival order.
    const auto it =
        std::upper_bound(m_orders.cbegin(), m_orders.cend(), order.placedAt, PlacedBefore{});
    return int(it - m_orders.cbegin());
}

void OrderModel::onTick()
{
    fireDueOrders();
    Q_EMIT ticked();
    if (m_orders.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {AgeMsRole, DueInMsRole, StateAgeMsRole});
}

bool OrderModel::isClockTick(const QList<int> &roles)
{
    return !roles.isEmpty() && std::all_of(roles.cbegin(), roles.cend(), [](int role) {
        return role == AgeMsRole || role == DueInMsRole || role == StateAgeMsRole;
    });
}
