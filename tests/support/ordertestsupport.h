// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fixtures and QTest::toString overloads shared by the core/order tests. The overloads live in the
// namespace of the types they print, so QCOMPARE finds them by argument-dependent lookup and a
// failure shows "picked_up" or a JSON object instead of nothing.

#include "order/actor.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/orderitem.h"
#include "order/orderstate.h"
#include "order/statemachine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtTest/QTest>

#include <optional>

inline char *toString(OrderState state)
{
    return QTest::toString(OrderStates::toString(state));
}

inline char *toString(OrderType type)
{
    return QTest::toString(OrderTypes::toString(type));
}

inline char *toString(ActorRole role)
{
    return QTest::toString(ActorRoles::toString(role));
}

inline char *toString(EventKind kind)
{
    return QTest::toString(EventKinds::toString(kind));
}

inline char *toString(Refusal refusal)
{
    // A switch, so a new Refusal without a name here is a compiler warning.
    switch (refusal) {
    case Refusal::None:
        return qstrdup("None");
    case Refusal::FinalState:
        return qstrdup("FinalState");
    case Refusal::AlreadyThere:
        return qstrdup("AlreadyThere");
    case Refusal::NoSuchStep:
        return qstrdup("NoSuchStep");
    case Refusal::WrongOrderType:
        return qstrdup("WrongOrderType");
    case Refusal::NotPermitted:
        return qstrdup("NotPermitted");
    case Refusal::MissingPromisedTime:
        return qstrdup("MissingPromisedTime");
    case Refusal::MissingReason:
        return qstrdup("MissingReason");
    case Refusal::RecallWindowPassed:
        return qstrdup("RecallWindowPassed");
    }
    return qstrdup("(unknown Refusal)");
}

template<typename Enum> char *toString(const std::optional<Enum> &value)
{
    return value ? toString(*value) : qstrdup("(none)");
}

inline char *toString(const Actor &actor)
{
    return QTest::toString(actor.toString());
}

inline char *toString(const QJsonObject &json)
{
    return qstrdup(QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
}

inline char *toString(const OrderItem &item)
{
    return toString(item.toJson());
}

inline char *toString(const Order &order)
{
    return toString(order.toJson());
}

inline char *toString(const OrderEvent &event)
{
    return toString(event.toJson());
}

namespace OrderFixtures {

/** A fixed point in time (2026-03-02T12:00:00Z) so tests never read the wall clock. */
constexpr qint64 t0 = 1772452800000;
constexpr qint64 minuteMs = 60 * 1000;

inline OrderItem burger()
{
    OrderItem item;
    item.name = QStringLiteral("Cheeseburger");
    item.quantity = 2;
    item.modifiers = {QStringLiteral("no onions"), QStringLiteral("extra cheese")};
    item.allergens = {QStringLiteral("gluten"), QStringLiteral("milk")};
    item.notes = QStringLiteral("well done");
    item.station = QStringLiteral("grill");
    item.seat = 3;
    item.course = 2;
    return item;
}

inline OrderItem fries()
{
    OrderItem item;
    item.name = QStringLiteral("Fries");
    return item;
}

/** An order numbered "417" whose id shares no digits with that number. */
inline Order order(OrderState state, OrderType type = OrderType::Pickup)
{
    Order o;
    o.id = QStringLiteral("ord-abc");
    o.storeId = QStringLiteral("store-x");
    o.number = QStringLiteral("417");
    o.type = type;
    o.state = state;
    o.items = {burger(), fries()};
    o.placedAt = t0;
    o.stateSince = t0;
    o.updatedAt = t0;
    o.eventCount = 1;
    return o;
}

/** A fully populated order, every optional field set. */
inline Order fullOrder()
{
    Order o = order(OrderState::Ready, OrderType::DineIn);
    o.customerName = QStringLiteral("Ana");
    o.table = QStringLiteral("T12");
    o.source = QStringLiteral("pos:square");
    o.lastReason = QStringLiteral("customer asked");
    o.notes = {QStringLiteral("birthday"), QStringLiteral("window seat")};
    o.stateSince = t0 + 5 * minuteMs;
    o.promisedAt = t0 + 20 * minuteMs;
    o.updatedAt = t0 + 6 * minuteMs;
    o.eventCount = 4;
    o.lastEventId = QUuid::fromString(QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    return o;
}

/** An order-level event about order(), with a fresh id. */
inline OrderEvent makeEvent(EventKind kind)
{
    OrderEvent e;
    e.id = QUuid::createUuid();
    e.orderId = QStringLiteral("ord-abc");
    e.storeId = QStringLiteral("store-x");
    e.kind = kind;
    e.actor = Actor::staff(QStringLiteral("ana"));
    e.origin = QStringLiteral("console-1");
    e.occurredAt = t0 + minuteMs;
    return e;
}

} // namespace OrderFixtures
