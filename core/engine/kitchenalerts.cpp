// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kitchenalerts.h"

#include "channels/channeldispatcher.h"
#include "common/clock.h"
#include "enginelogging.h"
#include "feedmonitor.h"
#include "orderattention.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace {
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
    case KitchenAlert::Kind::FeedBack:
        return "feed back";
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
    // Their bodies are decoded only if one changes or is late alone: thousands may be open.
    const QList<LazyOrder> open = engine.openOrderRows();
    for (const LazyOrder &order : open)
        m_known.insert(order.head().id, {order, false});
    connect(&engine, &OrderEngine::orderChanged, this, &KitchenAlerts::onOrderChanged);
    connect(&engine, &OrderEngine::orderRemoved, this, &KitchenAlerts::onOrderRemoved);
    connect(&engine, &OrderEngine::alert, this, &KitchenAlerts::onEngineAlert);
    connect(&engine, &OrderEngine::incomingDrained, this, &KitchenAlerts::flushUnlessHeld);
    m_lateTimer.setInterval(defaultLateCheckIntervalMs);
    connect(&m_lateTimer, &QTimer::timeout, this, &KitchenAlerts::checkLate);
    m_lateTimer.start();
}

void KitchenAlerts::onOrderChanged(const Order &order, OrderEngine::ChangeCause cause)
{
    const auto known = m_known.find(order.id);
    if (known == m_known.end()) {
        if (order.isOpen())
            m_known.insert(order.id, {LazyOrder(order), false});
        // A placement is news whoever made it: the kitchen has a new ticket to cook.
        if (order.state == OrderState::Placed) {
            if (!m_newById.contains(order.id)) {
                m_newArrival.append(order.id);
                ++m_arrivedInBurst;
            }
            m_newById.insert(order.id, order);
            scheduleFlush();
        }
        return;
    }
    const Order before = known->order.order();
    known->order = LazyOrder(order);
    if (!order.isOpen()) {
        m_known.erase(known);
        Q_EMIT settled(order.id);
    }

    const auto pendingNew = m_newById.find(order.id);
    if (pendingNew != m_newById.end()) {
        // Announced as it is when the burst ends. Placed and withdrawn in one burst before
        // anyone touched it, the kitchen never needs to hear of it; nor, during a catch-up, of
        // anything that happened to an order that arrived in it: that is history, only counted.
        if (order.isOpen()) {
            *pendingNew = order;
        } else {
            m_newById.erase(pendingNew);
            forgetArrivalsGone();
        }
        if (m_held || (!order.isOpen() && before.state == OrderState::Placed))
            return;
    }
    const OrderAttention attention = OrderAttention::of(before, order, cause);
    if (attention.kind == OrderAttention::Kind::Cancelled) {
        KitchenAlert alert = make(KitchenAlert::Kind::Cancelled, &order);
        alert.title = tr("Order %1 cancelled: stop preparing it").arg(order.number);
        if (!order.lastReason.isEmpty())
            alert.details.append(tr("Reason: %1").arg(order.lastReason));
        m_pendingCancel.insert(order.id, m_pending.size());
        queue(alert);
        return;
    }
    if (attention.kind != OrderAttention::Kind::Changed)
        return;
    const QStringList lines = ItemDiff::lines(attention.itemChanges);
    KitchenAlert alert = make(KitchenAlert::Kind::Changed, &order);
    alert.title = lines.isEmpty() ? tr("Order %1: ready time moved").arg(order.number)
                                  : tr("Order %1 changed while in progress").arg(order.number);
    alert.details = lines;
    if (attention.promiseMoved)
        alert.details.append(tr("Ready time moved from %1 to %2")
                                     .arg(clockTime(before.promisedAt), clockTime(order.promisedAt)));
    queue(alert);
}

void KitchenAlerts::onOrderRemoved(const QString &orderId)
{
    m_newById.remove(orderId);
    if (m_known.remove(orderId))
        Q_EMIT settled(orderId);
}

