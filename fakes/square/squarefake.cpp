// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/square/squarefake.h"

#include "fakes/square/squaresearch.h"

#include <QCryptographicHash>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcFakeSquare, "kc.fakes.square", QtInfoMsg)

namespace {
constexpr int maxKeyLength = 192;
constexpr int maxBatchIds = 100;
const QString cardLikeNumber = QStringLiteral("4111 1111 1111 1111");

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// YYYY-MM-DD naming a real day.
bool validVersion(const QByteArray &version)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = QString::fromLatin1(version);
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

// What a request asks for, without its key: a retry with another key is another request.
QByteArray fingerprint(const FakeRequest &request, QJsonObject body)
{
    body.remove(key("idempotency_key"));
    const QByteArray text = request.method + ' ' + request.path.toUtf8() + '\n' + compact(body);
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}
} // namespace

SquareFake::SquareFake(QObject *parent)
    : FakeVendorServer(parent)
    , m_book([this] { return nowMs(); })
{
    addAccessToken(QString::fromLatin1(defaultToken));
    addLocation(QString::fromLatin1(defaultLocation), QStringLiteral("Fake Kitchen"));

    addApiRoute("POST", QStringLiteral("/v2/orders"),
                [this](const QJsonObject &body, const QStringList &, const FakeRequest &request) {
                    return createOrder(body, request);
                });
    addApiRoute("GET", QStringLiteral("/v2/orders/{}"),
                [this](const QJsonObject &, const QStringList &args, const FakeRequest &) {
                    const std::optional<QJsonObject> found = m_book.find(args.at(0));
                    if (!found)
                        return SquareError {404, key("INVALID_REQUEST_ERROR"), key("NOT_FOUND"),
                                            QStringLiteral("Could not find order with id `%1`.")
                                                .arg(args.at(0)),
                                            key("order_id")}.reply();
                    return orderReply(*found);
                });
    addApiRoute("PUT", QStringLiteral("/v2/orders/{}"),
                [this](const QJsonObject &body, const QStringList &args,
                       const FakeRequest &request) { return updateOrder(args.at(0), body, request); });
    addApiRoute("POST", QStringLiteral("/v2/orders/batch-retrieve"),
                [this](const QJsonObject &body, const QStringList &, const FakeRequest &) {
                    const QJsonArray ids = body.value(key("order_ids")).toArray();
                    if (ids.isEmpty())
                        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"),
                                                    key("Field must be set"), key("order_ids"))
                            .reply();
                    if (ids.size() > maxBatchIds)
                        return SquareError::invalid(key("INVALID_VALUE"),
                                                    QStringLiteral("At most %1 order ids")
                                                        .arg(maxBatchIds),
                                                    key("order_ids")).reply();
                    // Unknown ids are left out, not errors.
                    QJsonArray orders;
                    for (const QJsonValue &id : ids) {
                        if (const std::optional<QJsonObject> found = m_book.find(id.toString()))
                            orders.append(render(*found));
                    }
                    QJsonObject response;
                    if (!orders.isEmpty())
                        response.insert(key("orders"), orders);
                    return jsonReply(200, response);
                });
    addApiRoute("POST", QStringLiteral("/v2/orders/search"),
                [this](const QJsonObject &body, const QStringList &, const FakeRequest &) {
                    return searchOrders(body);
                });
    addApiRoute("GET", QStringLiteral("/v2/locations"),
                [this](const QJsonObject &, const QStringList &, const FakeRequest &) {
                    return jsonReply(200, {{key("locations"), m_book.locations()}});
                });
    addApiRoute("GET", QStringLiteral("/v2/locations/{}"),
                [this](const QJsonObject &, const QStringList &args, const FakeRequest &) {
                    const std::optional<QJsonObject> found = m_book.location(args.at(0));
                    if (!found)
                        return SquareError {404, key("INVALID_REQUEST_ERROR"), key("NOT_FOUND"),
                                            QStringLiteral("Location `%1` not found.")
                                                .arg(args.at(0)),
                                            key("location_id")}.reply();
                    return jsonReply(200, {{key("location"), *found}});
                });
    addControlRoutes();
}

