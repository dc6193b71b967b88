// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QTimeZone>

/**
 * The local hour of the day of a UTC time in one zone, remembered per quarter of an hour: every
 * zone's offset is a whole number of quarter hours and changes on a quarter-hour boundary, so one
 * zone lookup serves every event in the same quarter (a month of events needs a few thousand,
 * not one per event).
 */
class LocalHours final
{
public:
    explicit LocalHours(const QTimeZone &zone)
        : m_zone(zone)
    { }

    /** 0–23: the hour on the zone's clock at utcMs. */
    int hourOf(qint64 utcMs);

private:
    static constexpr qint64 quarterMs = 15 * 60 * 1000;

    QTimeZone m_zone;
    QHash<qint64, int> m_offsetSeconds; // by quarter hour since the epoch
};
