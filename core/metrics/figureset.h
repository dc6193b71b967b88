// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ordertimeline.h"
#include "sortedsamples.h"

#include <QMap>
#include <QString>

#include <array>

/**
 * The figures of one group of orders (all of them, one order type, one source, one station, one
 * hour of the day) over a report's window. Counts are of orders placed in the window; "now"
 * figures are as of the report's time.
 */
struct FigureSet
{
    int orders = 0;
    std::array<int, OrderTimeline::stateCount> inState{}; // by state now
    std::array<Distribution, OrderTimeline::stateCount> timeIn{}; // completed stays
    Distribution toReady; // speed of service: placed → ready
    Distribution toHandedOver; // placed → picked up or out for delivery
    Distribution stationTime; // a station's work: fired → station done
    Distribution lineFiredToDone; // one line: fired → done
    Distribution lineStartedToDone; // one line: preparing → done

    int ticketable = 0; // orders the kitchen was meant to make (all but rejected)
    int alert1 = 0; // of those, tickets that reached the warning age (amber)
    int alert2 = 0; // … and the late age (red)
    int promised = 0; // orders with a promised time, neither rejected nor cancelled
    int late = 0; // of those, ready after the promise (or past it and still not ready)

    int recalls = 0;
    int rejected = 0;
    int cancelled = 0;
    int cancelledMidPrep = 0;
    int transitions = 0; // state changes attempted, refused ones included
    int refusals = 0; // of those, refused by the platform
    int unusable = 0; // steps whose time went backwards, left out of durations
    QMap<QString, int> rejectReasons;

    /** part as a percentage of whole, 0 when whole is 0. */
    static double percent(int part, int whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }
};
