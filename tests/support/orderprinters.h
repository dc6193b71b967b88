// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QTest::toString overloads for the order types. They live in the namespace of the types they
// print, so QCOMPARE finds them by argument-dependent lookup and a failure shows "picked_up" or a
// JSON object instead of nothing.

#include "testjson.h"

#include "order/actor.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/orderitem.h"
#include "order/orderstate.h"
#include "order/statemachine.h"

#include <QJsonObject>
#include <QtTest/QTest>

#include <optional>
#include <utility>

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

// Only for the types printed above: other optionals (a gui test's BoardCommand) keep QTest's own.
template<typename Enum>
auto toString(const std::optional<Enum> &value) -> decltype(toString(std::declval<Enum>()))
{
    return value ? toString(*value) : qstrdup("(none)");
}

inline char *toString(const Actor &actor)
{
    return QTest::toString(actor.toString());
}

inline char *toString(const QJsonObject &json)
{
    return qstrdup(TestJson::compact(json).constData());
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
