// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/backoff.h"

#include "common/result.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QWebSocket;

/** Where and how the console reaches the platform. Settings, not constants. */
struct LinkConfig
{
    QUrl url; // wss:// in production; ws:// only to loopback
    QString storeId;
    QString consoleId;
    qint64 pingIntervalMs = 10'000;
    qint64 backoffBaseMs = 500;
    qint64 backoffCapMs = 30'000;
    qint64 firstReconnectJitterMs = 5'000; // RFC 6455 §7.2.3: spread reconnects after an outage
    std::optional<QSslConfiguration> ssl; // e.g. a private CA for the hub's certificate
    quint32 seed = 0; // for the jitter; 0: from the system's random source
    // Replayed events taken ahead of what the store has written (Protocol::Hello): a catch-up
    // of any length holds about this many in memory. 0: no bound (the hub's socket paces it).
    int replayWindow = 2000;
    // A fresh console (cursor 0) asks for a snapshot of the open and recent orders instead of
    // the store's whole log (Protocol::Hello::bootstrap), so it is live in seconds.
    bool bootstrap = true;
    // After a bootstrap, the store's older history comes in the background (HistoryBackfill),
    // this many events a page (Protocol::History); 0: never (a screen that needs only today's).
    int historyPageEvents = 400;
};

/**
 * The WebSocket link to the platform: connects, says hello with the credential and the cursor,
 * keeps the link honest with pings (a silent link is dropped within two ping intervals) and
 * reconnects with capped exponential backoff and full jitter. It knows frames, not orders.
 */
class PlatformLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformLink)

public:
    enum class State {
        Offline, // not connected; a reconnect may be scheduled
        Connecting, // TCP/TLS/WebSocket handshake, then hello
        Live, // the hub welcomed us: frames flow
    };
    Q_ENUM(State)

    explicit PlatformLink(LinkConfig config, QObject *parent = nullptr);
    ~PlatformLink() override;

    void setCredential(const QByteArray &credential) { m_credential = credential; }
    /** Asked at each hello for the last platform sequence number applied here. */
    void setCursorProvider(std::function<qint64()> provider) { m_cursor = std::move(provider); }

    /**
     * Starts connecting (and reconnecting) until stop(). Fails if the URL is not allowed, saying
     * why; problem() says the same for the board.
     */
    Result<void> start();
    void stop();
    /** Drops the current connection and reconnects (e.g. to replay after a gap). */
    void reconnect();
    /** Sends a message while live; false otherwise. */
    bool send(const Protocol::Body &body);

    State state() const { return m_state; }
    const LinkConfig &config() const { return m_config; }
    /** Milliseconds since the hub last said anything (monotonic). */
    qint64 silentForMs() const { return m_heard.isValid() ? m_heard.elapsed() : -1; }
    /** Connection attempts since the last live session. */
    int failedAttempts() const { return m_backoff.attempts(); }

    /** Whether a URL may be used: wss anywhere, ws only to a loopback host. */
    static Result<void> isAllowedUrl(const QUrl &url);
    /** TLS settings that also trust the PEM CA certificate(s) in caPath; none for an empty path. */
    static Result<std::optional<QSslConfiguration>> trustingCa(const QString &caPath);

Q_SIGNALS:
    void stateChanged(PlatformLink::State state);
    void received(const Protocol::Message &message);
    /** A problem worth showing: refused URL, bad credential, TLS failure. */
    void problem(const QString &message);

private:
    void connectNow();
    void scheduleReconnect(bool afterLiveSession);
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString &text);
    void checkLiveness();

    LinkConfig m_config;
    QByteArray m_credential;
    std::function<qint64()> m_cursor;
    Backoff m_backoff;
    QPointer<QWebSocket> m_socket;
    QTimer m_reconnectTimer;
    QTimer m_livenessTimer;
    QElapsedTimer m_heard; // monotonic: wall-clock jumps must not kill or keep a link
    QElapsedTimer m_sincePing;
    State m_state = State::Offline;
    bool m_running = false;
};
