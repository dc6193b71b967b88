// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dashboardcharts.h"
#include "figuretile.h"
#include "metrics/metricsreport.h"
#include "metrics/metricssettings.h"

#include <QHash>
#include <QWidget>

class QChart;

/**
 * The dashboard's first page: the headline figures as tiles a manager reads in ten seconds, and
 * the four charts under them. Filled from each report as it comes.
 */
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    enum class Tile {
        Orders,
        SpeedOfService,
        HandedOver,
        Late,
        Alerts,
        Stuck,
        Recalls,
        Rejected,
        Cancelled,
        Refused,
    };

    /** One headline figure in words: what the tile shows, and what the printed summary lists. */
    struct Headline
    {
        Tile tile = Tile::Orders;
        QString caption;
        QString value;
        QString detail;
        FigureTile::Tone tone = FigureTile::Tone::Plain;
    };

    explicit OverviewPage(QWidget *parent = nullptr);

    /** The ten headline figures of report, judged by settings, in the tiles' order. */
    static QList<Headline> headlines(const MetricsReport &report, const MetricsSettings &settings);
    static QString caption(Tile tile);

    /** The thresholds the tiles are judged by (the report's own). */
    void setSettings(const MetricsSettings &settings) { m_settings = settings; }
    void setReport(const MetricsReport &report);

    const FigureTile *tile(Tile tile) const { return m_tiles.value(tile); }
    const QChart *chart(DashboardCharts::Kind kind) const { return m_charts.value(kind); }

private:
    void addTile(Tile tile, int row, int column);

    MetricsSettings m_settings;
    QHash<Tile, FigureTile *> m_tiles;
    QHash<DashboardCharts::Kind, QChart *> m_charts;
    class QGridLayout *m_tileGrid = nullptr;
};
