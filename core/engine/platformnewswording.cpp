// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformnewswording.h"

#include "order/projector.h"
#include "store/storearchiver.h"

#include <QDateTime>

namespace {
QString localTime(qint64 utcMs, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(format);
}
} // namespace

QString PlatformNewsWording::overtaken(const Order &order, const OrderEvent &overtaking)
{
    const QString when = localTime(overtaking.occurredAt, QStringLiteral("HH:mm"));
    if (order.state == OrderState::Cancelled) {
        const QString who = overtaking.actor.role == ActorRole::Platform
                ? tr("the customer")
                : ActorRoles::displayName(overtaking.actor.role);
        return tr("Order %1 was cancelled by %2 at %3 while this console was offline: stop "
                  "preparing it.")
                .arg(order.number, who, when);
    }
    return tr("Order %1 is %2 since %3 on the platform; this console's last change to it did "
              "not count.")
            .arg(order.number, OrderStates::displayName(order.state), when);
}

QString PlatformNewsWording::orderNotKept(const Store &store, const OrderEvent &event)
{
    // Weeks may have passed since the order was on the board: the day, not only the time.
    const QString when = localTime(event.occurredAt, QStringLiteral("d MMM HH:mm"));
    const QString change = event.to ? OrderStates::displayName(*event.to)
                                    : EventKinds::toString(event.kind);
    const Result<QList<OrderEvent>> archived = StoreArchiver::archivedEvents(store, event.orderId);
    if (archived && !archived->isEmpty()) {
        const Projection placed = Projector::apply(std::nullopt, archived->constFirst());
        return tr("Order %1 was archived, and the platform now says it was %2 at %3. The change "
                  "is kept; the order's earlier history is in its archive file.")
                .arg(placed ? placed->number : event.orderId, change, when);
    }
    return tr("The platform says order %1 was %2 at %3, but this console has no such order. "
              "The change is kept.")
            .arg(event.orderId, change, when);
}
