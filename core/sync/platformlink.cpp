// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformlink.h"

#include "net/lowdelay.h"
#include "protocol/protocolcodec.h"
#include "synclogging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QSslCertificate>
#include <QWebSocket>

namespace {
quint32 seedFrom(quint32 configured)
{
    return configured != 0 ? configured : QRandomGenerator::system()->generate();
}
} // namespace

PlatformLink::PlatformLink(LinkConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_backoff(m_config.backoffBaseMs, m_config.backoffCapMs, seedFrom(m_config.seed))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &PlatformLink::connectNow);
    // Checked four times per ping interval, so a silent link is noticed well inside two.
    m_livenessTimer.setInterval(std::max<qint64>(1, m_config.pingIntervalMs / 4));
    connect(&m_livenessTimer, &QTimer::timeout, this, &PlatformLink::checkLiveness);
}

PlatformLink::~PlatformLink()
{
    stop();
}

Result<void> PlatformLink::isAllowedUrl(const QUrl &url)
{
    if (url.scheme() == QLatin1String("wss"))
        return {};
    if (url.scheme() != QLatin1String("ws"))
        return Failure {
            tr("%1 is not a WebSocket address (ws:// or wss://).").arg(url.toDisplayString())};
    const QString host = url.host();
    const QHostAddress address(host);
    if (host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()))
        return {};
    return Failure {
        tr("Unencrypted ws:// is only allowed to this machine; use wss:// for %1.").arg(host)};
}

Result<std::optional<QSslConfiguration>> PlatformLink::trustingCa(const QString &caPath)
{
    if (caPath.isEmpty())
        return std::optional<QSslConfiguration>();
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caPath, QSsl::Pem);
    if (certificates.isEmpty())
        return Failure {tr("No PEM certificate in %1").arg(caPath)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificates);
    return std::optional<QSslConfiguration>(configuration);
}

Result<void> PlatformLink::start()
{
    if (Result<void> allowed = isAllowedUrl(m_config.url); !allowed) {
        qCWarning(lcSyncLink).noquote() << allowed.error();
        Q_EMIT problem(allowed.error());
        return allowed;
    }
    m_running = true;
    m_backoff.reset();
    connectNow();
    return {};
}

void PlatformLink::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_livenessTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    setState(State::Offline);
}

void PlatformLink::reconnect()
{
    if (m_socket)
        m_socket->abort(); // disconnected() schedules the next attempt
}

bool PlatformLink::send(const Protocol::Body &body)
{
    if (m_state != State::Live || !m_socket)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(body)));
    return true;
}

void PlatformLink::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PlatformLink::connectNow()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingFrameSize(Protocol::maxFrameBytes);
    socket->setMaxAllowedIncomingMessageSize(Protocol::maxFrameBytes);
    if (m_config.ssl)
        socket->setSslConfiguration(*m_config.ssl);
    connect(socket, &QWebSocket::connected, this, &PlatformLink::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &PlatformLink::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &PlatformLink::onTextMessage);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket](QAbstractSocket::SocketError error) {
        qCInfo(lcSyncLink).noquote() << "link error" << int(error) << socket->errorString();
        // A refused or failed handshake may end without disconnected(): retry from here too.
        if (socket->state() == QAbstractSocket::UnconnectedState && m_state != State::Live)
            onDisconnected();
    });
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: a hub that cannot prove who it is gets no credential.
        for (const QSslError &error : errors)
            qCWarning(lcSyncLink).noquote() << "TLS:" << error.errorString();
        Q_EMIT problem(tr("The platform's certificate was not accepted: %1")
                               .arg(errors.isEmpty() ? QString() : errors.constFirst().errorString()));
    });
    setState(State::Connecting);
    qCDebug(lcSyncLink).noquote() << "connecting to" << m_config.url.toDisplayString();
    socket->open(m_config.url);
}

void PlatformLink::onConnected()
{
    LowDelay::apply(m_socket);
    Protocol::Hello hello;
    hello.storeId = m_config.storeId;
    hello.consoleId = m_config.consoleId;
    hello.credential = QString::fromUtf8(m_credential);
    hello.cursor = m_cursor ? m_cursor() : 0;
    hello.replayWindow = m_config.replayWindow;
    hello.bootstrap = m_config.bootstrap && hello.cursor == 0;
    m_socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(hello)));
    m_heard.start();
    m_sincePing.start();
    m_livenessTimer.start();
    qCInfo(lcSyncLink).noquote() << "connected; hello with cursor" << hello.cursor;
}

void PlatformLink::onDisconnected()
{
    const bool wasLive = m_state == State::Live;
    const QWebSocketProtocol::CloseCode code =
            m_socket ? m_socket->closeCode() : QWebSocketProtocol::CloseCodeAbnormalDisconnection;
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    m_livenessTimer.stop();
    setState(State::Offline);
    qCInfo(lcSyncLink).noquote() << "link down, close code" << int(code) << reason;
    // A hub that dropped us for falling behind wants a reconnect, not staff's attention.
    if (code == QWebSocketProtocol::CloseCodePolicyViolated
        && reason != Protocol::slowConsumerReason)
        Q_EMIT problem(tr("The platform refused this console: %1").arg(reason));
    scheduleReconnect(wasLive);
}

void PlatformLink::scheduleReconnect(bool afterLiveSession)
{
    if (!m_running || m_reconnectTimer.isActive())
        return;
    // The first retry after losing a live link is spread over a few seconds, so a hub restart
    // is not met by every console at once; after that, capped exponential backoff.
    const qint64 delay = afterLiveSession ? m_backoff.jitterMs(m_config.firstReconnectJitterMs)
                                          : m_backoff.nextDelayMs();
    qCInfo(lcSyncLink) << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(int(delay));
}

void PlatformLink::onTextMessage(const QString &text)
{
    m_heard.start();
    const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
    if (!frame.ok()) {
        qCWarning(lcSyncLink).noquote() << "bad frame from the hub (" << frame.errorCode
                                        << "):" << frame.error;
        m_socket->close(QWebSocketProtocol::CloseCodeProtocolError, frame.errorCode);
        return;
    }
    if (std::holds_alternative<Protocol::Welcome>(frame.message->body)) {
        m_backoff.reset();
        setState(State::Live);
    } else if (const auto *error = std::get_if<Protocol::Error>(&frame.message->body)) {
        qCWarning(lcSyncLink).noquote() << "hub error" << error->code << ":" << error->message;
        Q_EMIT problem(error->message);
    }
    Q_EMIT received(*frame.message);
}

void PlatformLink::checkLiveness()
{
    if (!m_socket || !m_heard.isValid())
        return;
    // Half-open links look open forever: silence for 1.5 ping intervals means the link is dead.
    if (m_heard.elapsed() > m_config.pingIntervalMs * 3 / 2) {
        qCWarning(lcSyncLink) << "no word from the hub for" << m_heard.elapsed()
                              << "ms; dropping the link";
        m_socket->abort();
        return;
    }
    if (m_sincePing.elapsed() >= m_config.pingIntervalMs) {
        m_sincePing.start();
        Protocol::Ping ping;
        ping.sentAt = QDateTime::currentMSecsSinceEpoch();
        m_socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(ping)));
    }
}
