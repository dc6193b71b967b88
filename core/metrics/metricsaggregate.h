// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "figureaccumulator.h"
#include "localhours.h"
#include "metricsreport.h"
#include "metricssettings.h"
#include "orderfigures.h"

#include <QHash>
#include <QMap>
#include <QSet>

/**
 * The figures of one window, kept current one order at a time: when an event changes an order,
 * its old figures are taken back from every group it was in and its new ones added, so a new
 * event costs the same with a month of orders as with one. A report adds only what depends on
 * the time now, over the open orders (and those out for delivery, which can be stuck).
 */
class MetricsAggregate final
{
public:
    MetricsAggregate(const MetricsWindow &window, const MetricsSettings &settings);

    const MetricsWindow &window() const { return m_window; }
    const MetricsSettings &settings() const { return m_settings; }

    /** Starts over from timelines (every order the ledger holds; those outside the window are left out). */
    void reset(const QHash<QString, OrderTimeline> &timelines);
    /** The order changed (or is new): its figures are replaced. */
    void update(const QString &orderId, const OrderTimeline &timeline);
    /** Orders in the window. */
    int orderCount() const { return int(m_figures.size()); }

    /** Every figure as of nowMs; lastSeq is passed through for the report. */
    MetricsReport report(qint64 nowMs, qint64 lastSeq) const;

private:
    void apply(const OrderFigures &order, int sign);
    void judgeOpen(const OrderFigures &order, qint64 nowMs, MetricsReport &report) const;

    MetricsWindow m_window;
    MetricsSettings m_settings;
    LocalHours m_hours;
    QHash<QString, OrderFigures> m_figures; // orders in the window
    // Those still open, or in a state they can be stuck in (on the way to the customer): judged
    // again at each report.
    QSet<QString> m_open;
    FigureAccumulator m_all;
    QMap<OrderType, FigureAccumulator> m_byType;
    QMap<QString, FigureAccumulator> m_bySource;
    QMap<QString, FigureAccumulator> m_byStation;
    std::array<FigureAccumulator, 24> m_byHour;
    std::array<std::array<int, OrderTimeline::stateCount>, 24> m_flow{};
};
