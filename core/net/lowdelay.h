// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QObject;
class QWebSocket;

namespace LowDelay {
/**
 * Turns off Nagle's algorithm on the TCP socket under a WebSocket. Our frames are small and each
 * one is a ticket someone waits for; Nagle plus delayed ACKs holds such writes back for tens of
 * milliseconds. QWebSocket has no API for it, so this sets it on
 * CarrierSockets::find(webSocket, owner).
 */
void apply(QWebSocket *webSocket, const QObject *owner = nullptr);
} // namespace LowDelay
