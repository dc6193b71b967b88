// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/fakevendorserver.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFakeServer, "kc.fakes.server", QtInfoMsg)

namespace {
const QString controlPrefix = QStringLiteral("/__fake");
constexpr qsizetype maxExchanges = 10000; // a long demo run keeps the latest only

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QStringList segmentsOf(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

QJsonObject headersJson(const FakeHeaders &headers)
{
    QJsonObject object;
    for (const auto &[name, value] : headers)
        object.insert(QString::fromLatin1(name.toLower()), QString::fromLatin1(value));
    return object;
}
} // namespace

/** The HTTP layer: parses requests (QAbstractHttpServer) and hands each to the fake. */
class FakeVendorServer::Http final : public QAbstractHttpServer
{
public:
    explicit Http(FakeVendorServer &owner)
        : m_owner(owner)
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner.handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    FakeVendorServer &m_owner;
};

FakeVendorServer::FakeVendorServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<Http>(*this))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    addBaseControlRoutes();
    connect(&m_webhooks, &WebhookSender::delivered, this, &FakeVendorServer::onWebhookDelivered);
}

FakeVendorServer::~FakeVendorServer() = default;

bool FakeVendorServer::listen(quint16 port)
{
    auto *tcp = new QTcpServer;
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcFakeServer).noquote() << vendor() << "fake cannot listen on port" << port
                                          << ":" << tcp->errorString();
        delete tcp;
        return false;
    }
    m_http->bind(tcp); // owns it from here
    m_tcp = tcp;
    m_port = tcp->serverPort();
    qCInfo(lcFakeServer).noquote() << vendor() << "fake on 127.0.0.1 port" << m_port;
    return true;
}

QUrl FakeVendorServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void FakeVendorServer::goAway()
{
    if (!m_tcp)
        return;
    m_tcp->close();
    // Open connections go too, so a client's kept-alive connection fails like a new one would;
    // one still sending an answer (the control request that asked for this) finishes it first.
    const QList<QTcpSocket *> sockets = m_tcp->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->bytesToWrite() > 0) {
            // Outlives the listener; QAbstractHttpServer deletes it once it has disconnected.
            socket->setParent(m_http.get());
            socket->disconnectFromHost();
        } else {
            socket->abort();
        }
    }
    m_tcp->deleteLater();
    m_tcp = nullptr;
    qCInfo(lcFakeServer).noquote() << vendor() << "fake went away from port" << m_port;
}

bool FakeVendorServer::comeBack()
{
    if (m_tcp)
        return true;
    return listen(m_port);
}

void FakeVendorServer::failNext(int count, int status, const QString &pathPrefix,
                                const QString &code)
{
    FaultRule rule;
    rule.kind = FaultRule::Kind::Fail;
    rule.remaining = count;
    rule.status = status;
    rule.pathPrefix = pathPrefix;
    rule.code = code;
    m_faults.add(rule);
}

void FakeVendorServer::rateLimitNext(int count, int retryAfterS, const QString &pathPrefix)
{
    FaultRule rule;
    rule.kind = FaultRule::Kind::RateLimit;
    rule.remaining = count;
    rule.status = 429;
    rule.retryAfterS = retryAfterS;
    rule.pathPrefix = pathPrefix;
    m_faults.add(rule);
}

void FakeVendorServer::delayNext(int count, int delayMs, const QString &pathPrefix)
{
    FaultRule rule;
    rule.kind = FaultRule::Kind::Latency;
    rule.remaining = count;
    rule.delayMs = delayMs;
    rule.pathPrefix = pathPrefix;
    m_faults.add(rule);
}

void FakeVendorServer::disconnectNext(int count, const QString &pathPrefix)
{
    FaultRule rule;
    rule.kind = FaultRule::Kind::Disconnect;
    rule.remaining = count;
    rule.pathPrefix = pathPrefix;
    m_faults.add(rule);
}

