// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QWebSocket>
#include <QWebSocketServer>

/**
 * The fan-out baseline: a bare QWebSocketServer on 127.0.0.1 that echoes every text frame, and one
 * QWebSocket client timing the round trip. No protocol, no storage: the floor of one hop there
 * and back on this machine and this Qt.
 */
class EchoPair final
{
public:
    EchoPair();
    Q_DISABLE_COPY_MOVE(EchoPair)

    /** Listens and connects the client; false if either failed within timeoutMs. */
    bool open(int timeoutMs);
    /** Sends frame and returns the round trip in ms, or a negative value on timeout. */
    double roundTripMs(const QString &frame, int timeoutMs);

private:
    QWebSocketServer m_server;
    QWebSocket m_client;
    QElapsedTimer m_timer;
    qint64 m_echoedNs = -1;
};
