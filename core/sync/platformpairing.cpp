// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformpairing.h"

#include "synclogging.h"

#include "platformlink.h"

#include "protocol/protocolcodec.h"

#include <QWebSocket>

PlatformPairing::PlatformPairing(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(defaultTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The platform did not answer in time. Check the address and the network, then "
                  "try again."));
    });
}

PlatformPairing::~PlatformPairing()
{
    cancel();
}

void PlatformPairing::cancel()
{
    m_timeout.stop();
    m_busy = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
}

void PlatformPairing::pair(const QUrl &url, const QString &code,
                           const std::optional<QSslConfiguration> &ssl)
{
    cancel();
    m_busy = true;
    m_answered = false;
    if (const Result<void> allowed = PlatformLink::isAllowedUrl(url); !allowed) {
        fail(allowed.error());
        return;
    }
    if (code.trimmed().isEmpty()) {
        fail(tr("Type the pairing code first."));
        return;
    }
    m_code = code;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingFrameSize(Protocol::maxFrameBytes);
    socket->setMaxAllowedIncomingMessageSize(Protocol::maxFrameBytes);
    if (ssl)
        socket->setSslConfiguration(*ssl);
    connect(socket, &QWebSocket::connected, this, &PlatformPairing::onConnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &PlatformPairing::onTextMessage);
    connect(socket, &QWebSocket::disconnected, this, &PlatformPairing::onClosed);
    // A refused connection or handshake may end without disconnected().
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] {
                if (socket->state() == QAbstractSocket::UnconnectedState)
                    onClosed();
            });
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: a platform that cannot prove who it is gets no code.
        fail(tr("The platform's certificate was not accepted: %1")
                       .arg(errors.isEmpty() ? QString() : errors.constFirst().errorString()));
    });
    m_timeout.start();
    qCInfo(lcSyncLink).noquote() << "pairing with" << url.toDisplayString();
    socket->open(url);
}

void PlatformPairing::onConnected()
{
    m_socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(Protocol::Pair {m_code})));
    m_code.clear();
}

void PlatformPairing::onTextMessage(const QString &text)
{
    const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
    if (!frame.ok()) {
        qCWarning(lcSyncLink).noquote() << "bad pairing answer (" << frame.errorCode << "):"
                                        << frame.error;
        fail(tr("The platform answered with something this console does not understand."));
        return;
    }
    m_answered = true;
    if (const auto *error = std::get_if<Protocol::Error>(&frame.message->body)) {
        qCWarning(lcSyncLink).noquote() << "pairing refused:" << error->code << error->message;
        fail(refusalWords(error->code));
        return;
    }
    const auto *reply = std::get_if<Protocol::Paired>(&frame.message->body);
    if (!reply) {
        fail(tr("The platform answered with something this console does not understand."));
        return;
    }
    const Protocol::Paired answer = *reply;
    cancel(); // done with the link: the platform closes its side too
    qCInfo(lcSyncLink).noquote() << "the platform paired this console as" << answer.consoleId
                                 << "of store" << answer.storeId;
    Q_EMIT paired(answer.storeId, answer.consoleId, answer.credential.toUtf8());
}

void PlatformPairing::onClosed()
{
    if (m_answered || !m_busy)
        return;
    const QString why = m_socket ? m_socket->errorString() : QString();
    qCWarning(lcSyncLink).noquote() << "pairing link closed before an answer:" << why;
    fail(tr("Cannot reach the platform (%1). Check the address and the network, then try "
            "again.")
                 .arg(why));
}

void PlatformPairing::fail(const QString &message)
{
    if (!m_busy)
        return;
    cancel();
    Q_EMIT failed(message);
}

QString PlatformPairing::refusalWords(const QString &code)
{
    namespace Error = Protocol::PairingError;
    if (code == Error::unknown)
        return tr("That pairing code is not right. Check it and type it again.");
    if (code == Error::expired)
        return tr("That pairing code has expired. Ask for a new one.");
    if (code == Error::used)
        return tr("That pairing code was used already. Ask for a new one.");
    if (code == Error::tooManyTries)
        return tr("Too many wrong codes were tried. Wait a few minutes, then try again.");
    return tr("The platform could not pair this console now. Try again in a minute.");
}
