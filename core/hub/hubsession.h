// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubsnapshot.h"
#include "orderhold.h"
#include "submitoutcome.h"

#include "protocol/protocol.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWebSocketProtocol>

#include <memory>

class CredentialVerifier;
class Hub;
class QSslSocket;
class QWebSocket;

/** Per-session limits; the server's defaults (HubServerConfig) are these. */
struct HubSessionLimits
{
    static constexpr int defaultHelloTimeoutMs = 10'000;
    static constexpr int defaultIdleTimeoutMs = 60'000;
    static constexpr qint64 defaultMaxUnsentBytes = 8 * 1024 * 1024;

    int helloTimeoutMs = defaultHelloTimeoutMs; // the first frame must be a hello within this
    int idleTimeoutMs = defaultIdleTimeoutMs; // after hello, silent this long: dropped (0: never)
    qint64 maxUnsentBytes = defaultMaxUnsentBytes; // queued beyond this: the console is dropped
};

/**
 * One console's connection to the hub: waits for hello, authenticates (off the event loop),
 * replays the store's log from the console's cursor in batches as fast as the socket drains (and,
 * for a console that asked for a replay window, no further ahead of what it reports stored;
 * a fresh console that asked for bootstrap gets a snapshot of what it needs first),
 * then takes submits, answers history requests (HistoryPage) and receives live events. A bad
 * frame ends only this session, with an error frame and a close code, and never touches the log;
 * so does a console that stops reading.
 */
class HubSession final : public QObject
{
    Q_OBJECT

public:
    enum class Phase { AwaitingHello, Authenticating, Replaying, Live, Closing };

    /** The smallest maxUnsentBytes: a full replay batch must fit above the low-water mark. */
    static constexpr qint64 minUnsentBytesLimit = 2 * Protocol::maxFrameBytes;

    /**
     * Takes ownership of socket; hellos are checked on verifier's threads. tls: the TLS socket
     * under a wss:// socket (nullptr for ws://), whose encrypted backlog counts as unsent too.
     */
    HubSession(QWebSocket *socket, QSslSocket *tls, Hub &hub, CredentialVerifier &verifier,
               const HubSessionLimits &limits, QObject *parent = nullptr);
    ~HubSession() override;
    Q_DISABLE_COPY_MOVE(HubSession)

    QString storeId() const { return m_storeId; }
    QString consoleId() const { return m_consoleId; }
    Phase phase() const { return m_phase; }

    /** Closes the connection with a close code (e.g. going away when the hub stops). */
    void closeSession(QWebSocketProtocol::CloseCode code, const QString &reason);
    /**
     * Sends newly accepted events of this session's store, in as many frames as the count and
     * size limits need (FrameSplitter); a replay still running covers them.
     */
    void deliver(QList<Protocol::SequencedEvent> events);

Q_SIGNALS:
    /** The hello was accepted: the session belongs to storeId() from now on. */
    void authenticated(HubSession *session);
    /** The console fell more than maxUnsentBytes behind and is being closed (1008). */
    void overloaded(HubSession *session);
    /** The socket is gone; the owner may delete the session. */
    void finished(HubSession *session);

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onDisconnected();
    void onHelloTimeout();
    void onIdleTimeout();
    void onBytesWritten();
    void onProgress(const Protocol::Progress &progress);
    qint64 replayRoom() const;
    void handleHello(const Protocol::Hello &hello);
    // A pairing session does one thing: it trades the code for a credential, answers and closes.
    void pairConsole(const Protocol::Pair &pair);
    void onVerdict(const Protocol::Hello &hello, bool matches);
    void handleFrame(const Protocol::Body &body);
    void handleSubmit(const Protocol::Submit &submit);
    void answer(const QList<OrderEvent> &submitted, const QList<SubmitOutcome> &outcomes);
    void sendNextReplayBatch();
    QList<Protocol::SequencedEvent> readNextReplay(qint64 room);
    void send(const Protocol::Body &body);
    qint64 unsentBytes() const;
    void dropSlowConsumer();
    void stopTimers();
    void refuse(const QString &code, const QString &message,
                QWebSocketProtocol::CloseCode closeCode);
    QString describe() const;

    QWebSocket *m_socket;
    QPointer<QSslSocket> m_tls; // owned by Qt's WebSocket internals
    Hub &m_hub;
    CredentialVerifier &m_verifier;
    qint64 m_maxUnsentBytes;
    Phase m_phase = Phase::AwaitingHello;
    QString m_storeId;
    QString m_consoleId;
    QStringList m_rights; // the console's rights as the hub held them at hello
    qint64 m_replayCursor = 0; // the last seq sent, in replay or live
    QList<QList<Protocol::SequencedEvent>> m_replayFrames; // read from the log, not yet sent
    HubSnapshot m_snapshot; // a fresh console's bootstrap, sent before the rest of the replay
    bool m_replayWaitsForDrain = false; // the next batch goes once the socket drains
    int m_replayWindow = 0; // replayed events the console takes ahead of its progress; 0: any
    qint64 m_storedCursor = 0; // the console's last progress (its hello's cursor at first)
    bool m_replayWaitsForProgress = false; // the next batch goes once the console stores more
    QStringList m_framesBeforeVerdict; // kept in order until hello is decided
    // Orders whose event could not be stored: their later events wait (the commit thread reads it)
    const std::shared_ptr<OrderHold> m_orderHold = std::make_shared<OrderHold>();
    QTimer m_helloTimer;
    QTimer m_idleTimer;
    QTimer m_closeTimer;
};
