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

private:
    QString m_storeId;
    QRandomGenerator m_random;
    int m_nextNumber = 101;
};
