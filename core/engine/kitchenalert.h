// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/** Something the kitchen must notice now, worded for people. A plain value. */
struct KitchenAlert
{
    enum class Kind {
        NewOrder, // one alert per burst of new orders
        Late, // an open order crossed the late threshold
        Changed, // items of an order in progress changed; details say how, line by line
        Cancelled, // stop preparing it
        Overtaken, // the platform refused or overtook what this console did
        FeedQuiet, // an order feed has been silent too long
    };

    Kind kind = Kind::NewOrder;
    QString orderId; // empty when the alert is about several orders or a feed
    QString orderNumber;
    QString title; // one line
    QStringList details; // one line each, e.g. the item-by-item changes
    qint64 raisedAt = 0; // UTC ms
};
