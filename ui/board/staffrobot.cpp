// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "staffrobot.h"

#include "boardactions.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "order/stationrules.h"
#include "shared/uilogging.h"

StaffRobot::StaffRobot(OrderEngine &engine, BoardActions &actions, const Clock &clock,
                       const QString &station, const Pace &pace, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_actions(actions)
    , m_clock(clock)
    , m_station(station)
    , m_pace(pace)
    , m_random(pace.seed)
{
    m_tick.setInterval(pace.tickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] { actOnce(); });
}

void StaffRobot::start()
{
    m_tick.start();
}

void StaffRobot::stop()
{
    m_tick.stop();
}

int StaffRobot::actOnce()
{
    const qint64 now = m_clock.nowMs();
    const QList<Order> open = m_engine.openOrders();
    // Forget orders that left the board, so a shift-long run keeps only what is on it.
    QHash<QString, Seen> seen;
    for (const Order &order : open) {
        if (const auto it = m_seen.constFind(order.id); it != m_seen.cend())
            seen.insert(order.id, it.value());
    }
    m_seen = std::move(seen);
    int given = 0;
    for (const Order &order : open) {
        if (given >= m_pace.actionsPerTick)
            break;
        if (!dwelt(order, now))
            continue;
        // The list may be older than the store (another screen's step just arrived): a cook acts
        // on the ticket as it is now, and looks again next time if it moved meanwhile.
        const std::optional<Order> current = m_engine.order(order.id);
        if (!current || current->state != order.state || current->eventCount != order.eventCount)
            continue;
        if (m_station.isEmpty() ? actAsExpo(*current) : actAsStation(*current))
            ++given;
    }
    return given;
}

bool StaffRobot::dwelt(const Order &order, qint64 now)
{
    const int state = int(order.state);
    auto it = m_seen.find(order.id);
    if (it == m_seen.end() || it->state != state) {
        const qint64 spread = std::max<qint64>(0, m_pace.maxDwellMs - m_pace.minDwellMs);
        const qint64 dwell = m_pace.minDwellMs
                + (spread > 0 ? qint64(m_random.bounded(quint64(spread) + 1)) : 0);
        it = m_seen.insert(order.id, Seen {state, now, now + dwell});
    }
    return now >= it->due;
}

int StaffRobot::perMille(const Order &order, const char *choice) const
{
    // Drawn from the order, its history so far and the seed, not the stream: the same orders are
    // rejected (or recalled) on every run however the ticks fall, and a recalled order is not
    // recalled again every time it goes.
    const QString key = order.id + QLatin1String(choice) + QString::number(order.eventCount);
    return int(qHash(key, m_pace.seed) % 1000);
}

bool StaffRobot::actAsExpo(const Order &order)
{
    const QString &id = order.id;
    switch (order.state) {
    case OrderState::Placed:
        if (perMille(order, "reject") < m_pace.rejectPerMille) {
            const QStringList &reasons = m_actions.options().policy.rejectReasons;
            const CommandResult result =
                    m_actions.reject(id, reasons.isEmpty() ? tr("Too busy") : reasons.first());
            return counted(id, result.ok, result.message, &m_tally.rejected);
        } else {
            const CommandResult result =
                    m_actions.accept(id, m_actions.options().policy.defaultPrepMinutes);
            return counted(id, result.ok, result.message, &m_tally.accepted);
        }
    case OrderState::Accepted: {
        const CommandResult result = m_actions.advance(id);
        return counted(id, result.ok, result.message, &m_tally.started);
    }
    case OrderState::Preparing: {
        // The stations finish their own items (the last one makes the order ready); expo steps
        // in only when they take far too long, as a real expo would.
        const Seen &seen = m_seen[id];
        const bool stationsWorking = !StationRules::openStations(order).isEmpty();
        if (stationsWorking
            && (m_pace.expoTakesOverAfterMs <= 0
                || m_clock.nowMs() - seen.since < m_pace.expoTakesOverAfterMs))
            return false;
        const CommandResult result = m_actions.advance(id);
        return counted(id, result.ok, result.message, &m_tally.readied);
    }
    case OrderState::Ready:
    case OrderState::OutForDelivery: {
        const CommandResult result = m_actions.advance(id);
        const bool given = counted(id, result.ok, result.message, &m_tally.handedOver);
        if (given && perMille(order, "recall") < m_pace.recallPerMille) {
            // Handed over by mistake: the latest bump comes back, as R and the list do.
            const QList<Order> recallable = m_actions.recallable();
            if (!recallable.isEmpty()) {
                const CommandResult recall = m_actions.recallOrder(recallable.constFirst().id);
                counted(recallable.constFirst().id, recall.ok, recall.message, &m_tally.recalled);
            }
        }
        return given;
    }
    default:
        return false;
    }
}

bool StaffRobot::actAsStation(const Order &order)
{
    if (!StationRules::isOpenAt(order, m_station)
        || !StationRules::check(order, m_station, true).allowed())
        return false;
    const CommandResult result = m_actions.bumpStation(order.id, m_station);
    return counted(order.id, result.ok, result.message, &m_tally.stationBumps);
}

bool StaffRobot::counted(const QString &orderId, bool ok, const QString &message, int *done)
{
    if (ok) {
        ++*done;
        return true;
    }
    ++m_tally.refused;
    qCInfo(lcBoard).noquote() << "staff robot" << (m_station.isEmpty() ? QStringLiteral("expo")
                                                                       : m_station)
                              << "refused on" << orderId << ":" << message;
    Q_EMIT refused(orderId, message);
    return true; // a refused command took the cook's time too
}
