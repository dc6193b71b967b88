// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QString>

#include <optional>

/**
 * Square's words for ours and back, as tables (squaremapping.cpp): its fulfillment states and
 * types, its order states. Values not in a table are unknown, not errors: Square adds enum values
 * (the reference's "treat enums as open").
 */
namespace SquareMapping {
/** The fulfillment state a kitchen state is written as; none when Square keeps no such step. */
std::optional<QString> fulfillmentStateFor(OrderState state);
/** The kitchen state a fulfillment state mirrors; none for a value this table does not know. */
std::optional<OrderState> kitchenStateFor(const QString &fulfillmentState);
/** Whether a fulfillment state ends it (completed, cancelled, failed). */
bool isFinalFulfillment(const QString &fulfillmentState);
/** How the customer gets it; none for an unknown type. */
std::optional<OrderType> orderTypeFor(const QString &fulfillmentType);
/** The fulfillment type an order of ours is created with. */
QString fulfillmentTypeFor(OrderType type);
} // namespace SquareMapping
