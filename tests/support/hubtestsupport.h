// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"
#include "order/storepolicycodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QUuid>
#include <QtTest/QTest>

// Builders shared by the hub tests: small valid orders and the events that move them.
namespace HubTest {

// 2026-11-25 12:00:00 UTC: a fixed "now" so times in reasons are predictable.
inline qint64 startMs()
{
    return QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

inline Order order(const QString &storeId, const QString &number,
                   OrderType type = OrderType::Pickup)
{
    Order order;
    order.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    order.storeId = storeId;
    order.number = number;
    order.type = type;
    OrderItem item;
    item.name = QStringLiteral("Cheeseburger");
    item.station = QStringLiteral("grill");
    order.items = {item};
    order.source = QStringLiteral("platform");
    return order;
}

inline OrderEvent placed(const Order &order, qint64 at = startMs())
{
    return OrderEvent::placed(order, Actor::platform(), QStringLiteral("test"), at);
}

// What a console may submit: an order taken at the counter, in its staff's name (a console
// cannot speak for the platform).
inline OrderEvent placedAtCounter(const Order &order, qint64 at = startMs())
{
    return OrderEvent::placed(order, Actor::staff(QStringLiteral("ana")), QStringLiteral("test"),
                              at);
}

inline OrderEvent transition(const Order &order, OrderState from, OrderState to, const Actor &actor,
                             qint64 at = startMs(), const QString &reason = {})
{
    OrderEvent event = OrderEvent::transition(order.id, order.storeId, from, to, actor,
                                              QStringLiteral("test"), at, reason);
    if (to == OrderState::Accepted)
        event.payload.insert(QStringLiteral("promised_at"), at + 15 * 60 * 1000);
    return event;
}

// A store-level event as a console writes it: store_paused until untilMs (UTC), or store_resumed
// (kind StoreResumed; untilMs unused).
inline OrderEvent storeEvent(const QString &storeId, EventKind kind, qint64 untilMs,
                             const Actor &actor = Actor::staff(QStringLiteral("ana")),
                             qint64 at = startMs())
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.storeId = storeId;
    event.kind = kind;
    event.actor = actor;
    event.origin = QStringLiteral("test");
    event.occurredAt = at;
    if (kind == EventKind::StorePaused)
        event.payload.insert(QStringLiteral("until"), untilMs);
    return event;
}

// A manager's change of the store's rules, which the hub keeps with the store's other events.
inline OrderEvent policyChange(const QString &storeId, const StorePolicy &policy,
                               qint64 at = startMs())
{
    OrderEvent event =
            storeEvent(storeId, EventKind::StorePolicyChanged, 0, Actor::manager(QStringLiteral("mia")), at);
    event.payload.insert(QStringLiteral("policy"), StorePolicyCodec::toJson(policy));
    return event;
}

// Every kind of event, for tables over kind × actor role.
inline QList<EventKind> allKinds()
{
    return {EventKind::Placed,        EventKind::Transition, EventKind::Recall,
            EventKind::Modified,      EventKind::EtaChanged, EventKind::NoteAdded,
            EventKind::StationBumped, EventKind::ItemDone,   EventKind::StorePaused,
            EventKind::StoreResumed};
}

// The columns "kind" and "role" with a row for every kind × role, for a _data() function.
inline void addKindByRoleRows()
{
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<ActorRole>("role");
    const QList<EventKind> kinds = allKinds();
    for (EventKind kind : kinds) {
        for (ActorRole role : ActorRoles::all())
            QTest::addRow("%s by %s", qPrintable(EventKinds::toString(kind)),
                          qPrintable(ActorRoles::toString(role)))
                << kind << role;
    }
}

// A named actor of each role, as a console could write it into a frame.
inline Actor actorOf(ActorRole role)
{
    switch (role) {
    case ActorRole::Staff:
        return Actor::staff(QStringLiteral("ana"));
    case ActorRole::Manager:
        return Actor::manager(QStringLiteral("boss"));
    case ActorRole::Pos:
        return Actor::pos(QStringLiteral("square"));
    case ActorRole::Platform:
        return Actor::platform();
    case ActorRole::AutoAccept:
        return Actor::autoAccept();
    case ActorRole::System:
        break;
    }
    return Actor::system();
}

// An event of kind by actor that fits the log in every other way: log (a HubLog or a Hub) gets
// the order it needs, in the state it needs, through the platform's own path first. ok says
// whether that setup was accepted; the returned event is not submitted.
template<typename Log>
OrderEvent eventOfKind(Log &log, const QString &storeId, EventKind kind, const Actor &actor,
                       bool *ok)
{
    *ok = true;
    const qint64 at = startMs();
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    Order fresh = order(storeId, QStringLiteral("4%1").arg(int(kind)));
    if (kind == EventKind::Placed)
        return OrderEvent::placed(fresh, actor, QStringLiteral("test"), at);
    if (EventKinds::isStoreLevel(kind))
        return storeEvent(storeId, kind, at + 15 * 60 * 1000, actor, at);
    const auto setup = [&](const OrderEvent &event) {
        if (!log.submit(event).acked())
            *ok = false;
    };
    setup(placed(fresh));
    setup(transition(fresh, OrderState::Placed, OrderState::Accepted, cook));
    if (kind == EventKind::Transition) // the next step of an accepted order
        return transition(fresh, OrderState::Accepted, OrderState::Preparing, actor);
    if (kind == EventKind::Recall) {
        setup(transition(fresh, OrderState::Accepted, OrderState::Preparing, cook));
        setup(transition(fresh, OrderState::Preparing, OrderState::Ready, cook));
        OrderEvent recall = transition(fresh, OrderState::Ready, OrderState::Preparing, actor);
        recall.kind = EventKind::Recall;
        return recall;
    }
    if (kind == EventKind::StationBumped)
        return OrderEvent::stationBumped(fresh, QStringLiteral("grill"), true, actor,
                                         QStringLiteral("test"), at);
    if (kind == EventKind::ItemDone)
        return OrderEvent::itemDone(fresh, 0, true, actor, QStringLiteral("test"), at);
    OrderEvent event = transition(fresh, OrderState::Accepted, OrderState::Accepted, actor);
    event.kind = kind;
    event.from.reset();
    event.to.reset();
    event.payload = {};
    if (kind == EventKind::Modified) {
        OrderItem fries;
        fries.name = QStringLiteral("Fries");
        fries.station = QStringLiteral("fryer");
        event.payload.insert(QStringLiteral("items"),
                             QJsonArray {fresh.items.constFirst().toJson(), fries.toJson()});
    } else if (kind == EventKind::EtaChanged) {
        event.payload.insert(QStringLiteral("promised_at"), at + 30 * 60 * 1000);
    } else if (kind == EventKind::NoteAdded) {
        event.reason = QStringLiteral("no onions");
    }
    return event;
}

// Places order at time at and moves it through states (staff's steps; cancelling is the
// platform's) in log (a HubLog or a Hub); the seqs of its events, 0 for a step refused.
template<typename Log>
QList<qint64> walk(Log &log, const Order &order, const QList<OrderState> &states, qint64 at)
{
    QList<qint64> seqs {log.submit(placed(order, at)).seq};
    OrderState from = OrderState::Placed;
    for (const OrderState to : states) {
        const Actor actor =
                to == OrderState::Cancelled ? Actor::platform() : Actor::staff(QStringLiteral("ana"));
        seqs.append(log.submit(transition(order, from, to, actor, at, QStringLiteral("called")))
                            .seq);
        from = to;
    }
    return seqs;
}

} // namespace HubTest
