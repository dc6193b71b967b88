// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>

class QTcpServer;
class FaultProxyLink;

/**
 * A loopback TCP relay for sync tests, in the spirit of Toxiproxy: listens on 127.0.0.1 (port
 * chosen by the OS), relays each connection to a target, and misbehaves on request. The mode
 * applies at once to live connections and to new ones.
 */
class FaultProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultProxy)

public:
    enum class Mode {
        /** Relay everything unchanged. */
        Pass,
        /** Relay n more bytes server→client per connection, then cut the connection. */
        DropAfterBytes,
        /** Hold every chunk, either way, for a while before relaying it. */
        Delay,
        /** Relay nothing, close nothing: a half-open link as both peers see it. */
        BlackHole,
        /** Close new connections as soon as they are accepted. */
        Refuse,
    };
    Q_ENUM(Mode)

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    /** Starts listening on 127.0.0.1 and relaying to targetHost:targetPort. */
    bool listen(const QHostAddress &targetHost, quint16 targetPort);
    /** Where new connections go from now on (e.g. a restarted server on another port). */
    void setTarget(const QHostAddress &targetHost, quint16 targetPort);
    quint16 port() const;
    /** scheme://127.0.0.1:port, e.g. for a WebSocket client. */
    QUrl url(const QString &scheme = QStringLiteral("ws")) const;

    Mode mode() const { return m_mode; }
    void setPass();
    /** Relays exactly bytes more of each connection's server→client stream, then closes it. */
    void setDropAfterBytes(qint64 bytes);
    void setDelay(std::chrono::milliseconds delay);
    /** Stops relaying both ways and swallows whatever arrives; peers' closes are not passed on. */
    void setBlackHole();
    void setRefuse();

    /** Cuts every live connection, both sides. */
    void disconnectAll();

    int connectionsAccepted() const { return m_accepted; }
    int connectionsRefused() const { return m_refused; }
    int activeConnections() const { return int(m_links.size()); }
    qint64 bytesToServer() const { return m_bytesToServer; }
    qint64 bytesToClient() const { return m_bytesToClient; }
    qint64 bytesDropped() const { return m_bytesDropped; }

Q_SIGNALS:
    void connectionAccepted();
    void connectionRefused();
    void connectionClosed();

private:
    friend class FaultProxyLink;
    void setMode(Mode mode);
    void onNewConnection();
    void onLinkFinished(FaultProxyLink *link);

    QTcpServer *m_server = nullptr;
    QHostAddress m_targetHost;
    quint16 m_targetPort = 0;
    Mode m_mode = Mode::Pass;
    qint64 m_dropAfter = 0;
    std::chrono::milliseconds m_delay {0};
    QList<FaultProxyLink *> m_links;
    int m_accepted = 0;
    int m_refused = 0;
    qint64 m_bytesToServer = 0;
    qint64 m_bytesToClient = 0;
    qint64 m_bytesDropped = 0;
};
