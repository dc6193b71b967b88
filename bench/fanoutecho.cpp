// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutecho.h"

#include "fanoutsupport.h"

#include <QUrl>

EchoPair::EchoPair()
    : m_server(QStringLiteral("bench-echo"), QWebSocketServer::NonSecureMode)
{
    QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server, [this] {
        while (QWebSocket *peer = m_server.nextPendingConnection()) {
            peer->setParent(&m_server);
            QObject::connect(peer, &QWebSocket::textMessageReceived, peer,
                             [peer](const QString &text) { peer->sendTextMessage(text); });
        }
    });
    QObject::connect(&m_client, &QWebSocket::textMessageReceived, &m_client,
                     [this] { m_echoedNs = m_timer.nsecsElapsed(); });
}

bool EchoPair::open(int timeoutMs)
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort())));
    return FanoutSupport::waitUntil(
        [this] { return m_client.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

double EchoPair::roundTripMs(const QString &frame, int timeoutMs)
{
    m_echoedNs = -1;
    m_timer.start();
    m_client.sendTextMessage(frame);
    if (!FanoutSupport::waitUntil([this] { return m_echoedNs >= 0; }, timeoutMs))
        return -1;
    return double(m_echoedNs) / 1e6;
}
