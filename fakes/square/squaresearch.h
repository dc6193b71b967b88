// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/square/squareerror.h"

#include <QJsonObject>
#include <QList>

#include <optional>

/**
 * SearchOrders over the fake's orders: location_ids, state, time and fulfillment filters, sort,
 * limit and an opaque cursor that only the same query may send back. Pages are keyed on the
 * last (time, id) shown, so orders made between pages neither repeat nor skip the ones after.
 */
namespace SquareSearch {
struct Result
{
    std::optional<SquareError> error;
    QJsonObject response; // {orders|order_entries, cursor}, {} when nothing matched
};

Result run(const QList<QJsonObject> &orders, const QJsonObject &request);
} // namespace SquareSearch
