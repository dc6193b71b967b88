// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kitchenalerts.h"

#include "common/clock.h"
#include "enginelogging.h"
#include "feedmonitor.h"
#include "order/itemdiff.h"
#include "orderengine.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace {
// The kitchen is working on it: a change or a cancel must stop or redirect hands.
bool inProgress(OrderState state)
{
    return state == OrderState::Accepted || state == OrderState::Preparing
            || state == OrderState::Ready;
}

bool notYetReady(OrderState state)
{
    return state == OrderState::Placed || state == OrderState::Accepted
            || state == OrderState::Preparing;
}

const char *kindName(KitchenAlert::Kind kind)
{
    switch (kind) {
    case KitchenAlert::Kind::NewOrder:
        return "new order";
    case KitchenAlert::Kind::Late:
        return "late";
    case KitchenAlert::Kind::Changed:
        return "changed";
    case KitchenAlert::Kind::Cancelled:
        return "cancelled";
    case KitchenAlert::Kind::Overtaken:
        return "overtaken";
    case KitchenAlert::Kind::FeedQuiet:
        return "feed quiet";
    }
    return "?";
}

// The time of day a cook reads on the wall clock.
QString clockTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("HH:mm"));
}

QStringList itemLines(const QList<OrderItem> &items)
{
    QStringList lines;
    for (const OrderItem &item : items)
        lines.append(ItemChange::describe(item));
    return lines;
}
} // namespace

KitchenAlerts::KitchenAlerts(OrderEngine &engine, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    // Orders open before we started are on the board already: known, not new.
    const QList<Order> open = engine.openOrders();
    for (const Order &order : open)
        m_known.insert(order.id, {order, false});
    connect(&engine, &OrderEngine::orderChanged, this, &KitchenAlerts::onOrderChanged);
    connect(&engine, &OrderEngine::orderRemoved, this, &KitchenAlerts::onOrderRemoved);
    connect(&engine, &OrderEngine::alert, this, &KitchenAlerts::onEngineAlert);
    connect(&engine, &OrderEngine::incomingDrained, this, &KitchenAlerts::flush);
    m_lateTimer.setInterval(defaultLateCheckIntervalMs);
    connect(&m_lateTimer, &QTimer::timeout, this, &KitchenAlerts::checkLate);
    m_lateTimer.start();
}

void KitchenAlerts::onOrderChanged(const Order &order)
{
    const auto known = m_known.find(order.id);
    if (known == m_known.end()) {
        if (order.isOpen())
            m_known.insert(order.id, {order, false});
        if (order.state == OrderState::Placed) {
            m_newOrders.append(order);
            scheduleFlush();
        }
        return;
    }
    const Order before = known->order;
    known->order = order;
    if (!order.isOpen())
        m_known.erase(known);

    const auto pendingNew = std::find_if(m_newOrders.begin(), m_newOrders.end(),
                                         [&](const Order &o) { return o.id == order.id; });
    const bool stillNew = pendingNew != m_newOrders.end();
    if (stillNew)
        *pendingNew = order; // announce it as it is when the burst ends
    if (order.state == OrderState::Cancelled && before.state != OrderState::Cancelled) {
        if (stillNew) {
            // Announced and withdrawn in one burst: the kitchen never needs to hear of it.
            m_newOrders.erase(pendingNew);
            return;
        }
        KitchenAlert alert = make(KitchenAlert::Kind::Cancelled, &order);
        alert.title = tr("Order %1 cancelled: stop preparing it").arg(order.number);
        if (!order.lastReason.isEmpty())
            alert.details.append(tr("Reason: %1").arg(order.lastReason));
        queue(alert);
        return;
    }
    if (!inProgress(order.state) || !inProgress(before.state))
        return;
    const QStringList lines = before.items == order.items
            ? QStringList()
            : ItemDiff::lines(ItemDiff::between(before.items, order.items));
    // This console has no command that moves a promise once accepted, so a move came from
    // elsewhere (the platform, a POS, another console) and the kitchen should hear of it.
    const bool etaMoved = before.promisedAt != order.promisedAt && before.promisedAt > 0
            && order.promisedAt > 0;
    if (lines.isEmpty() && !etaMoved)
        return; // nothing a cook acts on (e.g. only the station routing moved)
    KitchenAlert alert = make(KitchenAlert::Kind::Changed, &order);
    alert.title = lines.isEmpty() ? tr("Order %1: ready time moved").arg(order.number)
                                  : tr("Order %1 changed while in progress").arg(order.number);
    alert.details = lines;
    if (etaMoved)
        alert.details.append(tr("Ready time moved from %1 to %2")
                                     .arg(clockTime(before.promisedAt), clockTime(order.promisedAt)));
    queue(alert);
}

void KitchenAlerts::onOrderRemoved(const QString &orderId)
{
    m_known.remove(orderId);
    m_newOrders.removeIf([&](const Order &o) { return o.id == orderId; });
}

