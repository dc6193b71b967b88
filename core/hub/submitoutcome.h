// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"

#include <QString>

#include <optional>

/** What the hub's log made of one submitted event. */
struct SubmitOutcome
{
    enum class Status {
        Accepted, // appended under a new sequence number
        Duplicate, // the event id was already logged; seq is where it was logged first
        Rejected, // refused for good: reason says why, conflicting what got there first
        Failed, // the log could not be written; nothing changed, the sender may retry
    };

    Status status = Status::Failed;
    qint64 seq = 0; // Rejected: where the event id is logged with other content, else 0
    QString reason;
    std::optional<OrderEvent> conflicting;
    std::optional<Order> order; // the order after the event (Accepted)
    OrderEvent event; // the event as logged (for a duplicate: the first one)

    /** True when the sender should get an ack. */
    bool acked() const { return status == Status::Accepted || status == Status::Duplicate; }
};
