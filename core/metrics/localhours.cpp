// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localhours.h"

#include <QDateTime>

int LocalHours::hourOf(qint64 utcMs)
{
    const qint64 quarter = utcMs >= 0 ? utcMs / quarterMs : (utcMs - quarterMs + 1) / quarterMs;
    auto it = m_offsetSeconds.constFind(quarter);
    if (it == m_offsetSeconds.cend()) {
        const int offset = m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(quarter * quarterMs,
                                                                                QTimeZone::utc()));
        it = m_offsetSeconds.insert(quarter, offset);
    }
    constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
    const qint64 local = utcMs + qint64(*it) * 1000;
    const qint64 intoDay = ((local % dayMs) + dayMs) % dayMs;
    return int(intoDay / (60 * 60 * 1000));
}
