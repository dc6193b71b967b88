// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubsimulator.h"

#include "hub.h"
#include "hublog.h"
#include "hublogging.h"

#include "common/clock.h"

namespace {
constexpr int cancelPercent = 5; // of ticks in which a customer cancels an open order
constexpr int courierPercent = 50; // chance per tick that a waiting courier moves on

OrderEvent platformEvent(const Order &order, OrderState to, const QString &reason, qint64 now)
{
    return OrderEvent::transition(order.id, order.storeId, order.state, to, Actor::platform(),
                                  QStringLiteral("simulator"), now, reason);
}
} // namespace

HubSimulator::HubSimulator(Hub &hub, const Clock &clock, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_clock(clock)
    , m_seed(seed)
    , m_random(seed)
{
    connect(&m_timer, &QTimer::timeout, this, &HubSimulator::tick);
}

HubSimulator::~HubSimulator() = default;

void HubSimulator::start(const QStringList &storeIds, int perMinute)
{
    m_storeIds = storeIds;
    for (const QString &storeId : storeIds) {
        if (!m_generators.contains(storeId)) {
            auto generator =
                std::make_shared<OrderGenerator>(storeId, m_seed + quint32(m_generators.size()));
            generator->setScheduledPercent(OrderGenerator::simulatorScheduledPercent);
            m_generators.insert(storeId, generator);
        }
    }
    if (perMinute <= 0 || storeIds.isEmpty())
        return;
    m_timer.start(qMax(1, 60'000 / perMinute));
    qCInfo(lcHubServer) << "simulating" << perMinute << "orders per minute in" << storeIds.size()
                        << "stores";
}

void HubSimulator::stop()
{
    m_timer.stop();
}

void HubSimulator::tick()
{
    for (const QString &storeId : std::as_const(m_storeIds))
        tickStore(storeId);
}

void HubSimulator::tickStore(const QString &storeId)
{
    const qint64 now = m_clock.nowMs();
    auto generator = m_generators.value(storeId);
    if (!generator)
        return;
    m_hub.submit(OrderEvent::placed(generator->next(now), Actor::platform(),
                                    QStringLiteral("simulator"), now));

    const QList<Order> orders = m_hub.log().orders(storeId);
    QList<Order> open;
    for (const Order &order : orders) {
        if (order.isOpen())
            open.append(order);
        if (order.type != OrderType::Delivery || int(m_random.bounded(100)) >= courierPercent)
            continue;
        if (order.state == OrderState::Ready)
            m_hub.submit(platformEvent(order, OrderState::OutForDelivery, {}, now));
        else if (order.state == OrderState::OutForDelivery)
            m_hub.submit(platformEvent(order, OrderState::Delivered, {}, now));
    }
    if (!open.isEmpty() && int(m_random.bounded(100)) < cancelPercent) {
        const Order &victim = open.at(int(m_random.bounded(int(open.size()))));
        m_hub.submit(platformEvent(victim, OrderState::Cancelled,
                                   QStringLiteral("The customer changed their mind"), now));
    }
}
