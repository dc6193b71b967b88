// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Toast fake's vendor paths: the machine-client login and Orders API v2 (fakes/README.md).
#include "fakes/toast/toastfake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace {
constexpr int maxPageSize = 100;
constexpr qint64 maxGuidWindowMs = 60 * 60 * 1000; // GET /orders lists at most an hour

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

FakeReply arrayReply(const QJsonArray &array)
{
    return FakeReply::json(200, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// A query value decoded as a Java server decodes a form: a raw '+' is a space, so a date
// whose "+0000" was not URL-encoded fails to parse, as it does at Toast.
QString queryValue(const FakeRequest &request, const QString &name)
{
    QString raw = request.query.queryItemValue(name, QUrl::FullyEncoded);
    raw.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(raw.toUtf8());
}

bool validGuid(const QString &guid)
{
    return !QUuid::fromString(guid).isNull();
}

ToastError malformedGuid(const QString &guid)
{
    return ToastError::bad(QStringLiteral("The GUID %1 was malformed").arg(guid), key("guid"));
}

// Orders modified in [startDate, endDate), or of one businessDate; an error when neither is
// given well.
std::optional<ToastError> selectWindow(const FakeRequest &request, const ToastOrderBook &book,
                                       qint64 maxWindowMs, QList<QJsonObject> *orders)
{
    if (request.query.hasQueryItem(key("businessDate"))) {
        const QString text = queryValue(request, key("businessDate"));
        bool ok = false;
        const int date = text.toInt(&ok);
        if (!ok || text.size() != 8)
            return ToastError::bad(key("businessDate must be yyyyMMdd"), key("businessDate"));
        *orders = book.ofBusinessDate(date);
        return std::nullopt;
    }
    if (!request.query.hasQueryItem(key("startDate"))
        || !request.query.hasQueryItem(key("endDate")))
        return ToastError::bad(key("Give startDate and endDate, or businessDate"),
                               key("startDate"));
    const std::optional<qint64> start =
        ToastOrderBook::parseToastTime(queryValue(request, key("startDate")));
    if (!start)
        return ToastError::bad(key("startDate must be ISO-8601 with milliseconds and an offset, "
                                   "URL-encoded, e.g. 2026-01-01T12:00:00.000%2B0000"),
                               key("startDate"));
    const std::optional<qint64> end =
        ToastOrderBook::parseToastTime(queryValue(request, key("endDate")));
    if (!end)
        return ToastError::bad(key("endDate must be ISO-8601 with milliseconds and an offset, "
                                   "URL-encoded, e.g. 2026-01-01T13:00:00.000%2B0000"),
                               key("endDate"));
    if (*end <= *start)
        return ToastError::bad(key("endDate must be later than startDate"), key("endDate"));
    if (maxWindowMs > 0 && *end - *start > maxWindowMs)
        return ToastError::bad(key("The period may be at most one hour"), key("endDate"));
    *orders = book.modifiedBetween(*start, *end);
    return std::nullopt;
}
} // namespace

void ToastFake::addApiRoute(const QByteArray &method, const QString &pattern, JsonHandler handler)
{
    addRoute(
        method, pattern,
        [this, method, handler = std::move(handler)](const FakeRequest &request,
                                                     const QStringList &args) {
            if (const std::optional<FakeReply> refused = refuse(request))
                return *refused;
            QJsonObject body;
            if (method == "POST" || method == "PATCH") {
                if (!request.header("Content-Type").startsWith("application/json"))
                    return ToastError::forStatus(415, key("UNSUPPORTED_MEDIA_TYPE"),
                                                 key("Send Content-Type: application/json"))
                        .reply();
                const QJsonDocument document = QJsonDocument::fromJson(request.body);
                if (!request.body.trimmed().isEmpty() && !document.isObject())
                    return ToastError::bad(key("The request body is not a JSON object")).reply();
                body = document.object();
            }
            return handler(body, args, request);
        });
}

std::optional<FakeReply> ToastFake::refuse(const FakeRequest &request) const
{
    const QByteArray authorization = request.header("Authorization");
    const QString token = authorization.startsWith("Bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    const auto known = m_tokens.constFind(token);
    if (token.isEmpty() || known == m_tokens.cend())
        return ToastError::forStatus(401, key("UNAUTHORIZED"),
                                     key("The access token is missing or unknown"))
            .reply();
    if (nowMs() >= *known)
        return ToastError {401,
                           ToastError::expiredTokenCode,
                           key("TOKEN_EXPIRED"),
                           key("The access token has expired; log in again"),
                           {},
                           false}
            .reply();
    const QString restaurant = QString::fromLatin1(request.header("Toast-Restaurant-External-ID"));
    if (restaurant.isEmpty())
        return ToastError {400,
                           ToastError::missingRestaurantCode,
                           key("MISSING_RESTAURANT_EXTERNAL_ID"),
                           key("The Toast-Restaurant-External-ID header is required"),
                           key("Toast-Restaurant-External-ID"),
                           false}
            .reply();
    if (restaurant != m_restaurantGuid)
        return ToastError {
            403,
            ToastError::unknownRestaurantCode,
            key("RESTAURANT_NOT_AUTHORIZED"),
            QStringLiteral("The client has no access to restaurant %1").arg(restaurant),
            key("Toast-Restaurant-External-ID"),
            false}
            .reply();
    return std::nullopt;
}

void ToastFake::addApiRoutes()
{
    addRoute("POST", key("/authentication/v1/authentication/login"),
             [this](const FakeRequest &request, const QStringList &) {
                 return login(QJsonDocument::fromJson(request.body).object());
             });
    addApiRoute("GET", key("/orders/v2/ordersBulk"),
                [this](const QJsonObject &, const QStringList &, const FakeRequest &request) {
                    return ordersBulk(request);
                });
    addApiRoute("GET", key("/orders/v2/orders"),
                [this](const QJsonObject &, const QStringList &, const FakeRequest &request) {
                    return orderGuids(request);
                });
    addApiRoute("GET", key("/orders/v2/orders/{}"),
                [this](const QJsonObject &, const QStringList &args, const FakeRequest &) {
                    if (!validGuid(args.at(0)))
                        return malformedGuid(args.at(0)).reply();
                    const std::optional<QJsonObject> found = m_book.find(args.at(0));
                    if (!found)
                        return ToastError::forStatus(
                                   404, key("ORDER_NOT_FOUND"),
                                   QStringLiteral("No order with guid %1").arg(args.at(0)))
                            .reply();
                    return jsonReply(200, render(*found));
                });
    addApiRoute("POST", key("/orders/v2/orders"),
                [this](const QJsonObject &body, const QStringList &, const FakeRequest &request) {
                    return createOrder(body, request);
                });
    addApiRoute(
        "POST", key("/orders/v2/orders/{}/void"),
        [this](const QJsonObject &body, const QStringList &args, const FakeRequest &request) {
            if (!validGuid(args.at(0)))
                return malformedGuid(args.at(0)).reply();
            return written(m_book.voidOrder(args.at(0), body), key("void:") + args.at(0), request);
        });
    addApiRoute(
        "PATCH", key("/orders/v2/orders/{}/deliveryInfo"),
        [this](const QJsonObject &body, const QStringList &args, const FakeRequest &request) {
            if (!validGuid(args.at(0)))
                return malformedGuid(args.at(0)).reply();
            const ToastOrderChange change = m_book.patchDeliveryInfo(args.at(0), body);
            const QString state = change.order.value(key("deliveryInfo"))
                                      .toObject()
                                      .value(key("deliveryState"))
                                      .toString();
            return written(change, key("deliveryInfo:") + args.at(0) + QLatin1Char(':') + state,
                           request);
        });
}

FakeReply ToastFake::login(const QJsonObject &body)
{
    if (body.value(key("userAccessType")).toString() != QLatin1String("TOAST_MACHINE_CLIENT"))
        return ToastError::bad(key("userAccessType must be TOAST_MACHINE_CLIENT"),
                               key("userAccessType"))
            .reply();
    if (body.value(key("clientId")).toString() != m_clientId
        || body.value(key("clientSecret")).toString() != m_clientSecret)
        return ToastError::forStatus(401, key("INVALID_CLIENT_CREDENTIALS"),
                                     key("The clientId or clientSecret is not valid"))
            .reply();
    const QString token = issueToken();
    return jsonReply(200,
                     {{key("@class"), key(".SuccessfulResponse")},
                      {key("token"),
                       QJsonObject {{key("tokenType"), key("Bearer")},
                                    {key("scope"), QJsonValue()},
                                    {key("expiresIn"), m_tokenLifetimeS},
                                    {key("accessToken"), token},
                                    {key("idToken"), QJsonValue()},
                                    {key("refreshToken"), QJsonValue()}}},
                      {key("status"), key("SUCCESS")}});
}

FakeReply ToastFake::ordersBulk(const FakeRequest &request)
{
    QList<QJsonObject> orders;
    if (const std::optional<ToastError> error = selectWindow(request, m_book, 0, &orders))
        return error->reply();
    int pageSize = maxPageSize;
    if (request.query.hasQueryItem(key("pageSize"))) {
        bool ok = false;
        pageSize = queryValue(request, key("pageSize")).toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > maxPageSize)
            return ToastError::bad(QStringLiteral("pageSize must be from 1 to %1").arg(maxPageSize),
                                   key("pageSize"))
                .reply();
    }
    int page = 1;
    if (request.query.hasQueryItem(key("page"))) {
        bool ok = false;
        page = queryValue(request, key("page")).toInt(&ok);
        if (!ok || page < 1)
            return ToastError::bad(key("page must be 1 or more"), key("page")).reply();
    }
    QJsonArray slice;
    const qsizetype first = qsizetype(page - 1) * pageSize;
    for (qsizetype i = first; i < orders.size() && i < first + pageSize; ++i)
        slice.append(render(orders.at(i)));

    // RFC 5988 links that keep the caller's window, encoded the way Toast asks for it.
    const auto link = [this, &request, pageSize](int toPage, const char *rel) -> QByteArray {
        QByteArray query;
        for (const char *name : {"startDate", "endDate", "businessDate"}) {
            if (request.query.hasQueryItem(key(name)))
                query += QByteArray(name) + '='
                    + QUrl::toPercentEncoding(queryValue(request, key(name))) + '&';
        }
        query += "pageSize=" + QByteArray::number(pageSize) + "&page=" + QByteArray::number(toPage);
        return '<' + baseUrl().toEncoded() + "/orders/v2/ordersBulk?" + query + ">; rel=\"" + rel
            + '"';
    };
    QByteArrayList links {link(1, "first"), link(page, "self")};
    if (page > 1)
        links.append(link(page - 1, "prev"));
    if (first + pageSize < orders.size())
        links.append(link(page + 1, "next"));
    FakeReply reply = arrayReply(slice);
    reply.headers.append({QByteArrayLiteral("Link"), links.join(", ")});
    return reply;
}

FakeReply ToastFake::orderGuids(const FakeRequest &request)
{
    // Our reading of "orders can also be fetched by externalId": GET /orders?externalId=
    // answers like the documented GET /orders, an array of GUIDs (empty when none).
    QList<QJsonObject> orders;
    if (request.query.hasQueryItem(key("externalId"))) {
        orders = m_book.findByExternalId(queryValue(request, key("externalId")));
    } else if (const std::optional<ToastError> error =
                   selectWindow(request, m_book, maxGuidWindowMs, &orders)) {
        return error->reply();
    }
    QJsonArray guids;
    for (const QJsonObject &order : orders)
        guids.append(order.value(key("guid")));
    return arrayReply(guids);
}

FakeReply ToastFake::createOrder(const QJsonObject &body, const FakeRequest &request)
{
    const QString externalId = body.value(key("externalId")).toString();
    if (m_externalIdUnique && !externalId.isEmpty()
        && !m_book.findByExternalId(externalId).isEmpty())
        return ToastError {
            409,
            ToastError::duplicateExternalIdCode,
            key("DUPLICATE_EXTERNAL_ID"),
            QStringLiteral("An order with externalId %1 already exists").arg(externalId),
            key("externalId"),
            false}
            .reply();
    return written(m_book.create(body, key("API")), externalId, request);
}

FakeReply ToastFake::written(const ToastOrderChange &change, const QString &ledgerKey,
                             const FakeRequest &request)
{
    if (change.error)
        return change.error->reply();
    const QString guid = change.order.value(key("guid")).toString();
    if (change.applied) {
        writeLedger().record(
            {ledgerKey, QString::fromLatin1(request.method), request.path, guid, 0, nowMs()});
        sendOrderWebhook(guid);
    }
    return jsonReply(200, render(change.order));
}
