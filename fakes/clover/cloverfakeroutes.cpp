// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Clover fake's vendor routes: OAuth v2 under /oauth/v2/ and the orders API under
// /v3/merchants/{mId}/ (fakes/README.md).
#include "fakes/clover/cloverfake.h"

#include "fakes/clover/clovererror.h"
#include "fakes/clover/cloverquery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString merchants = QStringLiteral("/v3/merchants/{}");

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject jsonBody(const FakeRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QStringList expansions(const FakeRequest &request)
{
    QStringList all;
    for (const QString &value : request.query.allQueryItemValues(key("expand"), QUrl::FullyDecoded))
        all += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return all;
}

FakeReply arrayReply(int status, const QJsonArray &array)
{
    return FakeReply::json(status, QJsonDocument(array).toJson(QJsonDocument::Compact));
}
} // namespace

void CloverFake::addOAuthRoutes()
{
    // On the real service these are on the API hosts as well (api.clover.com,
    // apisandbox.dev.clover.com); only the merchant's sign-in page is on the web host.
    addRoute("POST", key("/oauth/v2/token"), [this](const FakeRequest &request,
                                                    const QStringList &) {
        const QJsonObject body = jsonBody(request);
        if (body.value(key("client_id")).toString() != m_appId)
            return cloverError(401, key("Invalid client_id"));
        const std::optional<CloverTokenPair> pair =
            m_tokens.exchange(body.value(key("code")).toString());
        if (!pair)
            return cloverError(401, key("Invalid or used authorization code"));
        return jsonReply(200, pair->toJson());
    });
    addRoute("POST", key("/oauth/v2/refresh"), [this](const FakeRequest &request,
                                                      const QStringList &) {
        const QJsonObject body = jsonBody(request);
        if (body.value(key("client_id")).toString() != m_appId)
            return cloverError(401, key("Invalid client_id"));
        CloverTokens::Check why = CloverTokens::Check::Unknown;
        const std::optional<CloverTokenPair> pair =
            m_tokens.refresh(body.value(key("refresh_token")).toString(), &why);
        if (pair)
            return jsonReply(200, pair->toJson());
        if (why == CloverTokens::Check::Expired)
            return cloverError(401, key("Refresh token expired"));
        if (why == CloverTokens::Check::Revoked)
            return cloverError(401, key("Refresh token already used or revoked"));
        return cloverError(401, key("Invalid refresh token"));
    });
}

void CloverFake::addApiRoute(const QByteArray &method, const QString &pattern, JsonHandler handler)
{
    addRoute(method, merchants + pattern,
             [this, handler = std::move(handler)](const FakeRequest &request,
                                                  const QStringList &args) {
                 settlePrinting();
                 if (std::optional<FakeReply> refused = refuse(request, args.at(0)))
                     return *refused;
                 const QString token =
                     QString::fromLatin1(request.header("Authorization").mid(7).trimmed());
                 if (const auto breach = m_limiter.admit(token)) {
                     FakeReply reply = cloverError(429, key("Too Many Requests"));
                     reply.headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("1")});
                     reply.headers.append({breach->header, QByteArray::number(breach->limit)});
                     return reply;
                 }
                 QJsonValue body = QJsonObject {};
                 FakeReply reply;
                 if (!request.body.trimmed().isEmpty()) {
                     const QJsonDocument document = QJsonDocument::fromJson(request.body);
                     if (document.isNull())
                         reply = cloverError(400, key("Invalid JSON in the request body"));
                     body = document.isArray() ? QJsonValue(document.array())
                                               : QJsonValue(document.object());
                 }
                 if (reply.body.isEmpty())
                     reply = handler(body, args.mid(1), request);
                 reply.onSent = [this, token] { m_limiter.finished(token); };
                 return reply;
             });
}

