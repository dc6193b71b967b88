// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QTimeZone>

/**
 * The orders a report covers: those placed in [from, to) (UTC ms). An order belongs to the day it
 * was placed, so one placed at 23:50 and ready at 00:10 counts on its first day. Days run from
 * local midnight to local midnight in the store's time zone, so a day with a clock change has 23
 * or 25 hours.
 */
struct MetricsWindow
{
    enum class Kind {
        LastHour, // slides with the clock
        Today, // the local day of now: moves on at midnight
        Days, // whole local days, from first to last
    };

    Kind kind = Kind::Days;
    qint64 from = 0;
    qint64 to = 0;
    QDate first; // for Days
    QDate last;

    bool contains(qint64 utcMs) const { return utcMs >= from && utcMs < to; }

    /** The hour before now. */
    static MetricsWindow lastHour(qint64 nowMs);
    /** The local days first to last (inclusive) in zone. */
    static MetricsWindow days(QDate first, QDate last, const QTimeZone &zone);
    /** The local day that holds nowMs. */
    static MetricsWindow today(qint64 nowMs, const QTimeZone &zone);
    /** The same choice as of nowMs: the last hour and today move with the clock, days do not. */
    MetricsWindow at(qint64 nowMs, const QTimeZone &zone) const;

    friend bool operator==(const MetricsWindow &a, const MetricsWindow &b)
    {
        return a.kind == b.kind && a.from == b.from && a.to == b.to;
    }
};
