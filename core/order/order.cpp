// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order.h"

#include "jsonfields.h"
#include "orderlimits.h"

#include <QJsonArray>

#include <algorithm>

bool Order::sameIndexes(const QList<int> &a, const QList<int> &b)
{
    // Qt 6.4's QList<int>::operator== hands memcmp a null pointer for two empty lists
    // (undefined, and UBSan says so); std::equal has no such case.
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
}

bool operator==(const Order &a, const Order &b)
{
    return a.id == b.id && a.storeId == b.storeId && a.number == b.number && a.type == b.type
            && a.state == b.state && a.items == b.items && a.customerName == b.customerName
            && a.table == b.table && a.source == b.source && a.lastReason == b.lastReason
            && a.notes == b.notes && a.stationsDone == b.stationsDone
            && Order::sameIndexes(a.itemsDone, b.itemsDone) && a.placedAt == b.placedAt
            && a.stateSince == b.stateSince && a.promisedAt == b.promisedAt
            && a.scheduledFor == b.scheduledFor && a.updatedAt == b.updatedAt
            && a.eventCount == b.eventCount && a.lastEventId == b.lastEventId;
}

bool Order::isItemDone(qsizetype index) const
{
    if (itemsDone.contains(int(index)))
        return true;
    const QString &station = items.at(index).station;
    return !station.isEmpty() && stationsDone.contains(station);
}

QJsonObject Order::toJson() const
{
    QJsonArray itemArray;
    for (const OrderItem &item : items)
        itemArray.append(item.toJson());
    QJsonObject json{
            {QStringLiteral("id"), id},
            {QStringLiteral("store_id"), storeId},
            {QStringLiteral("number"), number},
            {QStringLiteral("type"), OrderTypes::toString(type)},
            {QStringLiteral("state"), OrderStates::toString(state)},
            {QStringLiteral("items"), itemArray},
            {QStringLiteral("placed_at"), placedAt},
            {QStringLiteral("state_since"), stateSince},
            {QStringLiteral("updated_at"), updatedAt},
            {QStringLiteral("event_count"), eventCount},
    };
    if (!customerName.isEmpty())
        json.insert(QStringLiteral("customer_name"), customerName);
    if (!table.isEmpty())
        json.insert(QStringLiteral("table"), table);
    if (!source.isEmpty())
        json.insert(QStringLiteral("source"), source);
    if (!lastReason.isEmpty())
        json.insert(QStringLiteral("last_reason"), lastReason);
    if (!notes.isEmpty())
        json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    if (!stationsDone.isEmpty())
        json.insert(QStringLiteral("stations_done"), QJsonArray::fromStringList(stationsDone));
    if (!itemsDone.isEmpty()) {
        QJsonArray indexes;
        for (int index : itemsDone)
            indexes.append(index);
        json.insert(QStringLiteral("items_done"), indexes);
    }
    if (promisedAt != 0)
        json.insert(QStringLiteral("promised_at"), promisedAt);
    if (scheduledFor != 0)
        json.insert(QStringLiteral("scheduled_for"), scheduledFor);
    if (!lastEventId.isNull())
        json.insert(QStringLiteral("last_event_id"), lastEventId.toString(QUuid::WithoutBraces));
    return json;
}