std::optional<FakeReply> CloverFake::refuse(const FakeRequest &request, const QString &merchantId)
{
    const QByteArray authorization = request.header("Authorization");
    const QString token = authorization.startsWith("Bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    switch (m_tokens.checkAccess(token)) {
    case CloverTokens::Check::Valid:
        break;
    case CloverTokens::Check::Expired:
        return cloverError(401, key("Access token expired"));
    case CloverTokens::Check::Revoked:
        return cloverError(401, key("Access token revoked"));
    case CloverTokens::Check::Unknown:
        return cloverError(401, key("401 Unauthorized"));
    }
    // A token belongs to one merchant: another merchant's id is unauthorized, not unknown.
    if (merchantId != m_merchantId)
        return cloverError(401, key("401 Unauthorized"));
    return std::nullopt;
}

FakeReply CloverFake::listOrders(const FakeRequest &request)
{
    const CloverQuery::Page page = CloverQuery::run(m_book.all(), request.query);
    if (page.refusal)
        return cloverError(page.refusal->status, page.refusal->message);
    const QStringList expand = expansions(request);
    QJsonArray elements;
    for (const QJsonObject &order : page.orders)
        elements.append(render(order, expand.contains(key("lineItems")),
                               expand.contains(key("lineItems.modifications"))));
    FakeReply reply = jsonReply(200, {{key("elements"), elements}});
    reply.headers.append({"X-Clover-Allowed-Filter-Fields",
                          CloverQuery::orderFilterFields().join(QLatin1Char(',')).toLatin1()});
    return reply;
}

FakeReply CloverFake::getOrder(const QString &orderId, const FakeRequest &request)
{
    const std::optional<QJsonObject> found = m_book.find(orderId);
    if (!found)
        return cloverError(404, key("Not Found"));
    const QStringList expand = expansions(request);
    return jsonReply(200, render(*found, expand.contains(key("lineItems")),
                                 expand.contains(key("lineItems.modifications"))));
}

FakeReply CloverFake::created(const CloverWrite &write, const FakeRequest &request)
{
    if (write.refusal)
        return cloverError(write.refusal->status, write.refusal->message);
    const QString id = write.object.value(key("id")).toString();
    // No idempotency: the ledger keys a create by its externalReferenceId, and a second create
    // with the same one is a second order (the adapter must look before it retries).
    recordWrite(write.object.value(key("externalReferenceId")).toString(), request, id);
    sendOrderWebhook(id, key("CREATE"));
    return jsonReply(200, render(write.object, request.path.endsWith(key("atomic_order/orders")),
                                 false));
}

