// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofeed.h"

#include "common/clock.h"
#include "engine/orderengine.h"

namespace {
const QString demoSource = QStringLiteral("demo");
constexpr qint64 courierArrivesAfterMs = 2 * 60 * 1000;
constexpr qint64 deliveryTakesMs = 5 * 60 * 1000;
constexpr int cancelOneIn = 25; // per tick
} // namespace

DemoFeed::DemoFeed(OrderEngine &engine, const Clock &clock, int ordersPerMinute, quint32 seed,
                   QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_clock(clock)
    , m_generator(engine.config().storeId, seed)
    , m_random(seed ^ 0x5eed)
{
    m_generator.setIdNamespace(QUuid::createUuid());
    m_timer.setInterval(60 * 1000 / qMax(1, ordersPerMinute));
    connect(&m_timer, &QTimer::timeout, this, &DemoFeed::tick);
}

void DemoFeed::start()
{
    m_timer.start();
}

void DemoFeed::stop()
{
    m_timer.stop();
}

IncomingEvent DemoFeed::incoming(const QString &orderId, EventKind kind) const
{
    IncomingEvent incoming;
    incoming.source = demoSource;
    incoming.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    incoming.event.id = QUuid::createUuid();
    incoming.event.orderId = orderId;
    incoming.event.storeId = m_engine.config().storeId;
    incoming.event.kind = kind;
    incoming.event.actor = Actor::platform();
    incoming.event.origin = QStringLiteral("demo-platform");
    incoming.event.occurredAt = m_clock.nowMs();
    return incoming;
}

void DemoFeed::placeNow(int count)
{
    QList<IncomingEvent> batch;
    for (int i = 0; i < count; ++i) {
        const Order order = m_generator.next(m_clock.nowMs());
        IncomingEvent placed = incoming(order.id, EventKind::Placed);
        placed.event = OrderEvent::placed(order, placed.event.actor, placed.event.origin,
                                          placed.event.occurredAt);
        batch.append(placed);
    }
    m_engine.applyIncoming(batch);
}

void DemoFeed::tick()
{
    const std::optional<OrderEvent> last = m_engine.lastStoreEvent();
    if (!last || last->pausedUntil() <= m_clock.nowMs())
        placeNow(1);
    playCustomerAndCourier();
}

void DemoFeed::playCustomerAndCourier()
{
    const qint64 now = m_clock.nowMs();
    QList<IncomingEvent> batch;
    const QList<Order> open = m_engine.openOrders();
    if (!open.isEmpty() && m_random.bounded(cancelOneIn) == 0) {
        const Order &victim = open.at(m_random.bounded(int(open.size())));
        IncomingEvent cancel = incoming(victim.id, EventKind::Transition);
        cancel.event.from = victim.state;
        cancel.event.to = OrderState::Cancelled;
        cancel.event.reason = tr("Customer cancelled");
        batch.append(cancel);
    }
    for (const Order &order : open) {
        if (order.type == OrderType::Delivery && order.state == OrderState::Ready
            && now - order.stateSince > courierArrivesAfterMs) {
            IncomingEvent collect = incoming(order.id, EventKind::Transition);
            collect.event.from = OrderState::Ready;
            collect.event.to = OrderState::OutForDelivery;
            batch.append(collect);
        }
    }
    const QList<Order> onTheRoad = m_engine.ordersInState(OrderState::OutForDelivery);
    for (const Order &order : onTheRoad) {
        if (now - order.stateSince > deliveryTakesMs) {
            IncomingEvent deliver = incoming(order.id, EventKind::Transition);
            deliver.event.from = OrderState::OutForDelivery;
            deliver.event.to = OrderState::Delivered;
            batch.append(deliver);
        }
    }
    if (!batch.isEmpty())
        m_engine.applyIncoming(batch);
}
