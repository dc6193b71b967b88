// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubsimulator.h"

#include "hub.h"
#include "hublog.h"
#include "hublogging.h"

#include "common/clock.h"

#include <QDateTime>

#include <limits>

namespace {
constexpr int cancelPercent = 5; // of ticks in which a customer cancels an open order
constexpr int courierPercent = 50; // chance per tick that a waiting courier moves on

OrderEvent platformEvent(const Order &order, OrderState to, const QString &reason, qint64 now)
{
    return OrderEvent::transition(order.id, order.storeId, order.state, to, Actor::platform(),
                                  QStringLiteral("simulator"), now, reason);
}

// The number after the highest ticket number in the store's log; numbers that are not plain
// numbers (a POS's "A12") do not count.
qint64 numberAfter(const QList<Order> &orders)
{
    qint64 highest = OrderGenerator::firstNumber - 1;
    for (const Order &order : orders) {
        bool isNumber = false;
        const qint64 number = order.number.toLongLong(&isNumber);
        if (isNumber && number > highest && number < std::numeric_limits<qint64>::max())
            highest = number;
    }
    return highest + 1;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
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
            generator->setIdNamespace(m_run);
            m_generators.insert(storeId, generator);
        }
    }
    if (perMinute <= 0 || storeIds.isEmpty())
        return;
    m_timer.start(qMax(1, 60'000 / perMinute));
    qCInfo(lcHubSimulator) << "simulating" << perMinute << "orders per minute in" << storeIds.size()
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
    const QList<Order> orders = m_hub.log().orders(storeId);
    const qint64 until = pausedUntil(storeId, now);
    notePause(storeId, until);
    if (until == 0) {
        // Numbered from the log, not from memory: a hub restarted over its log, or orders that
        // came in through the HTTP API, never make a number come round twice.
        generator->setNextNumber(numberAfter(orders));
        m_hub.submit(OrderEvent::placed(generator->next(now), Actor::platform(),
                                        QStringLiteral("simulator"), now));
    }

    // Customers and couriers carry on during a pause: it stops new orders, not the ones placed.
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

// The store's latest store-level event decides: a pause holds until its end (a pause without
// one ends at once, so busy mode can never stick), and a resume ends it early.
qint64 HubSimulator::pausedUntil(const QString &storeId, qint64 now)
{
    const std::optional<Protocol::SequencedEvent> last = m_hub.log().lastStoreEvent(storeId);
    if (!last)
        return 0;
    const qint64 until = last->event.pausedUntil();
    return until > now ? until : 0;
}

void HubSimulator::notePause(const QString &storeId, qint64 until)
{
    if (until > 0 && !m_paused.contains(storeId)) {
        m_paused.insert(storeId);
        qCInfo(lcHubSimulator).noquote() << "store" << storeId << "is paused until"
                                         << timeText(until) << "; placing no new orders";
    } else if (until == 0 && m_paused.remove(storeId)) {
        qCInfo(lcHubSimulator).noquote() << "store" << storeId << "takes orders again";
    }
}
