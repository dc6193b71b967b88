// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projector.h"

#include "jsonfields.h"
#include "stationrules.h"

#include <QJsonArray>

namespace {
Projection fail(const QString &message)
{
    return Failure {message};
}

Projection placeOrder(const OrderEvent &event)
{
    Result<Order> order = Order::fromJson(event.payload);
    if (!order)
        return order;
    if (order->id != event.orderId)
        return fail(QStringLiteral("placed event for %1 carries order %2")
                            .arg(event.orderId, order->id));
    if (!order->storeId.isEmpty() && order->storeId != event.storeId)
        return fail(QStringLiteral("order %1 belongs to store %2, not %3")
                            .arg(order->id, order->storeId, event.storeId));
    order->storeId = event.storeId;
    order->state = OrderState::Placed;
    order->placedAt = event.occurredAt;
    order->stateSince = event.occurredAt;
    order->lastReason.clear();
    order->stationsDone.clear();
    order->itemsDone.clear();
    order->eventCount = 0;
    return order;
}

Projection moveState(Order order, const OrderEvent &event)
{
    if (!event.from || !event.to)
        return fail(QStringLiteral("%1 event for %2 needs both from and to")
                            .arg(EventKinds::toString(event.kind), order.id));
    if (order.state != *event.from)
        return fail(QStringLiteral("order %1 is %2 but the event moves it from %3")
                            .arg(order.id, OrderStates::toString(order.state),
                                 OrderStates::toString(*event.from)));
    // stationsDone is left as it was, on recalls too: what a station finished is still on the
    // pass, so expo's "not ready after all" must not send every station back to cook. A station
    // that must redo its items reopens them itself (station_bumped with done false).
    order.state = *event.to;
    order.stateSince = event.occurredAt;
    JsonFields fields(event.payload, QStringLiteral("transition"));
    order.promisedAt = fields.optionalInt64(QStringLiteral("promised_at"), order.promisedAt);
    if (!fields.ok())
        return fail(fields.error());
    if (!event.reason.isEmpty())
        order.lastReason = event.reason;
    return order;
}

Projection modifyItems(Order order, const OrderEvent &event)
{
    const QJsonValue items = event.payload.value(QStringLiteral("items"));
    if (!items.isArray() || items.toArray().isEmpty())
        return fail(QStringLiteral("modified event for %1 carries no items").arg(order.id));
    if (items.toArray().size() > Order::maxItems)
        return fail(QStringLiteral("modified event for %1 carries %2 items (at most %3)")
                            .arg(order.id)
                            .arg(items.toArray().size())
                            .arg(Order::maxItems));
    QList<OrderItem> newItems;
    const QJsonArray array = items.toArray();
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return fail(QStringLiteral("an item is not an object"));
        Result<OrderItem> item = OrderItem::fromJson(value.toObject());
        if (!item)
            return fail(item.error());
        newItems.append(std::move(item).value());
    }
    // A changed or added line has work again (an added burger reopens the grill); an unchanged
    // one stays done, and a station left with no items is no longer on the order at all.
    StationRules::carryOver(order, newItems);
    return order;
}

Projection bumpStation(Order order, const OrderEvent &event)
{
    JsonFields fields(event.payload, QStringLiteral("station_bumped"));
    const QString station = fields.requiredString(QStringLiteral("station"));
    const QJsonValue done = event.payload.value(QStringLiteral("done"));
    if (!fields.ok())
        return fail(fields.error());
    if (!done.isBool())
        return fail(QStringLiteral("station_bumped for %1 needs \"done\"").arg(order.id));
    const Verdict verdict = StationRules::check(order, station, done.toBool());
    if (!verdict.allowed())
        return fail(verdict.reason);
    StationRules::markStation(order, station, done.toBool());
    return order;
}

Projection markItem(Order order, const OrderEvent &event)
{
    // The wire reader has checked the payload's types (OrderEvent::fromJson).
    const int index = event.payload.value(QStringLiteral("item")).toInt(-1);
    const QString name = event.payload.value(QStringLiteral("name")).toString();
    const bool done = event.payload.value(QStringLiteral("done")).toBool();
    const Verdict verdict = StationRules::checkLine(order, index, name, done);
    if (!verdict.allowed())
        return fail(verdict.reason);
    StationRules::markLine(order, index, done);
    return order;
}

Projection changeEta(Order order, const OrderEvent &event)
{
    JsonFields fields(event.payload, QStringLiteral("eta_changed"));
    const qint64 promisedAt = fields.requiredInt64(QStringLiteral("promised_at"));
    if (!fields.ok())
        return fail(fields.error());
    order.promisedAt = promisedAt;
    return order;
}

Projection addNote(Order order, const OrderEvent &event)
{
    if (event.reason.trimmed().isEmpty())
        return fail(QStringLiteral("note for %1 is empty").arg(event.orderId));
    order.notes.append(event.reason);
    return order;
}

// The event's own change, before the bookkeeping every event adds.
Projection fold(const std::optional<Order> &current, const OrderEvent &event)
{
    switch (event.kind) {
    case EventKind::Placed:
        return placeOrder(event);
    case EventKind::Transition:
    case EventKind::Recall:
        return moveState(*current, event);
    case EventKind::Modified:
        return modifyItems(*current, event);
    case EventKind::EtaChanged:
        return changeEta(*current, event);
    case EventKind::StationBumped:
        return bumpStation(*current, event);
    case EventKind::ItemDone:
        return markItem(*current, event);
    case EventKind::NoteAdded:
        return addNote(*current, event);
    case EventKind::StorePaused:
    case EventKind::StoreResumed:
    case EventKind::StorePolicyChanged:
    case EventKind::DeadLetterRedriven:
    case EventKind::DeadLetterDiscarded:
    case EventKind::PosConnectionChanged:
        break;
    }
    Q_UNREACHABLE();
    return fail(QStringLiteral("store-level event %1 in an order's fold").arg(event.orderId));
}

} // namespace

Projection Projector::apply(const std::optional<Order> &current, const OrderEvent &event)
{
    if (EventKinds::isStoreLevel(event.kind))
        return fail(QStringLiteral("store-level event %1 has no order to apply to")
                            .arg(event.id.toString(QUuid::WithoutBraces)));
    if (event.kind == EventKind::Placed && current)
        return fail(QStringLiteral("order %1 already exists").arg(event.orderId));
    if (event.kind != EventKind::Placed && !current)
        return fail(QStringLiteral("unknown order %1").arg(event.orderId));
    if (current && current->storeId != event.storeId)
        return fail(QStringLiteral("order %1 belongs to store %2, not %3")
                            .arg(event.orderId, current->storeId, event.storeId));

    Projection result = fold(current, event);
    if (result) {
        result->eventCount += 1;
        result->updatedAt = event.occurredAt;
        result->lastEventId = event.id;
    }
    return result;
}
