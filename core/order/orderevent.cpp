// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderevent.h"

#include "jsonfields.h"
#include "orderlimits.h"
#include "storepolicycodec.h"

namespace {
struct KindName
{
    EventKind kind;
    const char *wire;
};
const KindName kindNames[] = {
    {EventKind::Placed, "placed"},
    {EventKind::Transition, "transition"},
    {EventKind::Recall, "recall"},
    {EventKind::Modified, "modified"},
    {EventKind::EtaChanged, "eta_changed"},
    {EventKind::NoteAdded, "note_added"},
    {EventKind::StationBumped, "station_bumped"},
    {EventKind::ItemDone, "item_done"},
    {EventKind::StorePaused, "store_paused"},
    {EventKind::StoreResumed, "store_resumed"},
    {EventKind::StorePolicyChanged, "store_policy_changed"},
    {EventKind::DeadLetterRedriven, "dead_letter_redriven"},
    {EventKind::DeadLetterDiscarded, "dead_letter_discarded"},
    {EventKind::PosConnectionChanged, "pos_connection_changed"},
};
} // namespace

namespace EventKinds {
QString toString(EventKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.wire);
    }
    Q_UNREACHABLE();
}
std::optional<EventKind> fromString(const QString &name)
{
    for (const auto &entry : kindNames) {
        if (name == QLatin1String(entry.wire))
            return entry.kind;
    }
    return std::nullopt;
}
bool isStoreLevel(EventKind kind)
{
    return kind == EventKind::StorePaused || kind == EventKind::StoreResumed
            || kind == EventKind::StorePolicyChanged || kind == EventKind::DeadLetterRedriven
            || kind == EventKind::DeadLetterDiscarded || kind == EventKind::PosConnectionChanged;
}
bool needsManager(EventKind kind)
{
    return kind == EventKind::StorePolicyChanged;
}
bool travels(EventKind kind)
{
    return kind != EventKind::DeadLetterRedriven && kind != EventKind::DeadLetterDiscarded
            && kind != EventKind::PosConnectionChanged;
}
} // namespace EventKinds

bool operator==(const OrderEvent &a, const OrderEvent &b)
{
    return a.id == b.id && a.orderId == b.orderId && a.storeId == b.storeId && a.kind == b.kind
            && a.from == b.from && a.to == b.to && a.actor == b.actor && a.origin == b.origin
            && a.occurredAt == b.occurredAt && a.reason == b.reason && a.payload == b.payload;
}

OrderEvent OrderEvent::placed(const Order &order, const Actor &actor, const QString &origin,
                              qint64 occurredAt)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = order.id;
    event.storeId = order.storeId;
    event.kind = EventKind::Placed;
    event.to = OrderState::Placed;
    event.actor = actor;
    event.origin = origin;
    event.occurredAt = occurredAt;
    event.payload = order.toJson();
    return event;
}

OrderEvent OrderEvent::transition(const QString &orderId, const QString &storeId, OrderState from,
                                  OrderState to, const Actor &actor, const QString &origin,
                                  qint64 occurredAt, const QString &reason)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = orderId;
    event.storeId = storeId;
    event.kind = EventKind::Transition;
    event.from = from;
    event.to = to;
    event.actor = actor;
    event.origin = origin;
    event.occurredAt = occurredAt;
    event.reason = reason;
    return event;
}

namespace {
// An event about order, with a fresh id: who, where and when, the kind's payload still to come.
OrderEvent aboutOrder(const Order &order, EventKind kind, const Actor &actor,
                      const QString &origin, qint64 occurredAt)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = order.id;
    event.storeId = order.storeId;
    event.kind = kind;
    event.actor = actor;
    event.origin = origin;
    event.occurredAt = occurredAt;
    return event;
}
} // namespace

OrderEvent OrderEvent::stationBumped(const Order &order, const QString &station, bool done,
                                     const Actor &actor, const QString &origin, qint64 occurredAt)
{
    OrderEvent event = aboutOrder(order, EventKind::StationBumped, actor, origin, occurredAt);
    event.payload = {{QStringLiteral("station"), station}, {QStringLiteral("done"), done}};
    return event;
}