bool FakeVendorServer::replayWebhook(const QString &eventId)
{
    const std::optional<WebhookDelivery> last = m_webhooks.lastDelivery(eventId);
    if (!last)
        return false;
    WebhookDelivery again = *last;
    ++again.attempt;
    again.headers = webhookHeaders(again.body, again.attempt,
                                   m_firstSentMs.value(eventId, nowMs()), false);
    m_webhooks.send(again);
    return true;
}

int FakeVendorServer::tick()
{
    const qint64 now = nowMs();
    QStringList due;
    for (auto it = m_retryDueMs.cbegin(); it != m_retryDueMs.cend(); ++it) {
        if (it.value() <= now)
            due.append(it.key());
    }
    due.sort(); // a repeatable order when several fall due together
    for (const QString &eventId : due) {
        m_retryDueMs.remove(eventId);
        const std::optional<WebhookDelivery> last = m_webhooks.lastDelivery(eventId);
        if (!last)
            continue;
        WebhookDelivery again = *last;
        ++again.attempt;
        again.headers = webhookHeaders(again.body, again.attempt,
                                       m_firstSentMs.value(eventId, now), false);
        RetryState &state = m_retries[eventId];
        ++state.used;
        state.sentMs = now;
        state.awaiting = true;
        m_webhooks.send(again);
    }
    return int(due.size());
}

void FakeVendorServer::onWebhookDelivered(const QString &eventId, int status)
{
    const auto found = m_retries.find(eventId);
    if (found == m_retries.end() || !found->awaiting)
        return; // a replay, or an event sent without retries
    found->awaiting = false;
    if (status >= 200 && status < 300) {
        m_retries.erase(found);
        return;
    }
    if (found->used < m_retryDelaysMs.size()) {
        m_retryDueMs.insert(eventId, found->sentMs + m_retryDelaysMs.at(found->used));
        return;
    }
    m_retries.erase(found);
    m_droppedWebhooks.append(eventId);
    qCInfo(lcFakeServer).noquote() << vendor() << "fake dropped webhook" << eventId
                                   << "after its last retry";
    Q_EMIT webhookDropped(eventId);
}

void FakeVendorServer::addRoute(const QByteArray &method, const QString &pattern,
                                FakeHandler handler)
{
    m_routes.append({method, segmentsOf(pattern), std::move(handler)});
}

void FakeVendorServer::addControlRoute(const QByteArray &method, const QString &pattern,
                                       FakeHandler handler)
{
    m_controlRoutes.append({method, segmentsOf(controlPrefix + pattern), std::move(handler)});
}

bool FakeVendorServer::sendWebhook(const QString &eventId, const QByteArray &body,
                                   bool badSignature)
{
    if (m_webhookUrl.isEmpty())
        return false;
    if (!m_firstSentMs.contains(eventId))
        m_firstSentMs.insert(eventId, nowMs());
    WebhookDelivery delivery;
    delivery.eventId = eventId;
    delivery.url = QUrl(m_webhookUrl);
    delivery.body = body;
    delivery.attempt = 0;
    delivery.headers = webhookHeaders(body, 0, m_firstSentMs.value(eventId), badSignature);
    // A badly signed send stands for someone else's request: the vendor would not retry it.
    if (!m_retryDelaysMs.isEmpty() && !badSignature)
        m_retries.insert(eventId, {0, nowMs(), true});
    m_webhooks.send(delivery);
    return true;
}

