// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictwording.h"

#include <QDateTime>

namespace {
// Who did it, in the words staff use: the platform acting on an order is the customer or courier.
QString actorPhrase(const OrderEvent &event)
{
    switch (event.actor.role) {
    case ActorRole::Platform:
        if (event.to == OrderState::OutForDelivery || event.to == OrderState::Delivered)
            return QStringLiteral("the courier");
        return QStringLiteral("the customer");
    case ActorRole::Staff:
        return QStringLiteral("staff member %1").arg(event.actor.id);
    case ActorRole::Manager:
        return QStringLiteral("manager %1").arg(event.actor.id);
    case ActorRole::Pos:
        return QStringLiteral("the POS (%1)").arg(event.actor.id);
    case ActorRole::AutoAccept:
        return QStringLiteral("auto-accept");
    case ActorRole::System:
        return QStringLiteral("the system");
    }
    return event.actor.toString();
}

QString whatHappened(const OrderEvent &event)
{
    switch (event.kind) {
    case EventKind::Placed:
        return QStringLiteral("was placed");
    case EventKind::Recall:
        return QStringLiteral("was recalled to %1")
            .arg(OrderStates::displayName(event.to.value_or(OrderState::Preparing)));
    case EventKind::Transition:
        break;
    case EventKind::StationBumped: {
        const QString station = event.payload.value(QStringLiteral("station")).toString();
        return event.payload.value(QStringLiteral("done")).toBool()
            ? QStringLiteral("had %1 marked done").arg(station)
            : QStringLiteral("had %1 reopened").arg(station);
    }
    case EventKind::ItemDone: {
        const QString name = event.payload.value(QStringLiteral("name")).toString();
        return event.payload.value(QStringLiteral("done")).toBool()
            ? QStringLiteral("had %1 marked done").arg(name)
            : QStringLiteral("had %1 reopened").arg(name);
    }
    default:
        return QStringLiteral("was changed (%1)").arg(EventKinds::toString(event.kind));
    }
    const OrderState to = event.to.value_or(OrderState::Placed);
    switch (to) {
    case OrderState::Accepted:
    case OrderState::Rejected:
    case OrderState::Cancelled:
    case OrderState::Refunded:
    case OrderState::Delivered:
    case OrderState::PickedUp:
        return QStringLiteral("was %1").arg(OrderStates::displayName(to));
    default:
        return QStringLiteral("was moved to %1").arg(OrderStates::displayName(to));
    }
}
} // namespace

QString ConflictWording::describe(const Order &order, const OrderEvent &conflicting)
{
    const QString label = order.number.isEmpty() ? order.id : order.number;
    const QString time = QDateTime::fromMSecsSinceEpoch(conflicting.occurredAt, Qt::UTC)
                             .toString(QStringLiteral("HH:mm"));
    QString text = QStringLiteral("Order %1 %2 by %3 at %4 UTC")
                       .arg(label, whatHappened(conflicting), actorPhrase(conflicting), time);
    if (!conflicting.reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(conflicting.reason);
    return text + QStringLiteral("; it is %1 now.").arg(OrderStates::displayName(order.state));
}
