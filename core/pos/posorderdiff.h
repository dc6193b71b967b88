// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posvendor.h"

#include "order/storepolicy.h"
#include "store/store.h"

#include <QList>

/**
 * What a POS's view of an order means for our log: a new order is placed; changed items are a
 * modification, item by item; a void is a cancellation; a kitchen step taken at the POS (where it
 * keeps one) moves the order along the table, one legal step at a time. Event ids are derived
 * from the vendor's order and change marker, so the same view read twice (a webhook, then a poll,
 * a replayed webhook) gives the same events, and the inbox drops the second.
 */
namespace PosOrderDiff {
/** A POS's order reading with its place in our store: a default prep time for POS accepts. */
struct Context
{
    QString storeId;
    qint64 nowMs = 0;
    int prepMinutes = 15; // the promise a POS accept gets when the POS names none
    QList<StationRoute> routes; // the store's: a counter order's lines go where the rules say
};

/** The incoming events that bring current (none: never seen) to what the POS shows. */
QList<IncomingEvent> eventsFor(const PosOrder &seen, const std::optional<Order> &current,
                               const Context &context);
} // namespace PosOrderDiff
