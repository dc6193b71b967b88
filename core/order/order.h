// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderitem.h"
#include "orderlimits.h"
#include "orderstate.h"
#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

/** The current state of one order, as projected from its events. A plain value. */
struct Order
{
    static constexpr qsizetype maxItems = OrderLimits::maxItems; // more is a bad message

    QString id; // the platform's or POS's order id: stable and unique per store
    QString storeId;
    QString number; // the short number people call out
    OrderType type = OrderType::Pickup;
    OrderState state = OrderState::Placed;
    QList<OrderItem> items;
    QString customerName;
    QString table; // dine-in only
    QString source; // "platform", "pos:square", "demo"
    QString lastReason; // why it was rejected or cancelled
    QStringList notes;
    QStringList stationsDone; // stations whose items are done, in the order they were bumped
    QList<int> itemsDone; // lines marked done one by one, ascending; a done station's are not listed
    qint64 placedAt = 0; // UTC ms
    qint64 stateSince = 0; // UTC ms the current state was entered
    qint64 promisedAt = 0; // UTC ms; 0 until a time is promised
    qint64 scheduledFor = 0; // UTC ms the customer asked for; 0 = as soon as possible
    qint64 updatedAt = 0; // UTC ms of the last event
    int eventCount = 0;
    QUuid lastEventId;

    bool isOpen() const { return OrderStates::isOpen(state); }
    /** Whether items[index] is done: marked on its own, or its whole station is done. */
    bool isItemDone(qsizetype index) const;
    /** When the kitchen should start a scheduled order (leadMs before it is due); 0 if now. */
    qint64 fireAt(qint64 leadMs) const { return scheduledFor > 0 ? scheduledFor - leadMs : 0; }

    /** Whether two index lists (such as itemsDone) are equal; use it, not QList<int>'s ==. */
    static bool sameIndexes(const QList<int> &a, const QList<int> &b);

    /** The full stored form, including projection bookkeeping. */
    QJsonObject toJson() const;
    /** Parses and validates the stored form. */
    static Result<Order> fromJson(const QJsonObject &json);

    friend bool operator==(const Order &a, const Order &b);
    friend bool operator!=(const Order &a, const Order &b) { return !(a == b); }
};
