// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QRandomGenerator>
#include <QString>
#include <QUuid>

/**
 * Makes realistic orders for the demo, the simulator and benchmarks: several items with modifiers,
 * allergens and stations, mixed order types. Seeded, so a run can be repeated; ids come from the
 * seed too unless an id namespace of the run's own is set.
 */
class OrderGenerator final
{
public:
    OrderGenerator(const QString &storeId, quint32 seed);

    /** The next order, placed at placedAtMs, with a fresh id and the next ticket number. */
    Order next(qint64 placedAtMs);

    /** The share (0–100 %) of orders scheduled 30–90 minutes ahead; none by default. */
    void setScheduledPercent(int percent) { m_scheduledPercent = qBound(0, percent, 100); }

    /** The next order's ticket number; later ones count on from it. */
    void setNextNumber(qint64 number) { m_nextNumber = number; }

    /**
     * Derives ids from space as well as the seed: the same seed then gives the same orders under
     * other ids, so a second run over the same log or store meets none of the first run's ids.
     */
    void setIdNamespace(const QUuid &space) { m_idNamespace = space; }

    static constexpr int simulatorScheduledPercent = 10;
    static constexpr qint64 firstNumber = 101;

private:
    QString m_storeId;
    QRandomGenerator m_random;
    // Its own stream, so turning scheduling on leaves every other field of a seeded run alone.
    QRandomGenerator m_scheduleRandom;
    int m_scheduledPercent = 0;
    qint64 m_nextNumber = firstNumber;
    QUuid m_idNamespace; // null: ids follow from the seed alone
};
