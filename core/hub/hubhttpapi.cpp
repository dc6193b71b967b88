// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubhttpapi.h"

#include "commitscope.h"
#include "httpintakeserver.h"
#include "hub.h"
#include "hublogging.h"
#include "hubrecords.h"
#include "placeorderbody.h"

#include "common/clock.h"
#include "order/orderlimits.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

namespace {
// Ids of platform steps sent with a key derive from the request, as placed orders' do
// (PlaceOrderBody).
const QUuid stepNamespace = QUuid::fromString(u"{9d41c7a2-3e6b-4f0d-8b25-7a1e0c9f6d83}");

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

void respond(QHttpServerResponder &responder, int status, const QByteArray &body)
{
    responder.write(body, QByteArrayLiteral("application/json"),
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
                   [this](const QString &storeId, const QHttpServerRequest &request,
                          QHttpServerResponder &&responder) {
                       const QString key = idempotencyKey(request);
                       idempotent(storeId, request, true,
                                  [clock = &m_clock, storeId, body = request.body(),
                                   key](CommitScope &scope) {
                                      return place(scope, *clock, storeId, body, key);
                                  },
                                  std::move(responder));
                   });
    m_server.route(QStringLiteral("/v1/stores/<arg>/orders/<arg>/<arg>"), Method::Post,
                   [this](const QString &storeId, const QString &orderId, const QString &step,
                          const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       const QString key = idempotencyKey(request);
                       idempotent(storeId, request, false,
                                  [clock = &m_clock, storeId, orderId, step,
                                   body = request.body(), key](CommitScope &scope) {
                                      return platformStep(scope, *clock, storeId, orderId, step,
                                                          body, key);
                                  },
                                  std::move(responder));
                   });
    // Whoever runs the hub (loopback only): a one-time code a new console pairs with.
    m_server.route(QStringLiteral("/v1/admin/stores/<arg>/consoles/<arg>/pairing-code"),
                   Method::Post,
                   [this](const QString &storeId, const QString &consoleId,
                          const QHttpServerRequest &, QHttpServerResponder &&responder) {
                       issuePairingCode(storeId, consoleId, responder);
                   });
}

void HubHttpApi::issuePairingCode(const QString &storeId, const QString &consoleId,
                                  QHttpServerResponder &responder)
{
    HubRecords &records = m_hub.records();
    if (!records.stores().contains(storeId))
        return respond(responder, 404,
                       errorBody(QStringLiteral("unknown_store"),
                                 QStringLiteral("there is no store %1").arg(storeId)));
    const Result<IssuedPairingCode> issued = records.pairing().issue(storeId, consoleId);
    if (!issued)
        return respond(responder, 400,
                       errorBody(QStringLiteral("cannot_issue"), issued.error()));
    const QString expiresAt = QDateTime::fromMSecsSinceEpoch(issued->expiresAtMs, Qt::UTC)
                                      .toString(Qt::ISODateWithMs);
    respond(responder, 201,
            json({{QStringLiteral("code"), issued->code},
                  {QStringLiteral("store_id"), issued->storeId},
                  {QStringLiteral("console_id"), issued->consoleId},
                  {QStringLiteral("expires_at"), expiresAt}}));
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

void HubHttpApi::idempotent(const QString &storeId, const QHttpServerRequest &request,
                            bool keyRequired, Handler handler, QHttpServerResponder &&responder)
{
    const QString key = idempotencyKey(request);
    if (key.isEmpty() && keyRequired)
        return respond(responder, 400,
                       errorBody(QStringLiteral("missing_idempotency_key"),
                                 QStringLiteral("this request needs an Idempotency-Key header")));
    if (key.size() > maxKeyLength)
        return respond(
            responder, 400,
            errorBody(
                QStringLiteral("bad_idempotency_key"),
                QStringLiteral("an Idempotency-Key is at most %1 characters").arg(maxKeyLength)));
    // The request's fingerprint: the same key with another body is a client bug, not a retry.
    const QByteArray fingerprint =
        QCryptographicHash::hash(QByteArray(request.url().path().toUtf8() + '\n' + request.body()),
                                 QCryptographicHash::Sha256)
            .toHex();
    auto reply = std::make_shared<Reply>();
    // Answered once the request's part of the group is durable; the client may be gone by then.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = held->socket();
    m_hub.commitLater(
            {storeId},
            // The work may run after this API is gone (a request in flight as the hub stops): it
            // holds nothing of it but the clock, which outlives the hub.
            [clock = &m_clock, storeId, key, fingerprint, handler = std::move(handler),
             reply](CommitScope &scope) -> Result<void> {
                *reply = keyed(scope, *clock, storeId, key, fingerprint, handler);
                // A server failure undoes whatever the request wrote; the client may retry.
                if (reply->status >= 500)
                    return Failure {QString::fromUtf8(reply->body)};
                return {};
            },
            this,
            [held, socket, reply](const Result<void> &committed) {
                if (!socket)
                    return;
                if (committed)
                    return respond(*held, reply->status, reply->body);
                respond(*held, 500,
                        errorBody(QStringLiteral("internal_error"),
                                  QStringLiteral("The hub could not store the request; try "
                                                 "again.")));
            });
}

// On the commit thread: the key's stored answer, or the handler's, kept with the key in the
// same transaction as what the handler wrote.
HubHttpApi::Reply HubHttpApi::keyed(CommitScope &scope, const Clock &clock, const QString &storeId,
                                    const QString &key, const QByteArray &fingerprint,
                                    const Handler &handler)
{
    HubRecords &records = scope.records();
    if (!records.stores().contains(storeId))
        return {404,
                errorBody(QStringLiteral("unknown_store"),
                          QStringLiteral("there is no store %1").arg(storeId))};
    if (key.isEmpty())
        return handler(scope);
    // Keys live for keyLifetimeMs; after that the same key is a new request.
    records.idempotency().pruneBefore(clock.nowMs() - keyLifetimeMs);
    // Another hub process over the same database answers the same store's keys only while it
    // holds the store (the group locks it), so a key it answered is seen here.
    if (const std::optional<IdempotentResponse> stored =
                records.idempotency().response(storeId, key)) {
        if (stored->requestHash != fingerprint)
            return {422,
                    errorBody(QStringLiteral("idempotency_key_reused"),
                              QStringLiteral("this Idempotency-Key was used for a different "
                                             "request"))};
        return {stored->status, stored->body};
    }
    const Reply reply = handler(scope);
    // Only what executed is remembered; refused input and server failures may be retried.
    if (reply.status != 400 && reply.status < 500) {
        const Result<void> saved =
                records.idempotency().save(storeId, key, {fingerprint, reply.status, reply.body});
        if (!saved) {
            qCWarning(lcHubHttp).noquote() << "cannot keep idempotency key:" << saved.error();
            return {500, errorBody(QStringLiteral("internal_error"), saved.error())};
        }
    }
    return reply;
}

HubHttpApi::Reply HubHttpApi::place(CommitScope &scope, const Clock &clock, const QString &storeId,
                                    const QByteArray &body, const QString &key)
{
    const PlaceOrderBody read = PlaceOrderBody::read(storeId, body, key, clock.nowMs());
    if (!read.placed)
        return {400, errorBody(read.errorCode, read.message)};
    const OrderEvent &event = *read.placed;
    const SubmitOutcome outcome = scope.submit({event}).constFirst();
    if (ranBefore(outcome))
        return {201, orderBody(outcome, scope.records().log().order(storeId, event.orderId))};
    switch (outcome.status) {
    case SubmitOutcome::Status::Accepted:
    case SubmitOutcome::Status::Duplicate:
        qCInfo(lcHubHttp).noquote()
            << "order" << event.orderId << "placed in store" << storeId << "at seq" << outcome.seq;
        return {201, orderBody(outcome, scope.records().log().order(storeId, event.orderId))};
    case SubmitOutcome::Status::Rejected:
        return {409, errorBody(QStringLiteral("conflict"), outcome.reason)};
    case SubmitOutcome::Status::Failed:
        break;
    }
    return {500, errorBody(QStringLiteral("internal_error"), outcome.reason)};
}

HubHttpApi::Reply HubHttpApi::platformStep(CommitScope &scope, const Clock &clock,
                                           const QString &storeId, const QString &orderId,
                                           const QString &step, const QByteArray &body,
                                           const QString &key)
{
    HubLog &log = scope.records().log();
    const std::optional<Order> current = log.order(storeId, orderId);
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
                                              clock.nowMs(), reason);
    // With a key, the id derives from the request, as a placement's does: two hub processes
    // racing on one key log the step once and both answer with it.
    if (!key.isEmpty())
        event.id = QUuid::createUuidV5(stepNamespace,
                                       storeId + QLatin1Char('\n') + orderId + QLatin1Char('\n')
                                               + step + QLatin1Char('\n') + key
                                               + QLatin1Char('\n') + requestBodyHash(body));
    const SubmitOutcome outcome = scope.submit({event}).constFirst();
    if (ranBefore(outcome))
        return {200, orderBody(outcome, log.order(storeId, orderId))};
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
