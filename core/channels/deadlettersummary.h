// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"
#include "order/orderstate.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

/**
 * One dead letter as a manager sees it (DeadLetterDesk): where it was going, what it was, how it
 * failed, and its payload with anything sensitive masked (PayloadRedaction). Never the raw event.
 */
struct DeadLetterSummary
{
    qint64 id = 0; // the dead letter's id, what redrive and discard take
    QUuid eventId;
    QString destination;
    QString orderId; // empty for a store-level event
    QString orderNumber; // the ticket number; empty when this console does not know the order
    EventKind kind = EventKind::Transition;
    std::optional<OrderState> from;
    std::optional<OrderState> to;
    int attempts = 0;
    QString firstError; // masked like the payload; empty when not recorded
    qint64 firstErrorAt = 0; // UTC ms; 0: not recorded (it died before the store kept it)
    QString lastError; // masked like the payload
    qint64 deadAt = 0; // UTC ms
    QString reason; // the event's own reason (a rejection's, a note), masked
    QJsonObject payload; // masked

    bool firstErrorRecorded() const { return firstErrorAt > 0; }
};
