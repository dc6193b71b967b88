// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderstate.h"

#include <QCoreApplication>

namespace {

template<typename Enum>
struct Name
{
    Enum value;
    const char *wire;
    const char *display;
};

// Display names go through QT_TRANSLATE_NOOP so lupdate finds them; translate() looks them up.
const Name<OrderState> stateNames[] = {
    {OrderState::Placed, "placed", QT_TRANSLATE_NOOP("OrderState", "new")},
    {OrderState::Accepted, "accepted", QT_TRANSLATE_NOOP("OrderState", "accepted")},
    {OrderState::Preparing, "preparing", QT_TRANSLATE_NOOP("OrderState", "preparing")},
    {OrderState::Ready, "ready", QT_TRANSLATE_NOOP("OrderState", "ready")},
    {OrderState::PickedUp, "picked_up", QT_TRANSLATE_NOOP("OrderState", "picked up")},
    {OrderState::OutForDelivery, "out_for_delivery",
     QT_TRANSLATE_NOOP("OrderState", "out for delivery")},
    {OrderState::Delivered, "delivered", QT_TRANSLATE_NOOP("OrderState", "delivered")},
    {OrderState::Rejected, "rejected", QT_TRANSLATE_NOOP("OrderState", "rejected")},
    {OrderState::Cancelled, "cancelled", QT_TRANSLATE_NOOP("OrderState", "cancelled")},
    {OrderState::Refunded, "refunded", QT_TRANSLATE_NOOP("OrderState", "refunded")},
};

const Name<OrderType> typeNames[] = {
    {OrderType::Pickup, "pickup", QT_TRANSLATE_NOOP("OrderType", "pickup")},
    {OrderType::Delivery, "delivery", QT_TRANSLATE_NOOP("OrderType", "delivery")},
    {OrderType::DineIn, "dine_in", QT_TRANSLATE_NOOP("OrderType", "dine-in")},
};

const Name<ActorRole> roleNames[] = {
    {ActorRole::Staff, "staff", QT_TRANSLATE_NOOP("ActorRole", "kitchen staff")},
    {ActorRole::Manager, "manager", QT_TRANSLATE_NOOP("ActorRole", "a manager")},
    {ActorRole::Pos, "pos", QT_TRANSLATE_NOOP("ActorRole", "the POS")},
    {ActorRole::Platform, "platform", QT_TRANSLATE_NOOP("ActorRole", "the platform")},
    {ActorRole::AutoAccept, "auto_accept", QT_TRANSLATE_NOOP("ActorRole", "auto-accept")},
    {ActorRole::System, "system", QT_TRANSLATE_NOOP("ActorRole", "the system")},
};

template<typename Enum, size_t N>
const Name<Enum> &entry(const Name<Enum> (&table)[N], Enum value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return e;
    }
    Q_UNREACHABLE();
}

template<typename Enum, size_t N>
std::optional<Enum> parse(const Name<Enum> (&table)[N], const QString &name)
{
    for (const auto &e : table) {
        if (name == QLatin1String(e.wire))
            return e.value;
    }
    return std::nullopt;
}

template<typename Enum, size_t N>
QList<Enum> values(const Name<Enum> (&table)[N])
{
    QList<Enum> result;
    for (const auto &e : table)
        result.append(e.value);
    return result;
}

} // namespace

namespace OrderStates {
const QList<OrderState> &all()
{
    static const QList<OrderState> states = values(stateNames);
    return states;
}
QString toString(OrderState state)
{
    return QLatin1String(entry(stateNames, state).wire);
}
std::optional<OrderState> fromString(const QString &name)
{
    return parse(stateNames, name);
}
QString displayName(OrderState state)
{
    return QCoreApplication::translate("OrderState", entry(stateNames, state).display);
}
bool isFinal(OrderState state)
{
    return state == OrderState::Rejected || state == OrderState::Refunded;
}
bool isOpen(OrderState state)
{
    switch (state) {
    case OrderState::Placed:
    case OrderState::Accepted:
    case OrderState::Preparing:
    case OrderState::Ready:
        return true;
    default:
        return false;
    }
}
} // namespace OrderStates

namespace OrderTypes {
const QList<OrderType> &all()
{
    static const QList<OrderType> types = values(typeNames);
    return types;
}
QString toString(OrderType type)
{
    return QLatin1String(entry(typeNames, type).wire);
}
std::optional<OrderType> fromString(const QString &name)
{
    return parse(typeNames, name);
}
QString displayName(OrderType type)
{
    return QCoreApplication::translate("OrderType", entry(typeNames, type).display);
}
} // namespace OrderTypes

namespace ActorRoles {
const QList<ActorRole> &all()
{
    static const QList<ActorRole> roles = values(roleNames);
    return roles;
}
QString toString(ActorRole role)
{
    return QLatin1String(entry(roleNames, role).wire);
}
std::optional<ActorRole> fromString(const QString &name)
{
    return parse(roleNames, name);
}
QString displayName(ActorRole role)
{
    return QCoreApplication::translate("ActorRole", entry(roleNames, role).display);
}
} // namespace ActorRoles
