// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An order as a Square cashier rings it up, for the Square fake's till.
#include "fakes/square/squarefake.h"

#include <QJsonArray>
#include <QJsonObject>

namespace SquareTill {
inline QJsonObject lineItem(const QString &name, int cents = 900)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("quantity"), QStringLiteral("1")},
            {QStringLiteral("base_price_money"),
             QJsonObject {{QStringLiteral("amount"), cents},
                          {QStringLiteral("currency"), QStringLiteral("USD")}}}};
}

/** A pickup order for customer, one burger, its fulfillment PROPOSED. */
inline QJsonObject counterOrder(const QString &customer)
{
    const QJsonObject fulfillment {
            {QStringLiteral("type"), QStringLiteral("PICKUP")},
            {QStringLiteral("state"), QStringLiteral("PROPOSED")},
            {QStringLiteral("pickup_details"),
             QJsonObject {{QStringLiteral("recipient"),
                           QJsonObject {{QStringLiteral("display_name"), customer}}}}}};
    return {{QStringLiteral("location_id"), QString::fromLatin1(SquareFake::defaultLocation)},
            {QStringLiteral("line_items"), QJsonArray {lineItem(QStringLiteral("Burger"))}},
            {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}};
}
} // namespace SquareTill