void CloverFake::addOrderRoutes()
{
    addApiRoute("GET", QString(), [this](const QJsonValue &, const QStringList &,
                                         const FakeRequest &) {
        return jsonReply(200, {{key("id"), m_merchantId}, {key("name"), key("Fake Kitchen")}});
    });
    addApiRoute("GET", key("/orders"), [this](const QJsonValue &, const QStringList &,
                                              const FakeRequest &request) {
        return listOrders(request);
    });
    addApiRoute("POST", key("/orders"), [this](const QJsonValue &body, const QStringList &,
                                               const FakeRequest &request) {
        return created(m_book.createOrder(body.toObject()), request);
    });
    addApiRoute("POST", key("/atomic_order/orders"),
                [this](const QJsonValue &body, const QStringList &, const FakeRequest &request) {
                    return created(m_book.createAtomic(body.toObject()), request);
                });
    addApiRoute("GET", key("/orders/{}"), [this](const QJsonValue &, const QStringList &args,
                                                 const FakeRequest &request) {
        return getOrder(args.at(0), request);
    });
    addApiRoute("POST", key("/orders/{}"), [this](const QJsonValue &body, const QStringList &args,
                                                  const FakeRequest &request) {
        const CloverWrite write = m_book.update(args.at(0), body.toObject());
        if (write.refusal)
            return cloverError(write.refusal->status, write.refusal->message);
        recordWrite(writeKey(key("update"), args.at(0), body.toObject()), request, args.at(0));
        sendOrderWebhook(args.at(0), key("UPDATE"));
        return jsonReply(200, render(write.object, false, false));
    });
    addApiRoute("DELETE", key("/orders/{}"), [this](const QJsonValue &, const QStringList &args,
                                                    const FakeRequest &request) {
        if (!m_book.remove(args.at(0)))
            return cloverError(404, key("Not Found"));
        recordWrite(writeKey(key("delete"), args.at(0), {}), request, args.at(0));
        sendOrderWebhook(args.at(0), key("DELETE"));
        return jsonReply(200, {});
    });
    addApiRoute("GET", key("/orders/{}/line_items"),
                [this](const QJsonValue &, const QStringList &args, const FakeRequest &request) {
                    if (!m_book.find(args.at(0)))
                        return cloverError(404, key("Not Found"));
                    int limit = 0;
                    int offset = 0;
                    if (const auto refusal = CloverQuery::paging(request.query, &limit, &offset))
                        return cloverError(refusal->status, refusal->message);
                    const bool modifications =
                        expansions(request).contains(key("modifications"));
                    QJsonArray elements;
                    for (const QJsonObject &item : m_book.lineItems(args.at(0)).mid(offset, limit))
                        elements.append(renderLineItem(item, modifications));
                    return jsonReply(200, {{key("elements"), elements}});
                });
    addApiRoute("POST", key("/orders/{}/line_items"),
                [this](const QJsonValue &body, const QStringList &args, const FakeRequest &request) {
                    const CloverWrite write = m_book.addLineItem(args.at(0), body.toObject());
                    if (write.refusal)
                        return cloverError(write.refusal->status, write.refusal->message);
                    recordWrite(writeKey(key("line_item"), args.at(0), body.toObject()), request,
                                write.object.value(key("id")).toString());
                    sendOrderWebhook(args.at(0), key("UPDATE"));
                    return jsonReply(200, renderLineItem(write.object, false));
                });
    addApiRoute("POST", key("/orders/{}/bulk_line_items"),
                [this](const QJsonValue &body, const QStringList &args, const FakeRequest &request) {
                    // {"items":[…]} (a bare array is taken too); the answer is the array made.
                    const QJsonArray items = body.isArray()
                        ? body.toArray()
                        : body.toObject().value(key("items")).toArray();
                    const CloverWrite write = m_book.addLineItems(args.at(0), items);
                    if (write.refusal)
                        return cloverError(write.refusal->status, write.refusal->message);
                    recordWrite(writeKey(key("bulk_line_items"), args.at(0),
                                         {{key("items"), items}}),
                                request, args.at(0));
                    sendOrderWebhook(args.at(0), key("UPDATE"));
                    QJsonArray made;
                    for (const QJsonValue &item : write.objects)
                        made.append(renderLineItem(item.toObject(), false));
                    return arrayReply(200, made);
                });
    addApiRoute("DELETE", key("/orders/{}/line_items/{}"),
                [this](const QJsonValue &, const QStringList &args, const FakeRequest &request) {
                    if (!m_book.removeLineItem(args.at(0), args.at(1)))
                        return cloverError(404, key("Not Found"));
                    recordWrite(writeKey(key("delete_line_item"), args.at(1), {}), request,
                                args.at(1));
                    sendOrderWebhook(args.at(0), key("UPDATE"));
                    return jsonReply(200, {});
                });
    addApiRoute("POST", key("/print_event"), [this](const QJsonValue &body, const QStringList &,
                                                    const FakeRequest &request) {
        const QString orderId =
            body.toObject().value(key("orderRef")).toObject().value(key("id")).toString();
        if (orderId.isEmpty())
            return cloverError(400, key("orderRef.id is required"));
        const CloverWrite write = m_book.createPrintEvent(orderId, nowMs() + m_printDurationMs);
        if (write.refusal)
            return cloverError(write.refusal->status, write.refusal->message);
        recordWrite(writeKey(key("print_event"), orderId, body.toObject()), request,
                    write.object.value(key("id")).toString());
        return jsonReply(200, write.object);
    });
    addApiRoute("GET", key("/print_event/{}"), [this](const QJsonValue &, const QStringList &args,
                                                      const FakeRequest &) {
        const std::optional<QJsonObject> event = m_book.printEvent(args.at(0));
        if (!event)
            return cloverError(404, key("Not Found"));
        return jsonReply(200, *event);
    });
}
