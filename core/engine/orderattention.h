// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/itemdiff.h"
#include "order/order.h"
#include "orderengine.h"

#include <QList>

/**
 * What one change to an order asks of the kitchen: nothing, a cancel to stop for, or a change to
 * work in progress (items line by line, or the ready time). The one rule for the alerts and the
 * board's marks alike: nobody is told of their own action (a command on this console), and a
 * change before anyone started is simply shown.
 */
struct OrderAttention
{
    enum class Kind {
        None,
        Cancelled, // stop preparing it: the ticket stays, struck through, until acknowledged
        Changed, // work under way changed: the ticket is marked line by line until acknowledged
    };

    Kind kind = Kind::None;
    QList<ItemChange> itemChanges; // Changed: from before to after, line by line
    bool promiseMoved = false; // Changed: the promised ready time moved

    /** How the change from before to after, for this cause, concerns the kitchen. */
    static OrderAttention of(const Order &before, const Order &after,
                             OrderEngine::ChangeCause cause);
    /** Whether the kitchen works on an order in this state (accepted, preparing or ready). */
    static bool inProgress(OrderState state);
    /** Whether the ready time moved from one promise to another (not a first promise). */
    static bool promiseMovedBetween(qint64 before, qint64 after);
};