QString SquareFake::createCounterOrder(const QJsonObject &order, bool updatable)
{
    const QJsonObject made = m_book.createAtPos(order, updatable);
    const QString id = made.value(key("id")).toString();
    qCInfo(lcFakeSquare).noquote() << "counter order" << id << "rung up at the POS";
    // Square sends order.created only for CreateOrder; a POS order arrives as order.updated.
    sendOrderWebhook(id, key("order.updated"));
    return id;
}

bool SquareFake::bumpVersion(const QString &id)
{
    if (!m_book.bumpVersion(id))
        return false;
    sendOrderWebhook(id, key("order.updated"));
    return true;
}

QByteArray SquareFake::signature(const QString &signatureKey, const QString &url,
                                 const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(url.toUtf8() + body, signatureKey.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

QString SquareFake::sendOrderWebhook(const QString &orderId, const QString &type,
                                     bool badSignature)
{
    const std::optional<QJsonObject> order = m_book.find(orderId);
    if (!order || webhookUrl().isEmpty())
        return {};
    return sendSummary(*order, type, {}, badSignature);
}

QString SquareFake::sendSummary(const QJsonObject &order, const QString &type,
                                const QJsonArray &fulfillmentUpdates, bool badSignature)
{
    if (webhookUrl().isEmpty())
        return {};
    QJsonObject summary {{key("order_id"), order.value(key("id"))},
                         {key("location_id"), order.value(key("location_id"))},
                         {key("state"), order.value(key("state"))},
                         {key("created_at"), order.value(key("created_at"))}};
    if (order.contains(key("version")))
        summary.insert(key("version"), order.value(key("version")));
    if (type != QLatin1String("order.created"))
        summary.insert(key("updated_at"), order.value(key("updated_at")));
    if (type == QLatin1String("order.fulfillment.updated"))
        summary.insert(key("fulfillment_update"), fulfillmentUpdates);
    const QString objectType = QString(type).replace(QLatin1Char('.'), QLatin1Char('_'));
    const QString eventId = m_book.newEventId();
    const QJsonObject body {
        {key("merchant_id"), m_merchantId},
        {key("type"), type},
        {key("event_id"), eventId},
        {key("created_at"), SquareOrderBook::rfc3339(nowMs())},
        {key("data"), QJsonObject {{key("type"), objectType},
                                   {key("id"), order.value(key("id"))},
                                   {key("object"), QJsonObject {{objectType, summary}}}}}};
    sendWebhook(eventId, compact(body), badSignature);
    return eventId;
}

FakeReply SquareFake::errorReply(int status, const QString &code) const
{
    SquareError error {status, key("API_ERROR"), code, key("A scripted failure"), {}};
    if (status == 401) {
        error.category = key("AUTHENTICATION_ERROR");
        error.code = code.isEmpty() ? key("UNAUTHORIZED") : code;
    } else if (status == 403) {
        error.category = key("AUTHENTICATION_ERROR");
        error.code = code.isEmpty() ? key("INSUFFICIENT_SCOPES") : code;
    } else if (status == 404) {
        error.category = key("INVALID_REQUEST_ERROR");
        error.code = code.isEmpty() ? key("NOT_FOUND") : code;
        error.detail = key("Resource not found.");
    } else if (status == 405) {
        error.category = key("INVALID_REQUEST_ERROR");
        error.code = code.isEmpty() ? key("METHOD_NOT_ALLOWED") : code;
        error.detail = key("Method not allowed for this path.");
    } else if (status >= 400 && status < 500) {
        error.category = key("INVALID_REQUEST_ERROR");
        error.code = code.isEmpty() ? key("BAD_REQUEST") : code;
    } else if (code.isEmpty()) {
        error.code = status == 503   ? key("SERVICE_UNAVAILABLE")
            : status == 502          ? key("BAD_GATEWAY")
            : status == 504          ? key("GATEWAY_TIMEOUT")
                                     : key("INTERNAL_SERVER_ERROR");
    }
    return error.reply();
}

FakeReply SquareFake::rateLimitedReply(int retryAfterS) const
{
    // Square publishes no rate-limit headers; Retry-After is there for clients that honour it.
    FakeReply reply = SquareError {429, key("RATE_LIMIT_ERROR"), key("RATE_LIMITED"),
                                   key("Too many requests; slow down."), {}}.reply();
    reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterS)});
    return reply;
}

