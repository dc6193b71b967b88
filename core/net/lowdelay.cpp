// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelay.h"

#include "carriersockets.h"

#include <QAbstractSocket>
#include <QVariant>

void LowDelay::apply(QWebSocket *webSocket, const QObject *owner)
{
    const QList<QAbstractSocket *> carriers = CarrierSockets::find(webSocket, owner);
    for (QAbstractSocket *socket : carriers)
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}
