// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loggedevent.h"

LoggedEvent LoggedEvent::of(const OrderEvent &event, qint64 seq, bool refused)
{
    LoggedEvent logged;
    logged.seq = seq;
    logged.orderId = event.orderId;
    logged.kind = event.kind;
    logged.from = event.from;
    logged.to = event.to;
    logged.actor = event.actor.role;
    logged.occurredAt = event.occurredAt;
    logged.reason = event.reason;
    logged.refused = refused;
    const QJsonObject &payload = event.payload;
    if (event.kind == EventKind::Placed) {
        logged.number = payload.value(QStringLiteral("number")).toString();
        logged.type = OrderTypes::fromString(payload.value(QStringLiteral("type")).toString());
        logged.source = payload.value(QStringLiteral("source")).toString();
    }
    logged.promisedAt = payload.value(QStringLiteral("promised_at")).toInteger();
    logged.station = payload.value(QStringLiteral("station")).toString();
    logged.item = payload.value(QStringLiteral("item")).toInt(-1);
    logged.itemName = payload.value(QStringLiteral("name")).toString();
    logged.done = payload.value(QStringLiteral("done")).toBool();
    return logged;
}
