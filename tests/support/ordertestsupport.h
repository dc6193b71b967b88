// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fixtures shared by the core/order tests, and the printers of orderprinters.h.

#include "orderprinters.h"

#include "order/actor.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/orderitem.h"
#include "order/orderstate.h"
#include "order/statemachine.h"

#include <QUuid>

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

/** order() with four lines at three stations: burger (grill), fries (fry), salad (cold), veggie
 *  burger (grill). */
inline Order grillFryCold(OrderState state)
{
    Order o = order(state);
    OrderItem chips = fries();
    chips.station = QStringLiteral("fry");
    OrderItem salad;
    salad.name = QStringLiteral("Caesar salad");
    salad.station = QStringLiteral("cold");
    OrderItem second = burger();
    second.name = QStringLiteral("Veggie burger");
    o.items = {burger(), chips, salad, second};
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

/**
 * Whether verdict is the refusal expected (none: allowed, with no reason) and, when refused, its
 * reason mentions reasonMentions (case aside). Says what it got when not.
 */
inline bool verdictMatches(const Verdict &verdict, Refusal refusal, const QString &reasonMentions)
{
    const bool matches = verdict.refusal == refusal
        && (refusal == Refusal::None ? verdict.reason.isEmpty()
                                     : verdict.reason.contains(reasonMentions, Qt::CaseInsensitive));
    if (!matches)
        qWarning("verdict %d \"%s\"; expected %d mentioning \"%s\"", int(verdict.refusal),
                 qUtf8Printable(verdict.reason), int(refusal), qUtf8Printable(reasonMentions));
    return matches;
}

/** event read back from its wire form with its payload replaced (none when payload is empty). */
inline Result<OrderEvent> readWithPayload(const OrderEvent &event, const QJsonObject &payload)
{
    QJsonObject json = event.toJson();
    json.insert(QStringLiteral("payload"), payload);
    if (payload.isEmpty())
        json.remove(QStringLiteral("payload"));
    return OrderEvent::fromJson(json);
}

} // namespace OrderFixtures