OrderEvent OrderEvent::itemDone(const Order &order, int index, bool done, const Actor &actor,
                                const QString &origin, qint64 occurredAt)
{
    Q_ASSERT(index >= 0 && index < order.items.size());
    const OrderItem &item = order.items.at(index);
    OrderEvent event = aboutOrder(order, EventKind::ItemDone, actor, origin, occurredAt);
    event.payload = {{QStringLiteral("item"), index},
                     {QStringLiteral("name"), item.name},
                     {QStringLiteral("done"), done}};
    if (!item.station.isEmpty())
        event.payload.insert(QStringLiteral("station"), item.station);
    return event;
}

qint64 OrderEvent::pausedUntil() const
{
    if (kind != EventKind::StorePaused)
        return 0;
    return payload.value(QStringLiteral("until")).toInteger();
}

QJsonObject OrderEvent::toJson() const
{
    QJsonObject json{
            {QStringLiteral("event_id"), id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("store_id"), storeId},
            {QStringLiteral("kind"), EventKinds::toString(kind)},
            {QStringLiteral("actor"), actor.toString()},
            {QStringLiteral("origin"), origin},
            {QStringLiteral("occurred_at"), occurredAt},
    };
    if (!orderId.isEmpty())
        json.insert(QStringLiteral("order_id"), orderId);
    if (from)
        json.insert(QStringLiteral("from"), OrderStates::toString(*from));
    if (to)
        json.insert(QStringLiteral("to"), OrderStates::toString(*to));
    if (!reason.isEmpty())
        json.insert(QStringLiteral("reason"), reason);
    if (!payload.isEmpty())
        json.insert(QStringLiteral("payload"), payload);
    return json;
}

