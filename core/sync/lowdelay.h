// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QObject;
class QWebSocket;

namespace LowDelay {
/**
 * Turns off Nagle's algorithm on the TCP socket under a WebSocket. Our frames are small and each
 * one is a ticket someone waits for; Nagle plus delayed ACKs holds such writes back for tens of
 * milliseconds. QWebSocket has no API for it, so this finds the TCP socket carrying it: among the
 * WebSocket's children (client side) or, on a server, among owner's (Qt 6.4 parents a server
 * socket to the QWebSocketServer's internals), matched by its addresses and ports.
 */
void apply(QWebSocket *webSocket, const QObject *owner = nullptr);
} // namespace LowDelay
