// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** Something the kitchen must notice now, worded for people. A plain value. */
struct KitchenAlert
{
    Q_DECLARE_TR_FUNCTIONS(KitchenAlert)

public:
    enum class Kind {
        NewOrder, // one alert per burst of new orders
        Late, // open orders crossed the late threshold (one alert per check)
        Changed, // items of an order in progress changed; details say how, line by line
        Cancelled, // stop preparing it
        Overtaken, // the platform refused or overtook what this console did
        FeedQuiet, // an order feed has been silent too long
        FeedBack, // a quiet feed spoke again; its FeedQuiet alert is withdrawn
    };

    // A merged alert names this many orders by number and counts the rest ("and 12 more").
    static constexpr int maxNamedOrders = 5;

    Kind kind = Kind::NewOrder;
    QString orderId; // empty when the alert is about several orders or a feed
    QString orderNumber;
    QStringList orderIds; // an alert about several orders: every one of them (orderId is empty)
    QStringList orderNumbers; // and their numbers, in the same order
    QString source; // the feed of FeedQuiet and FeedBack ("platform", "pos:square")
    QString title; // one line
    QStringList details; // one line each, e.g. the item-by-item changes
    qint64 raisedAt = 0; // UTC ms

    /**
     * The title of count alerts of one kind merged into one line, naming the first orders:
     * "3 orders cancelled: 181, 267, 336", "250 new orders: 1000, 1001, … and 245 more".
     * Bounded: named holds at most maxNamedOrders numbers, whatever count is.
     */
    static QString mergedTitle(Kind kind, int count, const QStringList &named);
    /**
     * The title of a replayed backlog: "1,204 orders arrived while offline: 37 still open",
     * naming the first of those still open.
     */
    static QString backlogTitle(int arrived, int stillOpen, const QStringList &named);
    /** The same for a console's first catch-up in its store: "Joined the store: 37 orders open". */
    static QString joinedTitle(int stillOpen, const QStringList &named);
    /** "181, 267, 336", or "181, 267, 336, 400, 401 and 102 more" when count passes the named. */
    static QString numberList(const QStringList &named, int count);
};
