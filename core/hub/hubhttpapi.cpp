// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubhttpapi.h"

#include "httpintakeserver.h"
#include "hub.h"
#include "hublogging.h"
#include "hubrecords.h"

#include "common/clock.h"
#include "order/orderlimits.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Ids of placed events derive from (store, key), so a retry after a crash between the event's
// commit and the saved response is a duplicate of the first, never a second order.
const QUuid placeNamespace = QUuid::fromString(u"{5b2a3f0e-8c1d-4e8f-9a57-0c6b1d2e3f40}");
// The same for a platform step sent with a key.
const QUuid stepNamespace = QUuid::fromString(u"{9d41c7a2-3e6b-4f0d-8b25-7a1e0c9f6d83}");

QString bodyHash(const QByteArray &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

// The log already holds this event id, with another time: the same request (store, key, body)
// ran before, in another hub process over the same database or before a crash. Its answer is
// the first one's, as for a duplicate.
bool ranBefore(const SubmitOutcome &outcome)
{
    return outcome.status == SubmitOutcome::Status::Rejected && outcome.conflicting
        && outcome.conflicting->id == outcome.event.id && outcome.seq > 0;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &code, const QString &message)
{
    return json({{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

QHttpServerResponse respond(int status, const QByteArray &body)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body,
                               QHttpServerResponder::StatusCode(status));
}

// The header is an RFC 8941 sf-string ("…"); a bare token is accepted too.
QString idempotencyKey(const QHttpServerRequest &request)
{
    QByteArray value = request.value(QByteArrayLiteral("Idempotency-Key")).trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return QString::fromUtf8(value);
}

QByteArray orderBody(const SubmitOutcome &outcome, const std::optional<Order> &order)
{
    QJsonObject object {
        {QStringLiteral("seq"), outcome.seq},
        {QStringLiteral("event_id"), outcome.event.id.toString(QUuid::WithoutBraces)}};
    if (order)
        object.insert(QStringLiteral("order"), order->toJson());
    return json(object);
}
} // namespace

HubHttpApi::HubHttpApi(Hub &hub, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_clock(clock)
{
    using Method = QHttpServerRequest::Method;
    m_server.route(QStringLiteral("/v1/stores/<arg>/orders"), Method::Post,
                   [this](const QString &storeId, const QHttpServerRequest &request) {
                       return placeOrder(storeId, request);
                   });
    m_server.route(QStringLiteral("/v1/stores/<arg>/orders/<arg>/<arg>"), Method::Post,
                   [this](const QString &storeId, const QString &orderId, const QString &step,
                          const QHttpServerRequest &request) {
                       return platformStep(storeId, orderId, step, request);
                   });
}

Result<void> HubHttpApi::listen(quint16 port)
{
    // QHttpServer::listen() would make a plain QTcpServer, which lets QHttpServer buffer any body
    // whole; this one refuses oversized requests from their headers.
    auto *intake = new HttpIntakeServer(maxBodyBytes);
    if (!intake->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcHubHttp).noquote()
            << "cannot listen for HTTP on port" << port << ":" << intake->errorString();
        const Failure failure {intake->errorString()};
        delete intake;
        return failure;
    }
    m_server.bind(intake); // the HTTP server owns it from here
    m_port = intake->serverPort();
    qCInfo(lcHubHttp) << "HTTP API on 127.0.0.1 port" << m_port;
    return {};
}

QHttpServerResponse HubHttpApi::idempotent(const QString &storeId,
                                           const QHttpServerRequest &request, bool keyRequired,
                                           const Handler &handler)
{
    const QString key = idempotencyKey(request);
    if (key.isEmpty() && keyRequired)
        return respond(400,
                       errorBody(QStringLiteral("missing_idempotency_key"),
                                 QStringLiteral("this request needs an Idempotency-Key header")));
    if (key.size() > maxKeyLength)
        return respond(
            400,
            errorBody(
                QStringLiteral("bad_idempotency_key"),
                QStringLiteral("an Idempotency-Key is at most %1 characters").arg(maxKeyLength)));
    if (!m_hub.records().stores().contains(storeId))
        return respond(404,
                       errorBody(QStringLiteral("unknown_store"),
                                 QStringLiteral("there is no store %1").arg(storeId)));
    if (key.isEmpty()) {
        const Reply reply = handler();
        return respond(reply.status, reply.body);
    }
    // The request's fingerprint: the same key with another body is a client bug, not a retry.
    const QByteArray fingerprint =
        QCryptographicHash::hash(QByteArray(request.url().path().toUtf8() + '\n' + request.body()),
                                 QCryptographicHash::Sha256)
            .toHex();
    // Keys live for keyLifetimeMs; after that the same key is a new request.
    m_hub.records().idempotency().pruneBefore(m_clock.nowMs() - keyLifetimeMs);
    if (const std::optional<IdempotentResponse> stored =
            m_hub.records().idempotency().response(storeId, key)) {
        if (stored->requestHash != fingerprint)
            return respond(422,
                           errorBody(QStringLiteral("idempotency_key_reused"),
                                     QStringLiteral("this Idempotency-Key was used for a "
                                                    "different request")));
        return respond(stored->status, stored->body);
    }
    const Reply reply = handler();
    // Only what executed is remembered; refused input and server failures may be retried.
    if (reply.status != 400 && reply.status < 500) {
        // Unsaved, a retry executes again: the same as a request that came without a key.
        const Result<void> saved = m_hub.records().idempotency().save(
            storeId, key, {fingerprint, reply.status, reply.body});
        if (!saved) {
            // Another hub process over the same database may have answered the same key at
            // the same moment: its record won, and one key gets one answer.
            if (const std::optional<IdempotentResponse> winner =
                        m_hub.records().idempotency().response(storeId, key);
                winner && winner->requestHash == fingerprint)
                return respond(winner->status, winner->body);
            qCWarning(lcHubHttp).noquote() << "cannot keep idempotency key:" << saved.error();
        }
    }
    return respond(reply.status, reply.body);
}

QHttpServerResponse HubHttpApi::placeOrder(const QString &storeId,
                                           const QHttpServerRequest &request)
{
    const QString key = idempotencyKey(request);
    const QByteArray body = request.body();
    return idempotent(storeId, request, true,
                      [this, storeId, body, key] { return place(storeId, body, key); });
}

HubHttpApi::Reply HubHttpApi::place(const QString &storeId, const QByteArray &body,
                                    const QString &key)
{
    // An order is the payload of its placed event, one level down.
    if (const QString why = OrderLimits::textDepthProblem(body, OrderLimits::maxEventDepth - 1);
        !why.isEmpty())
        return {400, errorBody(QStringLiteral("bad_json"), QStringLiteral("the body is ") + why)};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return {400,
                errorBody(QStringLiteral("bad_json"),
                          QStringLiteral("the body is not a JSON "
                                         "object"))};
    Result<Order> order = Order::fromJson(document.object());
    if (!order)
        return {400, errorBody(QStringLiteral("bad_order"), order.error())};
    if (order->storeId.isEmpty())
        order->storeId = storeId;
    if (order->storeId != storeId)
        return {
            400,
            errorBody(QStringLiteral("wrong_store"),
                      QStringLiteral("order %1 names store %2").arg(order->id, order->storeId))};
    OrderEvent event =
        OrderEvent::placed(*order, Actor::platform(), QStringLiteral("http"), m_clock.nowMs());
    // Same store, key and body → same event id: a retry after a crash between the commit and
    // saving the response cannot place the order twice, and an expired key reused for another
    // order places that order.
    event.id = QUuid::createUuidV5(placeNamespace,
                                   storeId + QLatin1Char('\n') + key + QLatin1Char('\n')
                                       + bodyHash(body));
    // Every field may be within its bound and the whole still too big to send to a console.
    if (const QString why = OrderLimits::eventProblem(event); !why.isEmpty())
        return {400,
                errorBody(OrderLimits::encodedSize(event) > OrderLimits::maxEventBytes
                              ? QStringLiteral("order_too_large")
                              : QStringLiteral("bad_order"),
                          why)};
    const SubmitOutcome outcome = m_hub.submit(event);
    if (ranBefore(outcome))
        return {201, orderBody(outcome, m_hub.log().order(storeId, order->id))};
    switch (outcome.status) {
    case SubmitOutcome::Status::Accepted:
    case SubmitOutcome::Status::Duplicate:
        qCInfo(lcHubHttp).noquote()
            << "order" << order->id << "placed in store" << storeId << "at seq" << outcome.seq;
        return {201, orderBody(outcome, m_hub.log().order(storeId, order->id))};
    case SubmitOutcome::Status::Rejected:
        return {409, errorBody(QStringLiteral("conflict"), outcome.reason)};
    case SubmitOutcome::Status::Failed:
        break;
    }
    return {500, errorBody(QStringLiteral("internal_error"), outcome.reason)};
}

QHttpServerResponse HubHttpApi::platformStep(const QString &storeId, const QString &orderId,
                                             const QString &step, const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    const QString key = idempotencyKey(request);
    return idempotent(storeId, request, false, [this, storeId, orderId, step, body, key] {
        return this->step(storeId, orderId, step, body, key);
    });
}

HubHttpApi::Reply HubHttpApi::step(const QString &storeId, const QString &orderId,
                                   const QString &step, const QByteArray &body,
                                   const QString &key)
{
    const std::optional<Order> current = m_hub.log().order(storeId, orderId);
    if (!current)
        return {
            404,
            errorBody(QStringLiteral("unknown_order"),
                      QStringLiteral("there is no order %1 in store %2").arg(orderId, storeId))};
    OrderState to;
    if (step == QLatin1String("cancel"))
        to = OrderState::Cancelled;
    else if (step == QLatin1String("courier-picked-up"))
        to = current->type == OrderType::Delivery ? OrderState::OutForDelivery
                                                  : OrderState::PickedUp;
    else if (step == QLatin1String("delivered"))
        to = OrderState::Delivered;
    else if (step == QLatin1String("refund"))
        to = OrderState::Refunded;
    else
        return {404,
                errorBody(QStringLiteral("unknown_step"),
                          QStringLiteral("no such action: %1").arg(step))};
    if (const QString why = OrderLimits::textDepthProblem(body, OrderLimits::maxEventDepth);
        !why.isEmpty())
        return {400, errorBody(QStringLiteral("bad_json"), QStringLiteral("the body is ") + why)};
    const QJsonObject details = QJsonDocument::fromJson(body).object();
    const QString reason = details.value(QStringLiteral("reason")).toString().trimmed();
    if (const QString why = OrderLimits::textProblem(QStringLiteral("reason"), reason,
                                                     OrderLimits::maxTextLength);
        !why.isEmpty())
        return {400, errorBody(QStringLiteral("bad_request"), why)};
    OrderEvent event = OrderEvent::transition(orderId, storeId, current->state, to,
                                              Actor::platform(), QStringLiteral("http"),
                                              m_clock.nowMs(), reason);
    // With a key, the id derives from the request, as a placement's does: two hub processes
    // racing on one key log the step once and both answer with it.
    if (!key.isEmpty())
        event.id = QUuid::createUuidV5(stepNamespace,
                                       storeId + QLatin1Char('\n') + orderId + QLatin1Char('\n')
                                               + step + QLatin1Char('\n') + key
                                               + QLatin1Char('\n') + bodyHash(body));
    const SubmitOutcome outcome = m_hub.submit(event);
    if (ranBefore(outcome))
        return {200, orderBody(outcome, m_hub.log().order(storeId, orderId))};
    switch (outcome.status) {
    case SubmitOutcome::Status::Accepted:
    case SubmitOutcome::Status::Duplicate:
        return {200, orderBody(outcome, outcome.order)};
    case SubmitOutcome::Status::Rejected:
        return {409, errorBody(QStringLiteral("illegal_transition"), outcome.reason)};
    case SubmitOutcome::Status::Failed:
        break;
    }
    return {500, errorBody(QStringLiteral("internal_error"), outcome.reason)};
}
