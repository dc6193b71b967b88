// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One order's events written as a script, for fixtures whose figures are worked out by hand.

#include "metrics/loggedevent.h"
#include "metrics/metricsledger.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <algorithm>

namespace MetricsTest {

constexpr qint64 minute = 60 * 1000;

/** UTC ms of a time on a day in zone (UTC unless given). */
inline qint64 at(int year, int month, int day, int hour, int min,
                 const QTimeZone &zone = QTimeZone::utc())
{
    return QDateTime(QDate(year, month, day), QTime(hour, min), zone).toMSecsSinceEpoch();
}

/** 2026-12-01 hh:mm UTC. */
inline qint64 noonDay(int hour, int min) { return at(2026, 12, 1, hour, min); }

class OrderScript
{
public:
    OrderScript(const QString &orderId, qint64 placedAt, OrderType type = OrderType::Pickup,
                const QString &source = QStringLiteral("platform"))
        : m_orderId(orderId)
    {
        LoggedEvent placed = next(EventKind::Placed, placedAt);
        placed.to = OrderState::Placed;
        placed.number = orderId.toUpper();
        placed.type = type;
        placed.source = source;
        m_state = OrderState::Placed;
        m_events.append(placed);
    }

    OrderScript &to(OrderState state, qint64 when, const QString &reason = {})
    {
        return move(EventKind::Transition, state, when, reason);
    }
    OrderScript &recall(OrderState state, qint64 when)
    {
        return move(EventKind::Recall, state, when, {});
    }
    OrderScript &accept(qint64 when, qint64 promisedAt)
    {
        to(OrderState::Accepted, when);
        m_events.last().promisedAt = promisedAt;
        return *this;
    }
    /** The next transition to state is refused by the platform: it never happened. */
    OrderScript &refusedTo(OrderState state, qint64 when)
    {
        LoggedEvent event = next(EventKind::Transition, when);
        event.from = m_state;
        event.to = state;
        event.refused = true;
        m_events.append(event);
        return *this;
    }
    OrderScript &station(const QString &name, qint64 when, bool done = true)
    {
        LoggedEvent event = next(EventKind::StationBumped, when);
        event.station = name;
        event.done = done;
        m_events.append(event);
        return *this;
    }
    OrderScript &line(int item, const QString &stationName, qint64 when, bool done = true,
                      const QString &name = {})
    {
        LoggedEvent event = next(EventKind::ItemDone, when);
        event.item = item;
        event.station = stationName;
        event.itemName = name.isEmpty() ? QStringLiteral("line %1").arg(item) : name;
        event.done = done;
        m_events.append(event);
        return *this;
    }

    QList<LoggedEvent> events() const { return m_events; }
    QString id() const { return m_orderId; }

private:
    LoggedEvent next(EventKind kind, qint64 when)
    {
        LoggedEvent event;
        event.seq = ++s_seq;
        event.orderId = m_orderId;
        event.kind = kind;
        event.occurredAt = when;
        event.actor = ActorRole::Staff;
        return event;
    }
    OrderScript &move(EventKind kind, OrderState state, qint64 when, const QString &reason)
    {
        LoggedEvent event = next(kind, when);
        event.from = m_state;
        event.to = state;
        event.reason = reason;
        m_state = state;
        m_events.append(event);
        return *this;
    }

    inline static qint64 s_seq = 0;
    QString m_orderId;
    OrderState m_state = OrderState::Placed;
    QList<LoggedEvent> m_events;
};

/** Every script's events in log order (as written), folded into a ledger. */
inline MetricsLedger ledgerOf(const QList<OrderScript> &orders)
{
    QList<LoggedEvent> log;
    for (const OrderScript &order : orders)
        log += order.events();
    std::sort(log.begin(), log.end(),
              [](const LoggedEvent &a, const LoggedEvent &b) { return a.seq < b.seq; });
    MetricsLedger ledger;
    for (const LoggedEvent &event : log)
        ledger.apply(event);
    return ledger;
}

} // namespace MetricsTest
