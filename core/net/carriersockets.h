// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QAbstractSocket;
class QObject;
class QWebSocket;

/**
 * The sockets carrying a WebSocket (the TCP socket, and for wss:// also the TLS socket above it),
 * for what QWebSocket has no API for. They are found among the WebSocket's children (client side)
 * or, on a server, among owner's (Qt 6.4 parents a server socket to the QWebSocketServer's
 * internals), matched by addresses and ports.
 */
namespace CarrierSockets {
QList<QAbstractSocket *> find(QWebSocket *webSocket, const QObject *owner = nullptr);
} // namespace CarrierSockets
