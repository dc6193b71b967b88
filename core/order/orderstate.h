// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

/** Where an order is in its life (DESIGN.md, "The order state machine"). */
enum class OrderState {
    Placed,
    Accepted,
    Preparing,
    Ready,
    PickedUp,
    OutForDelivery,
    Delivered,
    Rejected,
    Cancelled,
    Refunded,
};

/** How the customer gets the order. */
enum class OrderType {
    Pickup,
    Delivery,
    DineIn,
};

/** The kind of party that asks for a change; what the transition table grants rights to. */
enum class ActorRole {
    Staff,
    Manager,
    Pos,
    Platform,
    AutoAccept,
    System,
};

namespace OrderStates {
/** Every state, in life order. */
const QList<OrderState> &all();
/** The wire and storage name, e.g. "out_for_delivery". */
QString toString(OrderState state);
/** Parses a wire name; nothing for an unknown name. */
std::optional<OrderState> fromString(const QString &name);
/** A short phrase for people, e.g. "out for delivery". */
QString displayName(OrderState state);
/** True for states no transition leaves (rejected, refunded). */
bool isFinal(OrderState state);
/** True while the kitchen still has work or a hand-over to do. */
bool isOpen(OrderState state);
} // namespace OrderStates

namespace OrderTypes {
const QList<OrderType> &all();
QString toString(OrderType type);
std::optional<OrderType> fromString(const QString &name);
QString displayName(OrderType type);
} // namespace OrderTypes

namespace ActorRoles {
const QList<ActorRole> &all();
QString toString(ActorRole role);
std::optional<ActorRole> fromString(const QString &name);
QString displayName(ActorRole role);
} // namespace ActorRoles
