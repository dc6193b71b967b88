// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"

#include <QDateTime>
#include <QUuid>

// Builders shared by the hub tests: small valid orders and the events that move them.
namespace HubTest {

// 2026-11-25 12:00:00 UTC: a fixed "now" so times in reasons are predictable.
inline qint64 startMs()
{
    return QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

inline Order order(const QString &storeId, const QString &number,
                   OrderType type = OrderType::Pickup)
{
    Order order;
    order.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    order.storeId = storeId;
    order.number = number;
    order.type = type;
    OrderItem item;
    item.name = QStringLiteral("Cheeseburger");
    item.station = QStringLiteral("grill");
    order.items = {item};
    order.source = QStringLiteral("platform");
    return order;
}

inline OrderEvent placed(const Order &order, qint64 at = startMs())
{
    return OrderEvent::placed(order, Actor::platform(), QStringLiteral("test"), at);
}

inline OrderEvent transition(const Order &order, OrderState from, OrderState to, const Actor &actor,
                             qint64 at = startMs(), const QString &reason = {})
{
    OrderEvent event = OrderEvent::transition(order.id, order.storeId, from, to, actor,
                                              QStringLiteral("test"), at, reason);
    if (to == OrderState::Accepted)
        event.payload.insert(QStringLiteral("promised_at"), at + 15 * 60 * 1000);
    return event;
}

} // namespace HubTest