void KitchenAlerts::onEngineAlert(const QString &orderId, const QString &message)
{
    // A cancel that overtook offline work arrives twice (the change, then the engine's alert):
    // one alert, with the engine's account of who and when as a detail.
    for (KitchenAlert &pending : m_pending) {
        if (pending.kind == KitchenAlert::Kind::Cancelled && pending.orderId == orderId) {
            pending.details.append(message);
            return;
        }
    }
    const std::optional<Order> order = m_engine.order(orderId);
    KitchenAlert alert = make(KitchenAlert::Kind::Overtaken, order ? &*order : nullptr);
    if (!order)
        alert.orderId = orderId;
    alert.title = message;
    queue(alert);
}

void KitchenAlerts::watchFeeds(const FeedMonitor &monitor)
{
    connect(&monitor, &FeedMonitor::alarmChanged, this,
            [this, &monitor](const QString &source, bool alarming) {
                onFeedAlarm(monitor, source, alarming);
            });
}

void KitchenAlerts::onFeedAlarm(const FeedMonitor &monitor, const QString &source, bool alarming)
{
    if (!alarming)
        return;
    const std::optional<FeedStatus> status = monitor.feed(source);
    const qint64 minutes = status ? status->quietForMs / 60'000 : 0;
    KitchenAlert alert = make(KitchenAlert::Kind::FeedQuiet, nullptr);
    alert.title = status && status->lastHeardAt == 0
            ? tr("Nothing heard from %1 for %n min: orders may not be arriving", nullptr,
                 int(minutes))
                      .arg(FeedMonitor::displayName(source))
            : tr("%1 has been quiet for %n min: orders may not be arriving", nullptr, int(minutes))
                      .arg(FeedMonitor::displayName(source));
    alert.details.append(tr("Check the connection or the tablet for %1.").arg(source));
    raise(alert);
}

void KitchenAlerts::checkLate()
{
    const qint64 now = m_clock.nowMs();
    for (Known &known : m_known) {
        const Order &order = known.order;
        if (known.lateRaised || !notYetReady(order.state) || order.placedAt <= 0
            || now - order.placedAt < m_lateAfterMs)
            continue;
        known.lateRaised = true;
        KitchenAlert alert = make(KitchenAlert::Kind::Late, &order);
        alert.title = tr("Order %1 is late: placed %n min ago", nullptr,
                         int((now - order.placedAt) / 60'000))
                              .arg(order.number);
        alert.details = itemLines(order.items);
        raise(alert);
    }
}

void KitchenAlerts::queue(KitchenAlert alert)
{
    m_pending.append(std::move(alert));
    scheduleFlush();
}

void KitchenAlerts::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, &KitchenAlerts::flushUnlessBursting);
}

void KitchenAlerts::flushUnlessBursting()
{
    m_flushScheduled = false;
    // The engine applies a burst over several turns and says when it is done (incomingDrained).
    if (m_engine.incomingBacklog() == 0)
        flush();
}

void KitchenAlerts::flush()
{
    if (!m_newOrders.isEmpty()) {
        const KitchenAlert alert = newOrdersAlert();
        m_newOrders.clear();
        raise(alert);
    }
    const QList<KitchenAlert> pending = std::exchange(m_pending, {});
    for (const KitchenAlert &alert : pending)
        raise(alert);
}

KitchenAlert KitchenAlerts::newOrdersAlert() const
{
    if (m_newOrders.size() == 1) {
        const Order &order = m_newOrders.constFirst();
        KitchenAlert alert = make(KitchenAlert::Kind::NewOrder, &order);
        alert.title = tr("New order %1").arg(order.number);
        alert.details = itemLines(order.items);
        return alert;
    }
    KitchenAlert alert = make(KitchenAlert::Kind::NewOrder, nullptr);
    QStringList numbers;
    for (const Order &order : m_newOrders) {
        // A replay of hundreds of orders is one alert with a few named, not a wall of text.
        if (numbers.size() >= maxListedOrders)
            break;
        numbers.append(order.number);
        QStringList items;
        for (const OrderItem &item : order.items)
            items.append(tr("%1× %2").arg(item.quantity).arg(item.name));
        alert.details.append(tr("%1: %2").arg(order.number, items.join(QStringLiteral(", "))));
    }
    QString listed = numbers.join(QStringLiteral(", "));
    if (m_newOrders.size() > maxListedOrders)
        listed += QStringLiteral(" …");
    alert.title = tr("%n new orders: %1", nullptr, int(m_newOrders.size())).arg(listed);
    return alert;
}

KitchenAlert KitchenAlerts::make(KitchenAlert::Kind kind, const Order *order) const
{
    KitchenAlert alert;
    alert.kind = kind;
    alert.raisedAt = m_clock.nowMs();
    if (order) {
        alert.orderId = order->id;
        alert.orderNumber = order->number;
    }
    return alert;
}

void KitchenAlerts::raise(const KitchenAlert &alert)
{
    qCInfo(lcEngineAlerts).noquote() << kindName(alert.kind) << "alert:" << alert.title;
    Q_EMIT raised(alert);
}