FakeReply FakeVendorServer::jsonReply(int status, const QJsonObject &object)
{
    return FakeReply::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void FakeVendorServer::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    FakeRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path();
    copy.query = QUrlQuery(request.url());
    copy.headers = request.headers();
    copy.body = request.body();
    QPointer<QTcpSocket> guarded(socket);

    bool found = false;
    if (copy.path == controlPrefix || copy.path.startsWith(controlPrefix + QLatin1Char('/'))) {
        FakeReply reply = dispatch(m_controlRoutes, copy, &found);
        if (!found)
            reply = jsonReply(404, {{QStringLiteral("error"), QStringLiteral("no such control")}});
        answer(guarded, reply);
        return;
    }

    const FaultScript::Verdict verdict = m_faults.take(QString::fromLatin1(copy.method), copy.path);
    FakeReply reply;
    if (verdict.answer && verdict.answer->kind == FaultRule::Kind::Disconnect) {
        reply.status = 0;
    } else if (verdict.answer && verdict.answer->kind == FaultRule::Kind::RateLimit) {
        reply = rateLimitedReply(verdict.answer->retryAfterS);
    } else if (verdict.answer) {
        reply = errorReply(verdict.answer->status, verdict.answer->code);
    } else {
        reply = dispatch(m_routes, copy, &found);
        if (!found)
            reply = errorReply(404, {});
    }
    if (m_exchanges.size() >= maxExchanges)
        m_exchanges.removeFirst();
    m_exchanges.append({copy, reply.status, nowMs()});
    Q_EMIT answered(QString::fromLatin1(copy.method), copy.path, reply.status);

    if (verdict.delayMs > 0) {
        // Answered from a timer: the event loop, and every other connection, go on meanwhile.
        QTimer::singleShot(verdict.delayMs, this,
                           [this, guarded, reply] { answer(guarded, reply); });
        return;
    }
    answer(guarded, reply);
}

FakeReply FakeVendorServer::dispatch(const QList<Route> &routes, const FakeRequest &request,
                                     bool *found) const
{
    const QStringList segments = segmentsOf(request.path);
    bool pathKnown = false;
    for (const Route &route : routes) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList values;
        bool same = true;
        for (qsizetype i = 0; same && i < segments.size(); ++i) {
            if (route.segments.at(i) == QLatin1String("{}"))
                values.append(segments.at(i));
            else
                same = route.segments.at(i) == segments.at(i);
        }
        if (!same)
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        *found = true;
        return route.handler(request, values);
    }
    *found = false;
    if (pathKnown) {
        *found = true;
        return errorReply(405, {});
    }
    return {};
}

void FakeVendorServer::answer(QPointer<QTcpSocket> socket, const FakeReply &reply)
{
    if (reply.onSent)
        reply.onSent(); // the request is no longer in flight, whatever happens to the answer
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up waiting
    if (reply.status == 0) {
        socket->abort();
        return;
    }
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + reasonPhrase(reply.status) + "\r\n";
    bool typed = false;
    for (const auto &[name, value] : reply.headers) {
        typed = typed || name.compare("content-type", Qt::CaseInsensitive) == 0;
        bytes += name + ": " + value + "\r\n";
    }
    if (!typed)
        bytes += "Content-Type: application/json\r\n";
    bytes += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    bytes += reply.body;
    socket->write(bytes);
}