Result<Order> Order::fromJson(const QJsonObject &json)
{
    JsonFields fields(json, QStringLiteral("order"));
    Order order;
    order.id = fields.requiredString(QStringLiteral("id"));
    order.storeId = fields.optionalString(QStringLiteral("store_id"));
    order.number = fields.requiredString(QStringLiteral("number"));
    const QString typeName = fields.requiredString(QStringLiteral("type"));
    const QString stateName = fields.optionalString(QStringLiteral("state"));
    order.customerName = fields.optionalString(QStringLiteral("customer_name"));
    order.table = fields.optionalString(QStringLiteral("table"));
    order.source = fields.optionalString(QStringLiteral("source"));
    order.lastReason = fields.optionalString(QStringLiteral("last_reason"));
    order.notes = fields.optionalStringList(QStringLiteral("notes"));
    order.stationsDone = fields.optionalStringList(QStringLiteral("stations_done"));
    order.placedAt = fields.optionalInt64(QStringLiteral("placed_at"), 0);
    order.stateSince = fields.optionalInt64(QStringLiteral("state_since"), 0);
    order.promisedAt = fields.optionalInt64(QStringLiteral("promised_at"), 0);
    order.scheduledFor = fields.optionalInt64(QStringLiteral("scheduled_for"), 0);
    order.updatedAt = fields.optionalInt64(QStringLiteral("updated_at"), 0);
    order.eventCount = fields.optionalInt(QStringLiteral("event_count"), 0);
    const QString lastEventId = fields.optionalString(QStringLiteral("last_event_id"));

    if (fields.ok()) {
        if (const auto type = OrderTypes::fromString(typeName))
            order.type = *type;
        else
            fields.fail(QStringLiteral("order: unknown order type \"%1\"").arg(typeName));
    }
    if (fields.ok() && !stateName.isEmpty()) {
        if (const auto state = OrderStates::fromString(stateName))
            order.state = *state;
        else
            fields.fail(QStringLiteral("order: unknown state \"%1\"").arg(stateName));
    }
    if (fields.ok() && !lastEventId.isEmpty()) {
        order.lastEventId = QUuid::fromString(lastEventId);
        if (order.lastEventId.isNull())
            fields.fail(QStringLiteral("order: last_event_id is not a UUID"));
    }
    if (fields.ok() && order.scheduledFor < 0)
        fields.fail(QStringLiteral("order: scheduled_for is negative"));
    if (fields.ok() && order.id.trimmed().isEmpty())
        fields.fail(QStringLiteral("order: id is empty"));
    // Bounds (OrderLimits): an order is read from HTTP, from events and from stores alike. Lists
    // that grow with events (notes, stations done) are bounded per entry only, so a long-lived
    // projection always reads back; the event that carries them is bounded in size.
    using namespace OrderLimits;
    for (const QString &problem :
         {idProblem(QStringLiteral("order: id"), order.id),
          order.storeId.isEmpty() ? QString()
                                  : idProblem(QStringLiteral("order: store_id"), order.storeId),
          textProblem(QStringLiteral("order: number"), order.number, maxLabelLength),
          textProblem(QStringLiteral("order: customer_name"), order.customerName, maxNameLength),
          textProblem(QStringLiteral("order: table"), order.table, maxLabelLength),
          textProblem(QStringLiteral("order: source"), order.source, maxIdLength),
          textProblem(QStringLiteral("order: last_reason"), order.lastReason, maxTextLength),
          listProblem(QStringLiteral("order: notes"), order.notes, maxTextLength, 0),
          listProblem(QStringLiteral("order: stations_done"), order.stationsDone, maxLabelLength,
                      0)}) {
        if (fields.ok() && !problem.isEmpty())
            fields.fail(problem);
    }

    const QJsonValue itemsValue = json.value(QStringLiteral("items"));
    if (fields.ok() && !itemsValue.isArray())
        fields.fail(QStringLiteral("order: field \"items\" must be a list"));
    if (fields.ok()) {
        const QJsonArray itemArray = itemsValue.toArray();
        if (itemArray.isEmpty() || itemArray.size() > maxItems)
            fields.fail(QStringLiteral("order: %1 items (allowed 1 to %2)")
                                .arg(itemArray.size())
                                .arg(maxItems));
        for (const QJsonValue &value : itemArray) {
            if (!fields.ok())
                break;
            if (!value.isObject()) {
                fields.fail(QStringLiteral("order: an item is not an object"));
                break;
            }
            Result<OrderItem> item = OrderItem::fromJson(value.toObject());
            if (item)
                order.items.append(std::move(item).value());
            else
                fields.fail(item.error());
        }
    }
    if (fields.ok())
        order.itemsDone = fields.optionalIndexList(QStringLiteral("items_done"), order.items.size());
    if (!fields.ok())
        return Failure {fields.error()};
    return order;
}