void KitchenAlerts::onEngineAlert(const QString &orderId, const QString &message)
{
    // A cancel that overtook offline work arrives twice (the change, then the engine's alert):
    // one alert, with the engine's account of who and when as a detail.
    const auto cancel = m_pendingCancel.constFind(orderId);
    if (cancel != m_pendingCancel.cend()) {
        m_pending[*cancel].details.append(message);
        return;
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
    if (alarming) {
        feedQuiet(monitor, source);
        return;
    }
    const qint64 quietFrom = m_quietFrom.take(source);
    Q_EMIT withdrawn(KitchenAlert::Kind::FeedQuiet, source);
    // The alarm also ends when the store closes or reopens; only a feed heard again is back.
    const std::optional<FeedStatus> status = monitor.feed(source);
    if (status && status->lastHeardAt > 0 && status->quietForMs < monitor.quietLimitMs())
        feedSpoke(source, quietFrom);
}

void KitchenAlerts::feedQuiet(const FeedMonitor &monitor, const QString &source)
{
    if (const auto recovering = m_recovering.find(source); recovering != m_recovering.end()) {
        disconnect(recovering->progress); // it spoke, then fell silent again before we said so
        m_recovering.erase(recovering);
    }
    const std::optional<FeedStatus> status = monitor.feed(source);
    const qint64 quietForMs = status ? status->quietForMs : 0;
    m_quietFrom.insert(source, status && status->lastHeardAt > 0 ? status->lastHeardAt : 0);
    const int minutes = int(quietForMs / 60'000);
    KitchenAlert alert = make(KitchenAlert::Kind::FeedQuiet, nullptr);
    alert.source = source;
    alert.title = status && status->lastHeardAt == 0
        ? tr("Nothing heard from %1 for %n min: orders may not be arriving", nullptr, minutes)
              .arg(FeedMonitor::displayName(source))
        : tr("%1 has been quiet for %n min: orders may not be arriving", nullptr, minutes)
              .arg(FeedMonitor::displayName(source));
    alert.details.append(tr("Check the connection or the tablet for %1.").arg(source));
    raise(alert);
}

void KitchenAlerts::feedSpoke(const QString &source, qint64 quietFrom)
{
    // What this console did meanwhile waited in the outbox for this feed: say it arrived, once
    // the dispatcher has delivered it (or the wait is over), in the same breath as "back".
    Recovery recovery;
    recovery.pendingAtRecovery = pendingFor(source);
    recovery.quietFrom = quietFrom;
    recovery.generation = ++m_recoveries;
    ChannelDispatcher *dispatcher = m_engine.channels().dispatcher(source);
    if (recovery.pendingAtRecovery == 0 || !dispatcher) {
        m_recovering.insert(source, recovery);
        finishRecovery(source);
        return;
    }
    recovery.progress =
        connect(dispatcher, &ChannelDispatcher::healthChanged, this, [this, source] {
            if (pendingFor(source) == 0)
                finishRecovery(source);
        });
    m_recovering.insert(source, recovery);
    QTimer::singleShot(m_deliveryWaitMs, this, [this, source, generation = recovery.generation] {
        const auto recovering = m_recovering.constFind(source);
        if (recovering != m_recovering.cend() && recovering->generation == generation)
            finishRecovery(source);
    });
}

int KitchenAlerts::pendingFor(const QString &source) const
{
    const ChannelDispatcher *dispatcher = m_engine.channels().dispatcher(source);
    return dispatcher ? dispatcher->health().pending : 0;
}

void KitchenAlerts::finishRecovery(const QString &source)
{
    const Recovery recovery = m_recovering.take(source);
    disconnect(recovery.progress);
    const int waiting = pendingFor(source);
    const int sent = std::max(0, recovery.pendingAtRecovery - waiting);
    const QString name = FeedMonitor::displayName(source);
    KitchenAlert alert = make(KitchenAlert::Kind::FeedBack, nullptr);
    alert.source = source;
    if (recovery.pendingAtRecovery > 0 && waiting > 0)
        alert.title = tr("%1 back online: %n changes sent, %2 still waiting", nullptr, sent)
                          .arg(name)
                          .arg(waiting);
    else if (sent > 0)
        alert.title = tr("%1 back online, %n changes sent", nullptr, sent).arg(name);
    else
        alert.title = tr("%1 back online").arg(name);
    if (recovery.quietFrom > 0)
        alert.details.append(tr("Nothing was heard from it between %1 and %2.")
                                 .arg(clockTime(recovery.quietFrom), clockTime(m_clock.nowMs())));
    raise(alert);
}

void KitchenAlerts::checkLate()
{
    const qint64 now = m_clock.nowMs();
    QList<Order> late;
    const LazyOrder *lone = nullptr;
    for (Known &known : m_known) {
        const Order &order = known.order.head();
        if (known.lateRaised || !notYetReady(order.state) || order.placedAt <= 0
            || now - order.placedAt < m_lateAfterMs)
            continue;
        known.lateRaised = true;
        late.append(order);
        lone = &known.order;
    }
    if (late.size() == 1)
        late.first() = lone->order(); // described item by item; several only by number
    if (!late.isEmpty())
        raise(lateAlert(late, now));
}

KitchenAlert KitchenAlerts::lateAlert(const QList<Order> &late, qint64 now) const
{
    if (late.size() == 1) {
        const Order &order = late.constFirst();
        KitchenAlert alert = make(KitchenAlert::Kind::Late, &order);
        alert.title = tr("Order %1 is late: placed %n min ago", nullptr,
                         int((now - order.placedAt) / 60'000))
                              .arg(order.number);
        alert.details = itemLines(order.items);
        return alert;
    }
    // Several crossed together (a slow patch, a restart): one alert naming the oldest few.
    QList<Order> oldest = late;
    const qsizetype named = std::min<qsizetype>(KitchenAlert::maxNamedOrders, oldest.size());
    std::partial_sort(oldest.begin(), oldest.begin() + named, oldest.end(),
                      [](const Order &a, const Order &b) { return a.placedAt < b.placedAt; });
    KitchenAlert alert = make(KitchenAlert::Kind::Late, nullptr);
    for (const Order &order : late) {
        alert.orderIds.append(order.id);
        alert.orderNumbers.append(order.number);
    }
    QStringList numbers;
    for (qsizetype i = 0; i < named; ++i) {
        const Order &order = oldest.at(i);
        numbers.append(order.number);
        alert.details.append(
            tr("%1: placed %n min ago", nullptr, int((now - order.placedAt) / 60'000))
                .arg(order.number));
    }
    alert.title = KitchenAlert::mergedTitle(KitchenAlert::Kind::Late, int(late.size()), numbers);
    return alert;
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
        flushUnlessHeld();
}

void KitchenAlerts::holdWhileCatchingUp(bool catchingUp, bool joining)
{
    m_held = catchingUp;
    if (catchingUp)
        m_joining = joining;
    if (!m_held && m_engine.incomingBacklog() == 0)
        flush();
}

void KitchenAlerts::flushUnlessHeld()
{
    if (!m_held)
        flush();
}

void KitchenAlerts::flush()
{
    if (!m_newById.isEmpty() || isBacklog())
        raise(newOrdersAlert());
    m_newById.clear();
    m_newArrival.clear();
    m_arrivedInBurst = 0;
    m_joining = false;
    m_pendingCancel.clear();
    const QList<KitchenAlert> pending = std::exchange(m_pending, {});
    for (const KitchenAlert &alert : pending)
        raise(alert);
}

// A long catch-up places and finishes thousands of orders before it drains: the arrival list
// keeps only ids still pending once most of it is gone, so it stays as long as what is open.
void KitchenAlerts::forgetArrivalsGone()
{
    if (m_newArrival.size() < 64 || m_newArrival.size() < 2 * m_newById.size())
        return;
    m_newArrival.removeIf([this](const QString &id) { return !m_newById.contains(id); });
}

// More orders arrived than a title names, and some are gone already: a console catching up on
// what happened while it was away, not a rush of new tickets.
bool KitchenAlerts::isBacklog() const
{
    return m_arrivedInBurst > KitchenAlert::maxNamedOrders && m_arrivedInBurst > m_newById.size();
}

KitchenAlert KitchenAlerts::newOrdersAlert() const
{
    if (m_newById.size() == 1 && !isBacklog()) {
        const Order &order = m_newById.cbegin().value();
        KitchenAlert alert = make(KitchenAlert::Kind::NewOrder, &order);
        alert.title = tr("New order %1").arg(order.number);
        alert.details = itemLines(order.items);
        return alert;
    }
    // A replay of hundreds of orders is one alert naming the first few (skipping ids withdrawn
    // within the burst); it carries every id so the board can merge it with the next burst.
    KitchenAlert alert = make(KitchenAlert::Kind::NewOrder, nullptr);
    QSet<QString> listed;
    QStringList numbers;
    for (const QString &id : m_newArrival) {
        const auto order = m_newById.constFind(id);
        if (order == m_newById.cend() || listed.contains(id))
            continue;
        listed.insert(id);
        alert.orderIds.append(id);
        alert.orderNumbers.append(order->number);
        if (numbers.size() >= KitchenAlert::maxNamedOrders || numbers.contains(order->number))
            continue;
        numbers.append(order->number);
        QStringList items;
        for (const OrderItem &item : order->items)
            items.append(tr("%1× %2").arg(item.quantity).arg(item.name));
        alert.details.append(tr("%1: %2").arg(order->number, items.join(QStringLiteral(", "))));
    }
    if (m_joining)
        alert.title = KitchenAlert::joinedTitle(int(m_newById.size()), numbers);
    else if (isBacklog())
        alert.title = KitchenAlert::backlogTitle(m_arrivedInBurst, int(m_newById.size()), numbers);
    else
        alert.title = KitchenAlert::mergedTitle(KitchenAlert::Kind::NewOrder,
                                                int(m_newById.size()), numbers);
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