void FakeVendorServer::addBaseControlRoutes()
{
    const auto bodyObject = [](const FakeRequest &request) {
        return QJsonDocument::fromJson(request.body).object();
    };
    addControlRoute("GET", QStringLiteral("/state"), [this](const FakeRequest &, const QStringList &) {
        QJsonArray rules;
        for (const FaultRule &rule : m_faults.rules())
            rules.append(rule.toJson());
        return jsonReply(200, {{QStringLiteral("vendor"), vendor()},
                               {QStringLiteral("port"), m_port},
                               {QStringLiteral("faults"), rules},
                               {QStringLiteral("applied_writes"), m_ledger.appliedWriteCount()},
                               {QStringLiteral("requests"), m_exchanges.size()},
                               {QStringLiteral("webhooks_sent"),
                                m_webhooks.deliveries().size()},
                               {QStringLiteral("webhook_retries_pending"),
                                pendingWebhookRetries()},
                               {QStringLiteral("webhooks_dropped"),
                                QJsonArray::fromStringList(m_droppedWebhooks)}});
    });
    addControlRoute("POST", QStringLiteral("/fault"),
                    [this, bodyObject](const FakeRequest &request, const QStringList &) {
                        QString error;
                        const std::optional<FaultRule> rule =
                            FaultRule::fromJson(bodyObject(request), &error);
                        if (!rule)
                            return jsonReply(400, {{QStringLiteral("error"), error}});
                        m_faults.add(*rule);
                        return jsonReply(200, rule->toJson());
                    });
    addControlRoute("POST", QStringLiteral("/faults/clear"),
                    [this](const FakeRequest &, const QStringList &) {
                        m_faults.clear();
                        return jsonReply(200, {});
                    });
    // The control path goes away with the rest, so it says when to come back.
    addControlRoute("POST", QStringLiteral("/go-away"),
                    [this, bodyObject](const FakeRequest &request, const QStringList &) {
                        const int forMs = bodyObject(request).value(QStringLiteral("for_ms")).toInt();
                        QTimer::singleShot(0, this, [this, forMs] {
                            goAway();
                            if (forMs > 0)
                                QTimer::singleShot(forMs, this, [this] { comeBack(); });
                        });
                        return jsonReply(200, {{QStringLiteral("for_ms"), forMs}});
                    });
    addControlRoute("GET", QStringLiteral("/ledger"), [this](const FakeRequest &request,
                                                             const QStringList &) {
        const QString key = request.query.queryItemValue(QStringLiteral("idempotency_key"),
                                                         QUrl::FullyDecoded);
        WriteLedger selected;
        for (const AppliedWrite &write : m_ledger.writes()) {
            if (!request.query.hasQueryItem(QStringLiteral("idempotency_key"))
                || write.idempotencyKey == key)
                selected.record(write);
        }
        return jsonReply(200, {{QStringLiteral("writes"), selected.toJson()},
                               {QStringLiteral("count"), selected.appliedWriteCount()}});
    });
    addControlRoute("GET", QStringLiteral("/requests"), [this](const FakeRequest &,
                                                               const QStringList &) {
        QJsonArray list;
        for (const FakeExchange &exchange : m_exchanges) {
            list.append(QJsonObject {
                {QStringLiteral("method"), QString::fromLatin1(exchange.request.method)},
                {QStringLiteral("path"), exchange.request.path},
                {QStringLiteral("status"), exchange.status},
                {QStringLiteral("at_ms"), exchange.atMs},
                {QStringLiteral("headers"), headersJson(exchange.request.headers)}});
        }
        return jsonReply(200, {{QStringLiteral("requests"), list}});
    });
    addControlRoute("GET", QStringLiteral("/webhooks"), [this](const FakeRequest &,
                                                               const QStringList &) {
        QJsonArray list;
        for (const WebhookDelivery &delivery : m_webhooks.deliveries()) {
            list.append(QJsonObject {
                {QStringLiteral("event_id"), delivery.eventId},
                {QStringLiteral("url"), delivery.url.toString()},
                {QStringLiteral("attempt"), delivery.attempt},
                {QStringLiteral("status"), delivery.status},
                {QStringLiteral("headers"), headersJson(delivery.headers)},
                {QStringLiteral("body"), QString::fromUtf8(delivery.body)}});
        }
        return jsonReply(200, {{QStringLiteral("webhooks"), list}});
    });
    // Sends the vendor's webhook retries now due on the fake's clock (see tick()).
    addControlRoute("POST", QStringLiteral("/webhooks/tick"),
                    [this](const FakeRequest &, const QStringList &) {
                        const int sent = tick();
                        return jsonReply(200, {{QStringLiteral("sent"), sent},
                                               {QStringLiteral("pending"),
                                                pendingWebhookRetries()}});
                    });
    addControlRoute("POST", QStringLiteral("/webhooks/replay"),
                    [this, bodyObject](const FakeRequest &request, const QStringList &) {
                        const QString eventId =
                            bodyObject(request).value(QStringLiteral("event_id")).toString();
                        if (!replayWebhook(eventId))
                            return jsonReply(404, {{QStringLiteral("error"),
                                                    QStringLiteral("no webhook with that event_id")}});
                        return jsonReply(200, {{QStringLiteral("event_id"), eventId}});
                    });
}