FakeHeaders SquareFake::webhookHeaders(const QByteArray &body, int attempt, qint64 firstSentMs,
                                       bool badSignature) const
{
    const QString signingKey = badSignature ? m_signatureKey + key("-wrong") : m_signatureKey;
    FakeHeaders headers {
        {QByteArrayLiteral("x-square-hmacsha256-signature"),
         signature(signingKey, webhookUrl(), body)},
        {QByteArrayLiteral("square-environment"), QByteArrayLiteral("Sandbox")},
        {QByteArrayLiteral("square-initial-delivery-timestamp"),
         SquareOrderBook::rfc3339(firstSentMs).toLatin1()},
        {QByteArrayLiteral("square-retry-number"), QByteArray::number(attempt)},
        {QByteArrayLiteral("user-agent"), QByteArrayLiteral("Square Connect v2")}};
    if (attempt > 0)
        headers.append({QByteArrayLiteral("square-retry-reason"), QByteArrayLiteral("http_error")});
    return headers;
}

void SquareFake::addApiRoute(const QByteArray &method, const QString &pattern,
                             JsonHandler handler)
{
    addRoute(method, pattern,
             [this, handler = std::move(handler)](const FakeRequest &request,
                                                  const QStringList &args) {
                 if (const std::optional<FakeReply> refusal = refuse(request))
                     return *refusal;
                 QJsonObject body;
                 if (request.method == "POST" || request.method == "PUT") {
                     QJsonParseError error;
                     const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
                     if (!document.isObject())
                         return SquareError::invalid(key("BAD_REQUEST"),
                                                     key("The request body is not a JSON "
                                                         "object"))
                             .reply();
                     body = document.object();
                 }
                 return handler(body, args, request);
             });
}

std::optional<FakeReply> SquareFake::refuse(const FakeRequest &request)
{
    const QByteArray version = request.header("Square-Version");
    m_versionsSeen.append(QString::fromLatin1(version));
    const QByteArray authorization = request.header("Authorization");
    const QString token = authorization.startsWith("Bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    const auto known = m_tokens.constFind(token);
    if (token.isEmpty() || known == m_tokens.cend())
        return SquareError {401, key("AUTHENTICATION_ERROR"), key("UNAUTHORIZED"),
                            key("This request could not be authorized."), {}}.reply();
    if (*known)
        return SquareError {401, key("AUTHENTICATION_ERROR"), key("ACCESS_TOKEN_EXPIRED"),
                            key("The access token has expired."), {}}.reply();
    if (request.hasHeader("Square-Version") && !validVersion(version))
        return SquareError::invalid(key("INVALID_SQUARE_VERSION_FORMAT"),
                                    QStringLiteral("Invalid Square-Version format: `%1`. Expected "
                                                   "YYYY-MM-DD.").arg(QString::fromLatin1(version)))
            .reply();
    return std::nullopt;
}

FakeReply SquareFake::createOrder(const QJsonObject &body, const FakeRequest &request)
{
    const QString idempotencyKey = body.value(key("idempotency_key")).toString();
    if (idempotencyKey.size() > maxKeyLength)
        return SquareError::invalid(key("VALUE_TOO_LONG"),
                                    QStringLiteral("Must be %1 characters or fewer")
                                        .arg(maxKeyLength),
                                    key("idempotency_key")).reply();
    if (!body.value(key("order")).isObject())
        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"), key("Field must be set"),
                                    key("order")).reply();
    const QByteArray print = fingerprint(request, body);
    if (!idempotencyKey.isEmpty()) {
        const auto used = m_keys.constFind(idempotencyKey);
        if (used != m_keys.cend()) {
            if (used->fingerprint != print)
                return SquareError::invalid(key("IDEMPOTENCY_KEY_REUSED"),
                                            key("The idempotency key was used for another "
                                                "request"),
                                            key("idempotency_key")).reply();
            return used->firstReply; // the first result, applied once
        }
    }
    const SquareOrderChange change = m_book.create(body.value(key("order")).toObject());
    if (change.error)
        return change.error->reply();
    const QString id = change.order.value(key("id")).toString();
    const FakeReply reply = orderReply(change.order);
    if (!idempotencyKey.isEmpty())
        m_keys.insert(idempotencyKey, {print, reply, id, true});
    writeLedger().record({idempotencyKey, QString::fromLatin1(request.method), request.path, id,
                          change.order.value(key("version")).toInteger(), nowMs()});
    sendSummary(change.order, key("order.created"), {}, false);
    return reply;
}

