// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * Clover's words for ours and back, as tables (clovermapping.cpp): order type labels, the order
 * and payment states it documents, the fields of an order and a line item this adapter knows, and
 * which of the kitchen's steps are written at all. Clover keeps no kitchen state, so nothing here
 * maps a kitchen step to a Clover state. Values not in a table are unknown, not errors.
 */
namespace CloverMapping {
/** How the customer gets it, from an order type's label ("To Go"); none for a label not known. */
std::optional<OrderType> orderTypeFor(const QString &label);
/** Whether Clover documents this order state ("open", "locked"; absent is a hidden order). */
bool isKnownOrderState(const QString &state);
/** Whether Clover documents this payment state (OPEN, PAID, REFUNDED, …). */
bool isKnownPaymentState(const QString &paymentState);
/** The fields of order (its line items' too) that this adapter does not know, for the log. */
QStringList unknownFields(const QJsonObject &order);
/**
 * Whether a kitchen step of an order this console created at Clover is written there: only its
 * end without a sale (rejected, cancelled), as a note. Every other step stays ours.
 */
bool writesEnding(OrderState state);
} // namespace CloverMapping
