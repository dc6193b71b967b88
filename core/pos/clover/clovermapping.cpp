// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clovermapping.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace {
// Order types are the merchant's own (orderType.label); these are the labels Clover's setup offers
// and the ones stores commonly type. Compared without case.
constexpr std::array<std::pair<const char *, OrderType>, 10> typeLabels {{
        {"dine in", OrderType::DineIn},
        {"dine-in", OrderType::DineIn},
        {"for here", OrderType::DineIn},
        {"eat in", OrderType::DineIn},
        {"to go", OrderType::Pickup},
        {"take out", OrderType::Pickup},
        {"takeout", OrderType::Pickup},
        {"pickup", OrderType::Pickup},
        {"pick up", OrderType::Pickup},
        {"delivery", OrderType::Delivery},
}};

// Order.state is free-form; these are the values Clover names ("open", "OPEN", "locked").
constexpr std::array<const char *, 2> orderStates {{"open", "locked"}};

constexpr std::array<const char *, 6> paymentStates {{"OPEN", "PAID", "REFUNDED", "CREDITED",
                                                      "PARTIALLY_PAID", "PARTIALLY_REFUNDED"}};

// Fields of Clover's v3 Order and LineItem (the SDK's Order.java and LineItem.java).
constexpr std::array<const char *, 37> orderFields {{
        "id", "currency", "customers", "employee", "total", "externalReferenceId",
        "unpaidBalance", "paymentState", "title", "note", "orderType", "taxRemoved", "isVat",
        "state", "manualTransaction", "groupLineItems", "testMode", "payType", "createdTime",
        "clientCreatedTime", "modifiedTime", "deletedTimestamp", "serviceCharge",
        "additionalCharges", "discounts", "lineItems", "payments", "refunds", "credits", "voids",
        "preAuths", "device", "authorizations", "merchant", "printGroups",
        "orderFulfillmentEvent", "href"}};

constexpr std::array<const char *, 28> lineItemFields {{
        "id", "orderRef", "item", "name", "alternateName", "price", "priceWithModifiers",
        "priceWithModifiersAndItemAndOrderDiscounts", "unitQty", "unitName", "itemCode", "note",
        "printed", "exchangedLineItem", "binName", "userData", "createdTime",
        "orderClientCreatedTime", "discounts", "discountAmount", "exchanged", "modifications",
        "refunded", "refund", "isRevenue", "taxRates", "isOrderFee", "printGroup"}};

template <std::size_t N>
bool listed(const std::array<const char *, N> &table, const QString &value)
{
    for (const char *known : table) {
        if (value == QLatin1String(known))
            return true;
    }
    return false;
}

QJsonArray elements(const QJsonValue &collection)
{
    return collection.isArray() ? collection.toArray()
                                : collection.toObject().value(QLatin1String("elements")).toArray();
}
} // namespace

namespace CloverMapping {
std::optional<OrderType> orderTypeFor(const QString &label)
{
    const QString words = label.simplified().toLower();
    for (const auto &[theirs, ours] : typeLabels) {
        if (words == QLatin1String(theirs))
            return ours;
    }
    return std::nullopt;
}

bool isKnownOrderState(const QString &state)
{
    return listed(orderStates, state.toLower());
}

bool isKnownPaymentState(const QString &paymentState)
{
    return listed(paymentStates, paymentState);
}

QStringList unknownFields(const QJsonObject &order)
{
    QStringList unknown;
    for (auto field = order.begin(); field != order.end(); ++field) {
        if (!listed(orderFields, field.key()))
            unknown.append(QStringLiteral("order field ") + field.key());
    }
    for (const QJsonValue &line : elements(order.value(QLatin1String("lineItems")))) {
        const QJsonObject item = line.toObject();
        for (auto field = item.begin(); field != item.end(); ++field) {
            const QString name = QStringLiteral("line item field ") + field.key();
            if (!listed(lineItemFields, field.key()) && !unknown.contains(name))
                unknown.append(name);
        }
    }
    return unknown;
}

bool writesEnding(OrderState state)
{
    return state == OrderState::Rejected || state == OrderState::Cancelled;
}
} // namespace CloverMapping
