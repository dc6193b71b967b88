// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

/** Where the store sends an item: a line whose name contains these words goes to station. */
struct StationRoute
{
    QString contains; // matched without regard to case
    QString station;

    friend bool operator==(const StationRoute &a, const StationRoute &b)
    {
        return a.contains == b.contains && a.station == b.station;
    }
    friend bool operator!=(const StationRoute &a, const StationRoute &b) { return !(a == b); }
};

/**
 * How a store works, the same on every one of its screens: when a ticket is late, the prep-time
 * quote, the stations, the reasons for a rejection, which feeds must speak and the opening hours.
 * A manager edits it behind the PIN and it travels as a store_policy_changed event, so every
 * console of the store follows it; a screen's own look and keys are not part of it (BoardOptions).
 */
struct StorePolicy
{
    Q_DECLARE_TR_FUNCTIONS(StorePolicy)

public:
    // Ticket colours by age (Fresh KDS uses 5 and 8 min; the example 8 and 12).
    int warnAfterMinutes = 8;
    int lateAfterMinutes = 12;
    int defaultPrepMinutes = 15; // the preselected prep-time quote when accepting

    // Stations the store's items are routed to, in the order the screens cycle through them.
    QStringList stations{QStringLiteral("grill"), QStringLiteral("fry"), QStringLiteral("cold"),
                         QStringLiteral("bar")};
    // Which items go to which station, the first that matches; a line no route takes keeps the
    // station its source gave it (ItemRouting).
    QList<StationRoute> routes;

    // Reasons offered when rejecting an order (the cook can still type another).
    QStringList rejectReasons{tr("Kitchen is closing"), tr("Too busy"), tr("Item unavailable"),
                              tr("Cannot meet the requested time"), tr("Suspected fraud")};

    // A feed (platform, each POS) quiet for this long while the store is open raises an alarm.
    int feedQuietMinutes = 3;
    QStringList expectedFeeds{QStringLiteral("platform")};
    QTime opensAt{0, 0}; // opensAt == closesAt: open around the clock
    QTime closesAt{0, 0};

    /** The age at which a ticket turns amber, in ms. */
    qint64 warnAfterMs() const { return qint64(warnAfterMinutes) * 60 * 1000; }
    /** The age at which an order not yet ready is late, in ms. */
    qint64 lateAfterMs() const { return qint64(lateAfterMinutes) * 60 * 1000; }
    /** How long a feed may stay quiet while the store is open, in ms. */
    qint64 feedQuietMs() const { return qint64(feedQuietMinutes) * 60 * 1000; }
    /** The prep-time quote, in ms. */
    qint64 defaultPrepMs() const { return qint64(defaultPrepMinutes) * 60 * 1000; }

    friend bool operator==(const StorePolicy &a, const StorePolicy &b)
    {
        return a.warnAfterMinutes == b.warnAfterMinutes && a.lateAfterMinutes == b.lateAfterMinutes
                && a.defaultPrepMinutes == b.defaultPrepMinutes && a.stations == b.stations
                && a.routes == b.routes && a.rejectReasons == b.rejectReasons
                && a.feedQuietMinutes == b.feedQuietMinutes
                && a.expectedFeeds == b.expectedFeeds && a.opensAt == b.opensAt
                && a.closesAt == b.closesAt;
    }
    friend bool operator!=(const StorePolicy &a, const StorePolicy &b) { return !(a == b); }
};
