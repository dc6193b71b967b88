// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/protocol.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QWebSocketProtocol>

class Hub;
class QWebSocket;

/**
 * One console's connection to the hub: waits for hello, authenticates, replays the store's log
 * from the console's cursor in batches, then takes submits and receives live events. A bad frame
 * ends only this session, with an error frame and a close code, and never touches the log.
 */
class HubSession final : public QObject
{
    Q_OBJECT

public:
    enum class Phase { AwaitingHello, Replaying, Live, Closing };

    /**
     * Takes ownership of socket. helloTimeoutMs: the first frame must be a hello within this;
     * idleTimeoutMs: after hello, a session silent this long is dropped (0: never).
     */
    HubSession(QWebSocket *socket, Hub &hub, int helloTimeoutMs, int idleTimeoutMs,
               QObject *parent = nullptr);
    ~HubSession() override;
    Q_DISABLE_COPY_MOVE(HubSession)

    QString storeId() const { return m_storeId; }
    QString consoleId() const { return m_consoleId; }
    Phase phase() const { return m_phase; }

    /** Closes the connection with a close code (e.g. going away when the hub stops). */
    void closeSession(QWebSocketProtocol::CloseCode code, const QString &reason);
    /** Sends newly accepted events of this session's store; a replay still running covers them. */
    void deliver(const QList<Protocol::SequencedEvent> &events);

Q_SIGNALS:
    /** The hello was accepted: the session belongs to storeId() from now on. */
    void authenticated(HubSession *session);
    /** The socket is gone; the owner may delete the session. */
    void finished(HubSession *session);

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onDisconnected();
    void onHelloTimeout();
    void onIdleTimeout();
    void handleHello(const Protocol::Hello &hello);
    void handleSubmit(const Protocol::Submit &submit);
    void sendNextReplayBatch();
    void send(const Protocol::Body &body);
    void refuse(const QString &code, const QString &message,
                QWebSocketProtocol::CloseCode closeCode);
    QString describe() const;

    QWebSocket *m_socket;
    Hub &m_hub;
    Phase m_phase = Phase::AwaitingHello;
    QString m_storeId;
    QString m_consoleId;
    qint64 m_replayCursor = 0;
    QTimer m_helloTimer;
    QTimer m_idleTimer;
    QTimer m_closeTimer;
};
