// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricsreport.h"

#include <QList>
#include <QString>

class QChart;

/**
 * The dashboard's four charts, filled from a report: used by the live window and by the printed
 * report, so both show the same thing. Times are in minutes.
 */
namespace DashboardCharts {

enum class Kind {
    Flow, // orders entering new, ready, handed over and cancelled, by hour of the day
    SpeedByHour, // placed → ready, median and 90th percentile, by the hour orders were placed
    TimeInState, // median and 90th percentile time in each working state
    Stations, // a station's work (fired → done), median and 90th percentile per station
};

const QList<Kind> &all();
QString title(Kind kind);
/** Replaces chart's series and axes with what report shows for kind. */
void fill(QChart *chart, Kind kind, const MetricsReport &report);
/** The hours worth showing: from the first with any order to the last, at least a few. */
QList<int> activeHours(const MetricsReport &report);

} // namespace DashboardCharts
