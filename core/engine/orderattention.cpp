// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderattention.h"

bool OrderAttention::inProgress(OrderState state)
{
    return state == OrderState::Accepted || state == OrderState::Preparing
        || state == OrderState::Ready;
}

bool OrderAttention::promiseMovedBetween(qint64 before, qint64 after)
{
    return before > 0 && after > 0 && before != after;
}

OrderAttention OrderAttention::of(const Order &before, const Order &after,
                                  OrderEngine::ChangeCause cause)
{
    OrderAttention attention;
    // A cook's own bump, delay or reject: they know, and an alarm about it is noise.
    if (cause == OrderEngine::ChangeCause::Command)
        return attention;
    if (after.state == OrderState::Cancelled && before.state != OrderState::Cancelled) {
        attention.kind = Kind::Cancelled;
        return attention;
    }
    // A verdict that moves an order back is explained by the engine's own alert (the platform
    // refused …); only a cancel it reveals needs the kitchen's hands.
    if (cause == OrderEngine::ChangeCause::Verdict || !inProgress(before.state)
        || !inProgress(after.state))
        return attention;
    if (before.items != after.items)
        attention.itemChanges = ItemDiff::between(before.items, after.items);
    attention.promiseMoved = promiseMovedBetween(before.promisedAt, after.promisedAt);
    if (!attention.itemChanges.isEmpty() || attention.promiseMoved)
        attention.kind = Kind::Changed; // else nothing a cook acts on (e.g. station routing)
    return attention;
}
