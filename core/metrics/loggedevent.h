// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"
#include "order/orderstate.h"

#include <QString>

#include <optional>

/**
 * What the figures read of one event of the log: its columns and the few payload fields they use,
 * so that a month of events is read without parsing every payload.
 */
struct LoggedEvent
{
    qint64 seq = 0; // position in the local log
    QString orderId; // empty for store-level events
    EventKind kind = EventKind::Transition;
    std::optional<OrderState> from;
    std::optional<OrderState> to;
    ActorRole actor = ActorRole::System;
    qint64 occurredAt = 0; // UTC ms
    QString reason;
    bool refused = false; // the platform refused it: for the figures it never happened
    std::optional<qint64> hubSeq; // the platform's position, read for one order's history only

    // Payload fields, where the kind carries them.
    QString number; // placed
    std::optional<OrderType> type; // placed
    QString source; // placed: "platform", "pos:square"…
    qint64 promisedAt = 0; // placed, transition (accepted), eta_changed; 0 when not given
    QString station; // station_bumped, item_done
    int item = -1; // item_done: the line's index
    QString itemName; // item_done
    bool done = false; // station_bumped, item_done

    /** The same fields taken from a whole event (live updates, tests). */
    static LoggedEvent of(const OrderEvent &event, qint64 seq, bool refused = false);
};
