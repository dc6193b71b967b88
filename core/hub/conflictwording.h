// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"

#include <QString>

/** The words staff read when their event lost to one already in the hub's log. */
namespace ConflictWording {
/** "Order 123 was cancelled by the customer at 12:31 UTC (reason); it is cancelled now." */
QString describe(const Order &order, const OrderEvent &conflicting);
} // namespace ConflictWording
