// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QString>
#include <QStringList>

#include <optional>

/**
 * Toast's words for ours and back, as tables (toastmapping.cpp): the kitchen state its selections'
 * fulfillmentStatus mirrors (read only: Toast has no call that writes it), the delivery state our
 * courier steps are written as, and the enum values the reader knows. Values not in a table are
 * unknown, not errors: Toast adds enum values (reference §5, "parse enums as open").
 */
namespace ToastMapping {
/** The kitchen state one selection's fulfillmentStatus mirrors; none for an unknown value. */
std::optional<OrderState> kitchenStateFor(const QString &fulfillmentStatus);
/** The order's kitchen state: its least advanced selection's (an order is ready when all are). */
std::optional<OrderState> orderKitchenState(const QList<OrderState> &selections);
/** The deliveryState a courier step is written as; none for a state Toast keeps no delivery word for. */
std::optional<QString> deliveryStateFor(OrderState state);
/** Where a deliveryState stands on the way (PENDING 0 … DELIVERED 3); -1 for an unknown value. */
int deliveryRank(const QString &deliveryState);
/** Whether an approvalStatus means the order will not be made (NOT_APPROVED); false for others. */
bool isRefusedApproval(const QString &approvalStatus);
/** Whether this table knows the approvalStatus. */
bool isKnownApproval(const QString &approvalStatus);
/** Whether this table knows the selectionType (NONE, OPEN_ITEM, SPECIAL_REQUEST, …). */
bool isKnownSelectionType(const QString &selectionType);
/** Whether this table knows the unitOfMeasure (NONE, LB, OZ, KG, G). */
bool isKnownUnit(const QString &unitOfMeasure);
} // namespace ToastMapping
