// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "figureset.h"
#include "metricssettings.h"
#include "orderfigures.h"

#include <QHash>

/**
 * The running sums and sorted durations behind one FigureSet. Each order's figures are added
 * once and taken back (sign -1) before they change, so the totals always equal a fold over the
 * orders as they are now.
 */
class FigureAccumulator final
{
public:
    /** Adds (sign 1) or takes back (sign -1) a whole order. */
    void addOrder(const OrderFigures &order, int sign, const MetricsSettings &settings);
    /** Adds or takes back what one station did on an order (the station's group). */
    void addStationWork(const OrderFigures &order, const QString &station, int sign);

    bool isEmpty() const { return m_set.orders == 0; }
    /** The figures as they stand, without the judgements that depend on the time now. */
    FigureSet figures() const;

private:
    FigureSet m_set; // counters; its distributions are filled from the samples on demand
    std::array<SortedSamples, OrderTimeline::stateCount> m_timeIn;
    SortedSamples m_toReady;
    SortedSamples m_toHandedOver;
    SortedSamples m_stationTime;
    SortedSamples m_lineFiredToDone;
    SortedSamples m_lineStartedToDone;
};