Result<OrderEvent> OrderEvent::fromJson(const QJsonObject &json, Limits limits)
{
    JsonFields fields(json, QStringLiteral("event"));
    OrderEvent event;
    const QString idText = fields.requiredString(QStringLiteral("event_id"));
    event.orderId = fields.optionalString(QStringLiteral("order_id"));
    event.storeId = fields.requiredString(QStringLiteral("store_id"));
    const QString kindName = fields.requiredString(QStringLiteral("kind"));
    const QString fromName = fields.optionalString(QStringLiteral("from"));
    const QString toName = fields.optionalString(QStringLiteral("to"));
    const QString actorText = fields.requiredString(QStringLiteral("actor"));
    event.origin = fields.requiredString(QStringLiteral("origin"));
    event.occurredAt = fields.requiredInt64(QStringLiteral("occurred_at"));
    event.reason = fields.optionalString(QStringLiteral("reason"));
    event.payload = fields.optionalObject(QStringLiteral("payload"));

    if (fields.ok()) {
        event.id = QUuid::fromString(idText);
        if (event.id.isNull())
            fields.fail(QStringLiteral("event: event_id \"%1\" is not a UUID").arg(idText));
    }
    if (fields.ok()) {
        if (const auto kind = EventKinds::fromString(kindName))
            event.kind = *kind;
        else
            fields.fail(QStringLiteral("event: unknown kind \"%1\"").arg(kindName));
    }
    const auto parseState = [&fields](const QString &name, std::optional<OrderState> *state) {
        if (!fields.ok() || name.isEmpty())
            return;
        *state = OrderStates::fromString(name);
        if (!*state)
            fields.fail(QStringLiteral("event: unknown state \"%1\"").arg(name));
    };
    parseState(fromName, &event.from);
    parseState(toName, &event.to);
    if (fields.ok()) {
        if (const auto actor = Actor::fromString(actorText))
            event.actor = *actor;
        else if (ActorRoles::fromString(actorText))
            fields.fail(QStringLiteral("event: actor \"%1\" needs an id (\"%1:<id>\")")
                                .arg(actorText));
        else
            fields.fail(QStringLiteral("event: unknown actor \"%1\"").arg(actorText));
    }
    if (fields.ok() && event.storeId.isEmpty())
        fields.fail(QStringLiteral("event: store_id is empty"));
    if (fields.ok() && !EventKinds::isStoreLevel(event.kind) && event.orderId.isEmpty())
        fields.fail(QStringLiteral("event: %1 needs an order_id").arg(kindName));
    const bool movesState = event.kind == EventKind::Transition || event.kind == EventKind::Recall;
    if (fields.ok() && movesState && (!event.from || !event.to))
        fields.fail(QStringLiteral("event: %1 needs both from and to").arg(kindName));
    if (fields.ok() && event.occurredAt <= 0)
        fields.fail(QStringLiteral("event: occurred_at must be a positive UTC millisecond time"));
    if (fields.ok() && event.kind == EventKind::NoteAdded && event.reason.trimmed().isEmpty())
        fields.fail(QStringLiteral("event: note_added needs the note in \"reason\""));
    if (fields.ok() && event.kind == EventKind::StationBumped) {
        const QJsonValue station = event.payload.value(QStringLiteral("station"));
        if (!station.isString() || station.toString().trimmed().isEmpty())
            fields.fail(QStringLiteral("event: station_bumped needs a \"station\" in its payload"));
        else if (!event.payload.value(QStringLiteral("done")).isBool())
            fields.fail(QStringLiteral("event: station_bumped needs \"done\" (true or false)"));
    }
    if (fields.ok() && event.kind == EventKind::ItemDone) {
        const QJsonValue item = event.payload.value(QStringLiteral("item"));
        const qint64 index = item.toInteger(-1);
        const QJsonValue name = event.payload.value(QStringLiteral("name"));
        const QJsonValue station = event.payload.value(QStringLiteral("station"));
        if (!item.isDouble() || index < 0 || index >= OrderLimits::maxItems)
            fields.fail(QStringLiteral("event: item_done needs the line's index in \"item\" "
                                       "(0 to %1)")
                                .arg(OrderLimits::maxItems - 1));
        else if (!name.isString() || name.toString().trimmed().isEmpty())
            fields.fail(QStringLiteral("event: item_done needs the line's \"name\""));
        else if (!station.isUndefined() && !station.isString())
            fields.fail(QStringLiteral("event: item_done's \"station\" must be a string"));
        else if (!event.payload.value(QStringLiteral("done")).isBool())
            fields.fail(QStringLiteral("event: item_done needs \"done\" (true or false)"));
    }
    if (fields.ok()
        && (event.kind == EventKind::DeadLetterRedriven
            || event.kind == EventKind::DeadLetterDiscarded)) {
        const QJsonValue deadEvent = event.payload.value(QStringLiteral("event_id"));
        const QJsonValue destination = event.payload.value(QStringLiteral("destination"));
        if (!deadEvent.isString() || QUuid::fromString(deadEvent.toString()).isNull())
            fields.fail(QStringLiteral("event: %1 needs the dead letter's \"event_id\" (a UUID)")
                                .arg(kindName));
        else if (!destination.isString() || destination.toString().trimmed().isEmpty())
            fields.fail(QStringLiteral("event: %1 needs the dead letter's \"destination\"")
                                .arg(kindName));
    }
    if (fields.ok() && event.kind == EventKind::PosConnectionChanged
        && !event.payload.value(QStringLiteral("vendor")).isString())
        fields.fail(QStringLiteral("event: pos_connection_changed needs the \"vendor\" (or \"\")"));
    if (fields.ok() && event.kind == EventKind::StorePolicyChanged) {
        const QJsonValue policy = event.payload.value(QStringLiteral("policy"));
        if (!policy.isObject())
            fields.fail(QStringLiteral("event: store_policy_changed needs the \"policy\""));
        else if (const Result<StorePolicy> parsed = StorePolicyCodec::fromJson(policy.toObject());
                 !parsed)
            fields.fail(QStringLiteral("event: ") + parsed.error());
    }
    if (fields.ok() && limits == Limits::Enforce) {
        if (const QString why = OrderLimits::eventProblem(event); !why.isEmpty())
            fields.fail(why);
    }

    if (!fields.ok())
        return Failure {fields.error()};
    return event;
}
