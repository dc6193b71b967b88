// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "squaremapping.h"

#include <array>
#include <utility>

namespace {
// What the kitchen's progress is written as. Preparing has no step of its own in Square: it stays
// RESERVED. Handed to a courier ends the kitchen's part as picking up does.
constexpr std::array<std::pair<OrderState, const char *>, 9> written {{
        {OrderState::Accepted, "RESERVED"},
        {OrderState::Preparing, "RESERVED"},
        {OrderState::Ready, "PREPARED"},
        {OrderState::PickedUp, "COMPLETED"},
        {OrderState::OutForDelivery, "COMPLETED"},
        {OrderState::Delivered, "COMPLETED"},
        {OrderState::Rejected, "CANCELED"},
        {OrderState::Cancelled, "CANCELED"},
        {OrderState::Placed, "PROPOSED"},
}};

// What a fulfillment state set at the POS means on the board.
constexpr std::array<std::pair<const char *, OrderState>, 5> mirrored {{
        {"PROPOSED", OrderState::Placed},
        {"RESERVED", OrderState::Accepted},
        {"PREPARED", OrderState::Ready},
        {"COMPLETED", OrderState::PickedUp},
        {"CANCELED", OrderState::Cancelled},
}};

constexpr std::array<const char *, 3> finalFulfillments {{"COMPLETED", "CANCELED", "FAILED"}};

constexpr std::array<std::pair<const char *, OrderType>, 4> types {{
        {"PICKUP", OrderType::Pickup},
        {"DELIVERY", OrderType::Delivery},
        {"SHIPMENT", OrderType::Delivery},
        {"IN_STORE", OrderType::DineIn},
}};
} // namespace

namespace SquareMapping {
std::optional<QString> fulfillmentStateFor(OrderState state)
{
    for (const auto &[ours, theirs] : written) {
        if (ours == state)
            return QString::fromLatin1(theirs);
    }
    return std::nullopt;
}

std::optional<OrderState> kitchenStateFor(const QString &fulfillmentState)
{
    for (const auto &[theirs, ours] : mirrored) {
        if (fulfillmentState == QLatin1String(theirs))
            return ours;
    }
    return std::nullopt;
}

bool isFinalFulfillment(const QString &fulfillmentState)
{
    for (const char *state : finalFulfillments) {
        if (fulfillmentState == QLatin1String(state))
            return true;
    }
    return false;
}

std::optional<OrderType> orderTypeFor(const QString &fulfillmentType)
{
    for (const auto &[theirs, ours] : types) {
        if (fulfillmentType == QLatin1String(theirs))
            return ours;
    }
    return std::nullopt;
}

QString fulfillmentTypeFor(OrderType type)
{
    // Square creates at most one fulfillment, and a dine-in order is still picked up at the pass.
    return type == OrderType::Delivery ? QStringLiteral("DELIVERY") : QStringLiteral("PICKUP");
}
} // namespace SquareMapping
