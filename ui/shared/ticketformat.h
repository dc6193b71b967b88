// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QString>

/** The words and numbers a ticket shows, kept apart from painting so they can be tested. */
namespace TicketFormat {
/** Elapsed time as "mm:ss", or "h:mm:ss" past an hour; never negative. */
QString elapsed(qint64 ms);
/** Time to the promised ready time: "due in 7 min", "due now", "late 3 min". */
QString due(qint64 dueInMs);
/** The big number on the ticket: "#101", or the id when there is no number. */
QString number(const Order &order);
/** The type badge: "PICKUP", "DELIVERY", "DINE-IN · T4". */
QString typeBadge(const Order &order);
/** The state caption: "NEW", "PREPARING". */
QString stateCaption(OrderState state);
/** One item line: "2× Cheeseburger". */
QString itemLine(const OrderItem &item);
/** One allergen warning: "⚠ GLUTEN". */
QString allergen(const QString &allergen);
/** How long a ready ticket has waited for its hand-over: "waiting 3 min". */
QString waiting(qint64 ms);
} // namespace TicketFormat
