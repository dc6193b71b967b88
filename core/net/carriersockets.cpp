// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "carriersockets.h"

#include <QAbstractSocket>
#include <QWebSocket>

QList<QAbstractSocket *> CarrierSockets::find(QWebSocket *webSocket, const QObject *owner)
{
    QList<QAbstractSocket *> candidates = webSocket->findChildren<QAbstractSocket *>();
    if (owner)
        candidates += owner->findChildren<QAbstractSocket *>();
    QList<QAbstractSocket *> carriers;
    for (QAbstractSocket *socket : std::as_const(candidates)) {
        if (socket->peerPort() == webSocket->peerPort()
            && socket->localPort() == webSocket->localPort()
            && socket->peerAddress() == webSocket->peerAddress())
            carriers.append(socket);
    }
    return carriers;
}
