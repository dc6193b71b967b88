// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order.h"
#include "orderevent.h"

#include "common/result.h"

#include <QString>

#include <optional>

/** The outcome of folding one event into an order: the new order, or why the event does not fit. */
using Projection = Result<Order>;

/**
 * Folds events into orders. Pure: the same log always gives the same projection, which is what
 * lets the store rebuild and verify it.
 */
namespace Projector {
/** Applies an order-level event to the order it concerns (none yet for a placed event). */
Projection apply(const std::optional<Order> &current, const OrderEvent &event);
} // namespace Projector