FakeReply SquareFake::updateOrder(const QString &id, const QJsonObject &body,
                                  const FakeRequest &request)
{
    const QString idempotencyKey = body.value(key("idempotency_key")).toString();
    if (idempotencyKey.size() > maxKeyLength)
        return SquareError::invalid(key("VALUE_TOO_LONG"),
                                    QStringLiteral("Must be %1 characters or fewer")
                                        .arg(maxKeyLength),
                                    key("idempotency_key")).reply();
    const QByteArray print = fingerprint(request, body);
    if (!idempotencyKey.isEmpty()) {
        const auto used = m_keys.constFind(idempotencyKey);
        if (used != m_keys.cend()) {
            if (used->fingerprint != print)
                return SquareError::invalid(key("IDEMPOTENCY_KEY_REUSED"),
                                            key("The idempotency key was used for another "
                                                "request"),
                                            key("idempotency_key")).reply();
            // Square's silent no-op: 200 and the order as it is now, nothing applied again.
            return orderReply(m_book.find(used->orderId).value_or(QJsonObject {}));
        }
    }
    QStringList fieldsToClear;
    for (const QJsonValue &field : body.value(key("fields_to_clear")).toArray())
        fieldsToClear.append(field.toString());
    const SquareOrderChange change =
        m_book.update(id, body.value(key("order")).toObject(), fieldsToClear);
    if (change.error)
        return change.error->reply();
    const FakeReply reply = orderReply(change.order);
    if (!idempotencyKey.isEmpty())
        m_keys.insert(idempotencyKey, {print, reply, id, false});
    writeLedger().record({idempotencyKey, QString::fromLatin1(request.method), request.path, id,
                          change.order.value(key("version")).toInteger(), nowMs()});
    sendSummary(change.order, key("order.updated"), {}, false);
    if (!change.fulfillmentUpdates.isEmpty())
        sendSummary(change.order, key("order.fulfillment.updated"), change.fulfillmentUpdates,
                    false);
    return reply;
}

FakeReply SquareFake::searchOrders(const QJsonObject &body)
{
    const SquareSearch::Result result = SquareSearch::run(m_book.all(), body);
    if (result.error)
        return result.error->reply();
    QJsonObject response = result.response;
    if (response.contains(key("orders"))) {
        QJsonArray orders;
        for (const QJsonValue &order : response.value(key("orders")).toArray())
            orders.append(render(order.toObject()));
        response.insert(key("orders"), orders);
    }
    return jsonReply(200, response);
}

FakeReply SquareFake::orderReply(const QJsonObject &order) const
{
    return jsonReply(200, {{key("order"), render(order)}});
}

QJsonObject SquareFake::render(QJsonObject order) const
{
    if (m_cardInNotes) {
        QJsonArray items = order.value(key("line_items")).toArray();
        for (auto it = items.begin(); it != items.end(); ++it) {
            QJsonObject item = it->toObject();
            const QString note = item.value(key("note")).toString();
            const QString prefix = note.isEmpty() ? QString() : QString(note + QLatin1Char(' '));
            item.insert(key("note"), QString(prefix + key("card ") + cardLikeNumber));
            *it = item;
        }
        order.insert(key("line_items"), items);
    }
    if (m_unknownValues) {
        // Fields and values the documentation does not name yet, as Square's responses carry.
        order.insert(key("kitchen_hints"), QJsonObject {{key("course"), key("MAIN")}});
        QJsonArray fulfillments = order.value(key("fulfillments")).toArray();
        for (auto it = fulfillments.begin(); it != fulfillments.end(); ++it) {
            QJsonObject fulfillment = it->toObject();
            fulfillment.insert(key("curbside_hints"), QJsonObject {{key("bay"), 3}});
            *it = fulfillment;
        }
        fulfillments.append(QJsonObject {
            {key("uid"), QString(key("digital-") + order.value(key("id")).toString().left(8))},
            {key("type"), key("DIGITAL")},
            {key("state"), key("ON_HOLD")},
            {key("line_item_application"), key("ALL")},
            {key("digital_details"), QJsonObject {{key("recipient"), QJsonObject {}}}}});
        order.insert(key("fulfillments"), fulfillments);
    }
    return order;
}
