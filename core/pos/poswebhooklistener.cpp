// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poswebhooklistener.h"

#include "posfeed.h"
#include "poslogging.h"
#include "poswebhookgate.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

class PosWebhookListener::Http final : public QAbstractHttpServer
{
public:
    explicit Http(PosWebhookListener &owner) : m_owner(owner) { }

    using QAbstractHttpServer::makeResponder;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner.handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    PosWebhookListener &m_owner;
};

PosWebhookListener::PosWebhookListener(QObject *parent)
    : QObject(parent), m_http(std::make_unique<Http>(*this))
{
}

PosWebhookListener::~PosWebhookListener() = default;

bool PosWebhookListener::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new PosWebhookGate(maxBodyBytes);
    connect(tcp, &PosWebhookGate::refused, this, &PosWebhookListener::refused);
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        qCWarning(lcPos).noquote() << "webhook listener cannot listen on" << address.toString()
                                   << "port" << port << ":" << m_error;
        delete tcp;
        return false;
    }
    m_http->bind(tcp); // owns it from here
    m_port = tcp->serverPort();
    m_error.clear();
    qCInfo(lcPos).noquote() << "webhook listener on" << address.toString() << "port" << m_port;
    return true;
}

void PosWebhookListener::route(const QString &path, PosFeed *feed, const QUrl &registeredUrl)
{
    m_routes.insert(path, {feed, registeredUrl});
}

void PosWebhookListener::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    using Status = QHttpServerResponder::StatusCode;
    const QString path = request.url().path();
    // One request a connection: the next one comes on a new connection, through the gate's
    // look at its Content-Length.
    const auto answer = [&](Status status, const QString &reason) {
        QHttpServerResponder responder = Http::makeResponder(request, socket);
        if (status == Status::Ok) {
            responder.write(QJsonDocument(QJsonObject {}), {{"Connection", "close"}}, status);
        } else {
            qCWarning(lcPos).noquote() << "webhook listener refused" << path << "from"
                                       << request.remoteAddress().toString() << ":" << reason;
            Q_EMIT refused(path, reason);
            responder.write(QJsonDocument(QJsonObject {{QStringLiteral("error"), reason}}),
                            {{"Connection", "close"}}, status);
        }
        socket->disconnectFromHost();
    };
    const auto found = m_routes.constFind(path);
    if (found == m_routes.cend() || !found->feed)
        return answer(Status::NotFound, QStringLiteral("no POS listens on this path"));
    if (request.method() != QHttpServerRequest::Method::Post)
        return answer(Status::MethodNotAllowed, QStringLiteral("webhooks are POSTed"));
    // A body with a Content-Length over the limit never gets here (PosWebhookGate); a chunked
    // one is only known by its size once read.
    if (request.body().size() > maxBodyBytes)
        return answer(Status::PayloadTooLarge,
                      QStringLiteral("a body of %1 bytes is larger than any webhook")
                              .arg(request.body().size()));
    PosWebhook webhook;
    webhook.url = found->registeredUrl.isEmpty() ? request.url() : found->registeredUrl;
    for (const auto &[name, value] : request.headers())
        webhook.headers.insert(name.toLower(), value);
    webhook.body = request.body();
    const Result<void> taken = found->feed->receive(webhook);
    if (!taken)
        return answer(Status::Unauthorized, taken.error());
    answer(Status::Ok, {});
}
