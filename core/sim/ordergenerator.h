// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QRandomGenerator>
#include <QString>

/**
 * Makes realistic orders for the demo, the simulator and benchmarks: several items with modifiers,
 * allergens and stations, mixed order types. Seeded, so a run can be repeated.
 */
class OrderGenerator final
{
public:
    OrderGenerator(const QString &storeId, quint32 seed);

    /** The next order, placed at placedAtMs, with a fresh id and the next ticket number. */
    Order next(qint64 placedAtMs);

    /** The share (0–100 %) of orders scheduled 30–90 minutes ahead; none by default. */
    void setScheduledPercent(int percent) { m_scheduledPercent = qBound(0, percent, 100); }

    static constexpr int simulatorScheduledPercent = 10;

private:
    QString m_storeId;
    QRandomGenerator m_random;
    // Its own stream, so turning scheduling on leaves every other field of a seeded run alone.
    QRandomGenerator m_scheduleRandom;
    int m_scheduledPercent = 0;
    int m_nextNumber = 101;
};
