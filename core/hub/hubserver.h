// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "credentialverifier.h"
#include "hubsession.h"
#include "protocol/protocol.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <optional>

class Hub;
class LogFollower;
class QWebSocketServer;

/** How the WebSocket server runs. */
struct HubServerConfig
{
    // the first frame must be a hello within this
    int helloTimeoutMs = HubSessionLimits::defaultHelloTimeoutMs;
    // a session silent this long after hello is dropped (0: never)
    int idleTimeoutMs = HubSessionLimits::defaultIdleTimeoutMs;
    // Bytes queued to one console beyond this close its session (1008 slow_consumer); raised to
    // HubSession::minUnsentBytesLimit if lower.
    qint64 maxUnsentBytes = HubSessionLimits::defaultMaxUnsentBytes;
    int verifierThreads = 0; // threads checking hello credentials (0: one per core)
    std::optional<QSslConfiguration> ssl; // set: wss (SecureMode); unset: ws
};

/**
 * The hub's WebSocket endpoint: one HubSession per console connection, explicit frame and message
 * size limits, and fan-out of every accepted event to every live session of that store.
 */
class HubServer final : public QObject
{
    Q_OBJECT

public:
    explicit HubServer(Hub &hub, HubServerConfig config = {}, QObject *parent = nullptr);
    ~HubServer() override;
    Q_DISABLE_COPY_MOVE(HubServer)

    /** Starts listening; port 0 lets the OS pick (see serverPort()). */
    Result<void> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /** Stops listening and closes every session ("going away"). */
    void close();
    bool isListening() const;
    /** The port it listens on (the OS's pick after listen(…, 0)). */
    quint16 serverPort() const;
    /** Open sessions, authenticated or not. */
    int sessionCount() const;
    /** Sessions that passed hello for the store. */
    int sessionCount(const QString &storeId) const;
    /**
     * Fans out what the follower reads from a log shared with other hub processes instead of
     * what this process's Hub accepts (which the follower sees too).
     */
    void fanOutFrom(LogFollower &follower);

Q_SIGNALS:
    /** A console passed hello and now receives its store's events. */
    void sessionAuthenticated(const QString &storeId, const QString &consoleId);
    /** A console stopped reading and fell too far behind; its session is being closed. */
    void sessionOverloaded(const QString &storeId, const QString &consoleId);
    /** A connection ended, for whatever reason. */
    void sessionFinished();

private:
    void onNewConnection();
    void onAccepted(const QString &storeId, const QList<Protocol::SequencedEvent> &events);
    void onSessionAuthenticated(HubSession *session);
    void onSessionOverloaded(HubSession *session);
    void onSessionFinished(HubSession *session);

    Hub &m_hub;
    HubServerConfig m_config;
    CredentialVerifier m_verifier; // gone before the sessions (children): its verdicts with it
    QWebSocketServer *m_server;
    QList<HubSession *> m_sessions;
    QHash<QString, QList<HubSession *>> m_byStore;
};
