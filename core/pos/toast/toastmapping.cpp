// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toastmapping.h"

#include <array>
#include <utility>

namespace {
// What a selection's fulfillmentStatus means on the board (reference §3). NEW is not yet sent to
// the kitchen and HOLD is paused: both still wait to be taken. SENT is on Toast's kitchen display:
// the kitchen has it, which is our accepted (whether cooking has begun Toast does not say). READY
// comes only where a Toast kitchen display is used (?).
constexpr std::array<std::pair<const char *, OrderState>, 4> mirrored {{
        {"NEW", OrderState::Placed},
        {"HOLD", OrderState::Placed},
        {"SENT", OrderState::Accepted},
        {"READY", OrderState::Ready},
}};

// How a courier step is written as deliveryInfo.deliveryState. Toast documents only the four
// values (reference §3), not what each means: our reading is that PICKED_UP is the courier
// having it (out for delivery) and DELIVERED the end.
constexpr std::array<std::pair<OrderState, const char *>, 2> delivery {{
        {OrderState::OutForDelivery, "PICKED_UP"},
        {OrderState::Delivered, "DELIVERED"},
}};

// In the order they come.
constexpr std::array<const char *, 4> deliveryWay {{"PENDING", "IN_PROGRESS", "PICKED_UP",
                                                    "DELIVERED"}};

constexpr std::array<const char *, 4> approvals {{"NEEDS_APPROVAL", "APPROVED", "FUTURE",
                                                  "NOT_APPROVED"}};

constexpr std::array<const char *, 7> selectionTypes {{"NONE", "OPEN_ITEM", "SPECIAL_REQUEST",
                                                       "PORTION", "HOUSE_ACCOUNT_PAY_BALANCE",
                                                       "TOAST_CARD_SELL", "TOAST_CARD_RELOAD"}};

constexpr std::array<const char *, 5> units {{"NONE", "LB", "OZ", "KG", "G"}};

template<std::size_t N>
bool listed(const std::array<const char *, N> &table, const QString &value)
{
    for (const char *known : table) {
        if (value == QLatin1String(known))
            return true;
    }
    return false;
}

int rank(OrderState state)
{
    switch (state) {
    case OrderState::Placed:
        return 0;
    case OrderState::Accepted:
        return 1;
    case OrderState::Preparing:
        return 2;
    case OrderState::Ready:
        return 3;
    default:
        return 4;
    }
}
} // namespace

namespace ToastMapping {
std::optional<OrderState> kitchenStateFor(const QString &fulfillmentStatus)
{
    for (const auto &[theirs, ours] : mirrored) {
        if (fulfillmentStatus == QLatin1String(theirs))
            return ours;
    }
    return std::nullopt;
}

std::optional<OrderState> orderKitchenState(const QList<OrderState> &selections)
{
    std::optional<OrderState> least;
    for (OrderState state : selections) {
        if (!least || rank(state) < rank(*least))
            least = state;
    }
    return least;
}

std::optional<QString> deliveryStateFor(OrderState state)
{
    for (const auto &[ours, theirs] : delivery) {
        if (ours == state)
            return QString::fromLatin1(theirs);
    }
    return std::nullopt;
}

int deliveryRank(const QString &deliveryState)
{
    for (std::size_t i = 0; i < deliveryWay.size(); ++i) {
        if (deliveryState == QLatin1String(deliveryWay.at(i)))
            return int(i);
    }
    return -1;
}

bool isRefusedApproval(const QString &approvalStatus)
{
    return approvalStatus == QLatin1String("NOT_APPROVED");
}

bool isKnownApproval(const QString &approvalStatus)
{
    return listed(approvals, approvalStatus);
}

bool isKnownSelectionType(const QString &selectionType)
{
    return listed(selectionTypes, selectionType);
}

bool isKnownUnit(const QString &unitOfMeasure)
{
    return listed(units, unitOfMeasure);
}
} // namespace ToastMapping
