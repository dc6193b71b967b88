// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowcodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace {
Result<QJsonObject> parseObject(const QByteArray &utf8)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Failure {QStringLiteral("not a JSON object (%1)").arg(parseError.errorString())};
    return document.object();
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void insertIfSet(QJsonObject &json, const char *key, const QVariant &value)
{
    if (!value.isNull())
        json.insert(QLatin1String(key), QJsonValue::fromVariant(value));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

QString RowCodec::eventColumns(const QString &prefix)
{
    QStringList columns{QStringLiteral("event_id"), QStringLiteral("order_id"),
                        QStringLiteral("store_id"), QStringLiteral("kind"),
                        QStringLiteral("from_state"), QStringLiteral("to_state"),
                        QStringLiteral("actor"), QStringLiteral("origin"),
                        QStringLiteral("occurred_at"), QStringLiteral("reason"),
                        QStringLiteral("payload")};
    for (QString &column : columns)
        column.prepend(prefix);
    return columns.join(QStringLiteral(", "));
}

Result<OrderEvent> RowCodec::decodeEvent(const QSqlQuery &query, int first)
{
    const Result<QJsonObject> payload = parseObject(query.value(first + 10).toString().toUtf8());
    if (!payload)
        return Failure {QStringLiteral("event %1: payload is %2")
                                .arg(query.value(first).toString(), payload.error())};
    QJsonObject json{{QStringLiteral("payload"), *payload}};
    insertIfSet(json, "event_id", query.value(first));
    insertIfSet(json, "order_id", query.value(first + 1));
    insertIfSet(json, "store_id", query.value(first + 2));
    insertIfSet(json, "kind", query.value(first + 3));
    insertIfSet(json, "from", query.value(first + 4));
    insertIfSet(json, "to", query.value(first + 5));
    insertIfSet(json, "actor", query.value(first + 6));
    insertIfSet(json, "origin", query.value(first + 7));
    insertIfSet(json, "reason", query.value(first + 9));
    // occurred_at must stay an integer through QVariant → JSON.
    const QVariant occurredAt = query.value(first + 8);
    if (!occurredAt.isNull())
        json.insert(QStringLiteral("occurred_at"), occurredAt.toLongLong());
    return OrderEvent::fromJson(json);
}

void RowCodec::bindEvent(QSqlQuery &query, const OrderEvent &event)
{
    query.bindValue(QStringLiteral(":event_id"), event.id.toString(QUuid::WithoutBraces));
    query.bindValue(QStringLiteral(":order_id"), textOrNull(event.orderId));
    query.bindValue(QStringLiteral(":store_id"), event.storeId);
    query.bindValue(QStringLiteral(":kind"), EventKinds::toString(event.kind));
    query.bindValue(QStringLiteral(":from_state"),
                    event.from ? QVariant(OrderStates::toString(*event.from)) : QVariant());
    query.bindValue(QStringLiteral(":to_state"),
                    event.to ? QVariant(OrderStates::toString(*event.to)) : QVariant());
    query.bindValue(QStringLiteral(":actor"), event.actor.toString());
    query.bindValue(QStringLiteral(":origin"), event.origin);
    query.bindValue(QStringLiteral(":occurred_at"), event.occurredAt);
    query.bindValue(QStringLiteral(":reason"), textOrNull(event.reason));
    query.bindValue(QStringLiteral(":payload"), compactJson(event.payload));
}

QString RowCodec::orderColumns()
{
    return QStringLiteral("order_id, store_id, number, type, state, placed_at, state_since, "
                          "promised_at, updated_at, event_count, body");
}

Result<Order> RowCodec::decodeOrder(const QSqlQuery &query, int first)
{
    const std::optional<Order> head = orderHead(query, first);
    if (!head)
        return Failure {QStringLiteral("order %1: stored columns disagree with its body")
                                .arg(query.value(first).toString())};
    return decodeOrderBody(*head, query.value(first + 10).toString().toUtf8());
}

std::optional<Order> RowCodec::orderHead(const QSqlQuery &query, int first)
{
    const std::optional<OrderType> type = OrderTypes::fromString(query.value(first + 3).toString());
    const std::optional<OrderState> state =
            OrderStates::fromString(query.value(first + 4).toString());
    if (!type || !state)
        return std::nullopt; // no body can agree with these columns
    Order head;
    head.id = query.value(first).toString();
    head.storeId = query.value(first + 1).toString();
    head.number = query.value(first + 2).toString();
    head.type = *type;
    head.state = *state;
    head.placedAt = query.value(first + 5).toLongLong();
    head.stateSince = query.value(first + 6).toLongLong();
    head.promisedAt = query.value(first + 7).toLongLong();
    head.updatedAt = query.value(first + 8).toLongLong();
    head.eventCount = query.value(first + 9).toInt();
    return head;
}

Result<Order> RowCodec::decodeOrderBody(const Order &head, const QByteArray &body)
{
    const Result<QJsonObject> json = parseObject(body);
    if (!json)
        return Failure {QStringLiteral("order %1: stored body is %2").arg(head.id, json.error())};
    Result<Order> order = Order::fromJson(*json);
    if (!order)
        return order;
    // The columns are what the store sorts and filters on: they must say what the body says.
    const bool columnsAgree = order->id == head.id && order->storeId == head.storeId
            && order->number == head.number && order->type == head.type
            && order->state == head.state && order->placedAt == head.placedAt
            && order->stateSince == head.stateSince && order->promisedAt == head.promisedAt
            && order->updatedAt == head.updatedAt && order->eventCount == head.eventCount;
    if (!columnsAgree)
        return Failure {
                QStringLiteral("order %1: stored columns disagree with its body").arg(head.id)};
    return order;
}

QString RowCodec::orderUpsertStatement()
{
    return QStringLiteral("INSERT OR REPLACE INTO orders (") + orderColumns()
            + QStringLiteral(") VALUES (:order_id, :store_id, :number, :type, :state, :placed_at, "
                             ":state_since, :promised_at, :updated_at, :event_count, :body)");
}

void RowCodec::bindOrder(QSqlQuery &query, const Order &order)
{
    query.bindValue(QStringLiteral(":order_id"), order.id);
    query.bindValue(QStringLiteral(":store_id"), order.storeId);
    query.bindValue(QStringLiteral(":number"), order.number);
    query.bindValue(QStringLiteral(":type"), OrderTypes::toString(order.type));
    query.bindValue(QStringLiteral(":state"), OrderStates::toString(order.state));
    query.bindValue(QStringLiteral(":placed_at"), order.placedAt);
    query.bindValue(QStringLiteral(":state_since"), order.stateSince);
    query.bindValue(QStringLiteral(":promised_at"),
                    order.promisedAt != 0 ? QVariant(order.promisedAt) : QVariant());
    query.bindValue(QStringLiteral(":updated_at"), order.updatedAt);
    query.bindValue(QStringLiteral(":event_count"), order.eventCount);
    query.bindValue(QStringLiteral(":body"), compactJson(order.toJson()));
}
