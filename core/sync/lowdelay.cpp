// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelay.h"

#include <QAbstractSocket>
#include <QWebSocket>

void LowDelay::apply(QWebSocket *webSocket)
{
    const QList<QAbstractSocket *> sockets = webSocket->findChildren<QAbstractSocket *>();
    for (QAbstractSocket *socket : sockets)
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}
