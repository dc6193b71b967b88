// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "squarevendor.h"

#include "squaremapping.h"
#include "squarewrite.h"

#include "common/cardredaction.h"
#include "security/constanttime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <cmath>

namespace {
const QString destination = QStringLiteral("pos:square");

constexpr int pollPageSize = 100;

qint64 utcMs(const QJsonValue &rfc3339)
{
    const QDateTime at = QDateTime::fromString(rfc3339.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

/** Square's quantity is a decimal string ("2", "1.5"); the kitchen counts whole pieces. */
int pieces(const QJsonValue &quantity, QString *note)
{
    bool ok = false;
    const double value = quantity.toString().toDouble(&ok);
    if (!ok || value <= 0)
        return 1;
    if (value != std::floor(value))
        *note = SquareVendor::tr("quantity %1").arg(quantity.toString());
    return int(std::min(std::ceil(value), 999.0));
}

OrderItem itemFrom(const QJsonObject &line)
{
    OrderItem item;
    item.name = line.value(QLatin1String("name")).toString().trimmed();
    if (item.name.isEmpty())
        item.name = SquareVendor::tr("Item");
    QString quantityNote;
    item.quantity = pieces(line.value(QLatin1String("quantity")), &quantityNote);
    const QString variation = line.value(QLatin1String("variation_name")).toString().trimmed();
    if (!variation.isEmpty() && variation != QLatin1String("Regular"))
        item.modifiers.append(variation);
    for (const QJsonValue &modifier : line.value(QLatin1String("modifiers")).toArray()) {
        const QString name = modifier.toObject().value(QLatin1String("name")).toString().trimmed();
        if (!name.isEmpty())
            item.modifiers.append(name);
    }
    QStringList notes {line.value(QLatin1String("note")).toString().trimmed(), quantityNote};
    notes.removeAll(QString());
    item.notes = notes.join(QStringLiteral("; "));
    return item;
}
} // namespace

SquareVendor::SquareVendor(Config config) : m_config(std::move(config)) { }

QList<QPair<QByteArray, QByteArray>> SquareVendor::commonHeaders() const
{
    return {{"Square-Version", apiVersion}};
}

QString SquareVendor::createKey(const QString &orderId)
{
    return QStringLiteral("kc-create-") + orderId;
}

std::optional<SquareVendor::Ref> SquareVendor::ref(const QString &orderId) const
{
    const auto found = m_refs.constFind(orderId);
    return found == m_refs.cend() ? std::nullopt : std::optional<Ref>(*found);
}

std::unique_ptr<PosWrite> SquareVendor::write(const OrderEvent &event, const Order &order)
{
    if (event.kind == EventKind::Placed) {
        // An order from Square is Square's already; any other is created there once.
        if (order.source == destination)
            return nullptr;
        return SquareWrite::create(*this, order);
    }
    if (event.kind != EventKind::Transition && event.kind != EventKind::Recall)
        return nullptr; // items, notes and estimates are the POS's own or have no place there
    if (!event.to || order.state == OrderState::Refunded)
        return nullptr;
    const std::optional<QString> fulfillment = SquareMapping::fulfillmentStateFor(*event.to);
    if (!fulfillment)
        return nullptr;
    return SquareWrite::setFulfillment(*this, event, order, *fulfillment);
}

Result<PosOrder> SquareVendor::readOrder(const QJsonObject &raw) const
{
    const QJsonObject json = CardRedaction::redact(raw).toObject();
    PosOrder read;
    Order &order = read.order;
    order.id = json.value(QLatin1String("id")).toString();
    if (order.id.isEmpty())
        return Failure {QStringLiteral("a Square order without an id")};
    const QString location = json.value(QLatin1String("location_id")).toString();
    if (!m_config.locationId.isEmpty() && location != m_config.locationId)
        return Failure {QStringLiteral("Square order %1 belongs to location %2, not %3")
                                .arg(order.id, location, m_config.locationId)};
    const QString state = json.value(QLatin1String("state")).toString();
    if (state == QLatin1String("DRAFT"))
        return Failure {QStringLiteral("Square order %1 is a draft").arg(order.id)};
    if (state == QLatin1String("CANCELED"))
        read.voided = true;
    else if (state != QLatin1String("OPEN") && state != QLatin1String("COMPLETED"))
        read.unknownValues.append(QStringLiteral("order state ") + state);
    order.source = destination;
    order.number = json.value(QLatin1String("ticket_name")).toString().trimmed();
    if (order.number.isEmpty())
        order.number = json.value(QLatin1String("reference_id")).toString().trimmed();
    if (order.number.isEmpty())
        order.number = order.id.right(4).toUpper();
    order.placedAt = utcMs(json.value(QLatin1String("created_at")));
    read.createdFor = json.value(QLatin1String("metadata"))
                              .toObject()
                              .value(QLatin1String("kitchen_console_order_id"))
                              .toString();
    const QJsonValue version = json.value(QLatin1String("version"));
    read.version = version.isDouble() ? QString::number(version.toInteger())
                                      : json.value(QLatin1String("updated_at")).toString();
    for (const QJsonValue &line : json.value(QLatin1String("line_items")).toArray())
        order.items.append(itemFrom(line.toObject()));
    if (order.items.isEmpty())
        return Failure {QStringLiteral("Square order %1 has no line items").arg(order.id)};

    const QJsonObject fulfillment =
            json.value(QLatin1String("fulfillments")).toArray().first().toObject();
    const QString type = fulfillment.value(QLatin1String("type")).toString();
    if (const std::optional<OrderType> known = SquareMapping::orderTypeFor(type))
        order.type = *known;
    else if (!type.isEmpty())
        read.unknownValues.append(QStringLiteral("fulfillment type ") + type);
    const QString fulfillmentState = fulfillment.value(QLatin1String("state")).toString();
    read.kitchenState = SquareMapping::kitchenStateFor(fulfillmentState);
    if (!read.kitchenState && !fulfillmentState.isEmpty()
        && fulfillmentState != QLatin1String("FAILED"))
        read.unknownValues.append(QStringLiteral("fulfillment state ") + fulfillmentState);
    if (fulfillmentState == QLatin1String("CANCELED") || fulfillmentState == QLatin1String("FAILED"))
        read.voided = true;
    const QJsonObject details =
            fulfillment.value(fulfillment.contains(QLatin1String("delivery_details"))
                                      ? QLatin1String("delivery_details")
                                      : QLatin1String("pickup_details"))
                    .toObject();
    order.customerName = details.value(QLatin1String("recipient"))
                                 .toObject()
                                 .value(QLatin1String("display_name"))
                                 .toString()
                                 .trimmed();
    if (details.value(QLatin1String("schedule_type")).toString() == QLatin1String("SCHEDULED"))
        order.scheduledFor = utcMs(details.value(QLatin1String("pickup_at")));
    return read;
}

namespace {
/** Square's words for a failed read: its first error's code and detail. */
QString squareError(const PosAnswer &answer)
{
    if (!answer.answered())
        return SquareVendor::tr("Square did not answer: %1").arg(answer.networkError);
    const QJsonObject error =
            answer.json().value(QLatin1String("errors")).toArray().first().toObject();
    return SquareVendor::tr("Square answered %1 %2")
            .arg(answer.status)
            .arg(error.value(QLatin1String("code")).toString());
}

/** The summary a webhook's data carries: object.order_created, order_updated and the like. */
QJsonObject webhookSummary(const QJsonObject &data)
{
    const QJsonObject object = data.value(QLatin1String("object")).toObject();
    return object.isEmpty() ? QJsonObject() : object.constBegin()->toObject();
}
} // namespace

Result<void> SquareVendor::checkSignature(const PosWebhook &webhook) const
{
    // base64(HMAC-SHA256(key, notification URL as registered + raw body)), compared whole, in
    // constant time.
    const QByteArray expected =
            QMessageAuthenticationCode::hash(webhook.url.toString().toUtf8() + webhook.body,
                                             m_config.signatureKey, QCryptographicHash::Sha256)
                    .toBase64();
    if (m_config.signatureKey.isEmpty()
        || !ConstantTime::equal(webhook.header("x-square-hmacsha256-signature"), expected))
        return Failure {QStringLiteral("a Square webhook with a signature that does not match")};
    return {};
}

Result<PosChanges> SquareVendor::readWebhook(const PosWebhook &webhook) const
{
    if (const Result<void> signedHere = checkSignature(webhook); !signedHere)
        return Failure {signedHere.error()};
    const QJsonObject json = QJsonDocument::fromJson(webhook.body).object();
    const QString type = json.value(QLatin1String("type")).toString();
    PosChanges changes;
    changes.eventId = json.value(QLatin1String("event_id")).toString();
    if (json.isEmpty())
        return Failure {QStringLiteral("a Square webhook whose body is not a JSON object")};
    if (!type.startsWith(QLatin1String("order.")))
        return changes; // a payment, a refund: not the kitchen's
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    const QJsonObject summary = webhookSummary(data);
    const QString location = summary.value(QLatin1String("location_id")).toString();
    if (!location.isEmpty() && !m_config.locationId.isEmpty() && location != m_config.locationId)
        return changes; // another of the merchant's locations
    const QString orderId = summary.value(QLatin1String("order_id"))
                                    .toString(data.value(QLatin1String("id")).toString());
    if (orderId.isEmpty())
        return Failure {QStringLiteral("a Square webhook %1 that names no order")
                                .arg(changes.eventId)};
    changes.orderIds.append(orderId);
    return changes;
}

PosCall SquareVendor::fetchOrder(const QString &orderId) const
{
    return PosCall::get(QStringLiteral("/v2/orders/") + orderId);
}

Result<PosChanges> SquareVendor::readFetched(const PosAnswer &answer) const
{
    if (!answer.isSuccess())
        return Failure {squareError(answer)};
    PosChanges changes;
    changes.orders.append(answer.json().value(QLatin1String("order")).toObject());
    return changes;
}

PosCall SquareVendor::search(const QString &startAt, const QString &pageCursor) const
{
    const QJsonObject updated {{QStringLiteral("start_at"), startAt}};
    const QJsonObject query {
            {QStringLiteral("filter"),
             QJsonObject {{QStringLiteral("date_time_filter"),
                           QJsonObject {{QStringLiteral("updated_at"), updated}}}}},
            {QStringLiteral("sort"),
             QJsonObject {{QStringLiteral("sort_field"), QStringLiteral("UPDATED_AT")},
                          {QStringLiteral("sort_order"), QStringLiteral("ASC")}}}};
    QJsonObject body {{QStringLiteral("location_ids"), QJsonArray {m_config.locationId}},
                      {QStringLiteral("query"), query},
                      {QStringLiteral("limit"), pollPageSize}};
    if (!pageCursor.isEmpty())
        body.insert(QStringLiteral("cursor"), pageCursor);
    return PosCall::post(QStringLiteral("/v2/orders/search"), body);
}

PosCall SquareVendor::pollSince(const QString &cursor, qint64 sinceMs) const
{
    // The cursor is the newest updated_at read so far: the poll starts there, inclusive, and the
    // inbox drops what that boundary brings twice.
    return search(cursor.isEmpty() ? QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC)
                                             .toString(Qt::ISODateWithMs)
                                   : cursor,
                  {});
}

Result<PosChanges> SquareVendor::readPoll(const PosAnswer &answer, const QString &cursor) const
{
    if (!answer.isSuccess())
        return Failure {squareError(answer)};
    const QJsonObject json = answer.json();
    PosChanges changes;
    changes.cursor = cursor;
    qint64 newest = utcMs(cursor);
    for (const QJsonValue &order : json.value(QLatin1String("orders")).toArray()) {
        const QJsonValue updatedAt = order.toObject().value(QLatin1String("updated_at"));
        if (utcMs(updatedAt) > newest) {
            newest = utcMs(updatedAt);
            changes.cursor = updatedAt.toString();
        }
        changes.orders.append(order.toObject());
    }
    const QString pageCursor = json.value(QLatin1String("cursor")).toString();
    if (!pageCursor.isEmpty())
        changes.nextPage = search(cursor, pageCursor);
    return changes;
}

PosCall SquareVendor::probe(qint64) const
{
    return PosCall::get(QStringLiteral("/v2/locations/")
                        + QString::fromLatin1(QUrl::toPercentEncoding(m_config.locationId)));
}
