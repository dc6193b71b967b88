// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubserver.h"

#include "net/carriersockets.h"
#include "net/lowdelay.h"

#include "hub.h"
#include "hublogging.h"
#include "hubsession.h"
#include "logfollower.h"

#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

HubServer::HubServer(Hub &hub, HubServerConfig config, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_config(std::move(config))
    , m_verifier(m_config.verifierThreads)
    , m_server(new QWebSocketServer(
          QStringLiteral("order-hub"),
          m_config.ssl ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this))
{
    if (m_config.ssl)
        m_server->setSslConfiguration(*m_config.ssl);
    connect(m_server, &QWebSocketServer::newConnection, this, &HubServer::onNewConnection);
    connect(m_server, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCWarning(lcHubServer) << "handshake refused, close code" << int(code);
    });
    connect(m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCWarning(lcHubServer).noquote() << "TLS error:" << error.errorString();
    });
    connect(&m_hub, &Hub::acceptedTogether, this, &HubServer::onAccepted);
}

HubServer::~HubServer()
{
    // Sessions are children; stop them from calling back into a half-destroyed server.
    for (HubSession *session : std::as_const(m_sessions))
        disconnect(session, nullptr, this, nullptr);
}

Result<void> HubServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        qCWarning(lcHubServer).noquote()
            << "cannot listen on" << address.toString() << port << ":" << m_server->errorString();
        return Failure {m_server->errorString()};
    }
    qCInfo(lcHubServer).noquote() << "listening on" << address.toString() << m_server->serverPort()
                                  << (m_config.ssl ? "(wss)" : "(ws)");
    return {};
}

void HubServer::close()
{
    m_server->close();
    const QList<HubSession *> sessions = m_sessions;
    for (HubSession *session : sessions)
        session->closeSession(QWebSocketProtocol::CloseCodeGoingAway,
                              QStringLiteral("hub stopping"));
}

bool HubServer::isListening() const
{
    return m_server->isListening();
}

quint16 HubServer::serverPort() const
{
    return m_server->serverPort();
}

int HubServer::sessionCount() const
{
    return int(m_sessions.size());
}

int HubServer::sessionCount(const QString &storeId) const
{
    return int(m_byStore.value(storeId).size());
}

void HubServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        // Qt's own ceiling is about 2 GiB; ours is the protocol's. Qt closes with 1009 above it.
        socket->setMaxAllowedIncomingFrameSize(quint64(Protocol::maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(Protocol::maxFrameBytes));
        LowDelay::apply(socket, m_server);
        const HubSessionLimits limits {m_config.helloTimeoutMs, m_config.idleTimeoutMs,
                                       m_config.maxUnsentBytes};
        QSslSocket *tls = nullptr;
        if (m_config.ssl) {
            const QList<QAbstractSocket *> carriers = CarrierSockets::find(socket, m_server);
            for (QAbstractSocket *carrier : carriers) {
                if (auto *ssl = qobject_cast<QSslSocket *>(carrier))
                    tls = ssl;
            }
            if (!tls)
                qCWarning(lcHubServer) << "no TLS socket found under a wss session; its "
                                          "encrypted backlog is not limited";
        }
        auto *session = new HubSession(socket, tls, m_hub, m_verifier, limits, this);
        connect(session, &HubSession::authenticated, this, &HubServer::onSessionAuthenticated);
        connect(session, &HubSession::overloaded, this, &HubServer::onSessionOverloaded);
        connect(session, &HubSession::finished, this, &HubServer::onSessionFinished);
        m_sessions.append(session);
    }
}

void HubServer::onSessionAuthenticated(HubSession *session)
{
    m_byStore[session->storeId()].append(session);
    Q_EMIT sessionAuthenticated(session->storeId(), session->consoleId());
}

void HubServer::onSessionOverloaded(HubSession *session)
{
    Q_EMIT sessionOverloaded(session->storeId(), session->consoleId());
}

void HubServer::onSessionFinished(HubSession *session)
{
    m_sessions.removeOne(session);
    auto it = m_byStore.find(session->storeId());
    if (it != m_byStore.end()) {
        it->removeOne(session);
        if (it->isEmpty())
            m_byStore.erase(it);
    }
    session->deleteLater();
    Q_EMIT sessionFinished();
}

void HubServer::fanOutFrom(LogFollower &follower)
{
    disconnect(&m_hub, &Hub::acceptedTogether, this, &HubServer::onAccepted);
    connect(&follower, &LogFollower::fannedOut, this, &HubServer::onAccepted);
}

// Runs inside Hub::submit, so every console of the store hears of the event in the same tick.
void HubServer::onAccepted(const QString &storeId, const QList<Protocol::SequencedEvent> &events)
{
    const QList<HubSession *> sessions = m_byStore.value(storeId);
    for (HubSession *session : sessions)
        session->deliver(events);
}
