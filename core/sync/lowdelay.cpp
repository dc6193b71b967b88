// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelay.h"

#include <QAbstractSocket>
#include <QWebSocket>

void LowDelay::apply(QWebSocket *webSocket, const QObject *owner)
{
    QList<QAbstractSocket *> candidates = webSocket->findChildren<QAbstractSocket *>();
    if (owner)
        candidates += owner->findChildren<QAbstractSocket *>();
    for (QAbstractSocket *socket : std::as_const(candidates)) {
        if (socket->peerPort() == webSocket->peerPort()
            && socket->localPort() == webSocket->localPort()
            && socket->peerAddress() == webSocket->peerAddress())
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
}
