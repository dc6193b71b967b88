// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "figuretile.h"
#include "shared/ticketformat.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QVBoxLayout>

namespace {
QString percent(int part, int whole)
{
    return QStringLiteral("%1 %").arg(FigureSet::percent(part, whole), 0, 'f', 0);
}

int openNow(const FigureSet &all)
{
    int open = 0;
    for (OrderState state : OrderStates::all()) {
        if (OrderStates::isOpen(state))
            open += all.inState[std::size_t(state)];
    }
    return open;
}

QString topReasons(const QMap<QString, int> &reasons)
{
    QList<std::pair<int, QString>> ranked;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        ranked.append({it.value(), it.key().isEmpty() ? OverviewPage::tr("no reason") : it.key()});
    std::sort(ranked.begin(), ranked.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList text;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, ranked.size()); ++i)
        text << QStringLiteral("%1 %2").arg(ranked.at(i).second).arg(ranked.at(i).first);
    return text.join(QStringLiteral(" · "));
}
} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_tileGrid = new QGridLayout;
    layout->addLayout(m_tileGrid);
    addTile(Tile::Orders, tr("Orders"), 0, 0);
    addTile(Tile::SpeedOfService, tr("Placed to ready"), 0, 1);
    addTile(Tile::HandedOver, tr("Placed to handed over"), 0, 2);
    addTile(Tile::Late, tr("Late against the promise"), 0, 3);
    addTile(Tile::Alerts, tr("Tickets past amber / red"), 0, 4);
    addTile(Tile::Stuck, tr("Stuck now"), 1, 0);
    addTile(Tile::Recalls, tr("Recalls"), 1, 1);
    addTile(Tile::Rejected, tr("Rejected"), 1, 2);
    addTile(Tile::Cancelled, tr("Cancelled"), 1, 3);
    addTile(Tile::Refused, tr("Refused by the platform"), 1, 4);

    auto *charts = new QGridLayout;
    int place = 0;
    for (DashboardCharts::Kind kind : DashboardCharts::all()) {
        auto *chart = new QChart;
        auto *view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 240);
        charts->addWidget(view, place / 2, place % 2);
        m_charts.insert(kind, chart);
        ++place;
    }
    layout->addLayout(charts, 1);
}

void OverviewPage::addTile(Tile tile, const QString &caption, int row, int column)
{
    auto *widget = new FigureTile(caption, this);
    m_tileGrid->addWidget(widget, row, column);
    m_tiles.insert(tile, widget);
}

void OverviewPage::setReport(const MetricsReport &report)
{
    using Tone = FigureTile::Tone;
    const FigureSet &all = report.all;
    const auto elapsed = [](qint64 ms) { return TicketFormat::elapsed(ms); };

    m_tiles[Tile::Orders]->setValue(QString::number(all.orders),
                                    tr("%1 open now").arg(openNow(all)));

    const Distribution &ready = all.toReady;
    const Tone speedTone = ready.count == 0 ? Tone::Plain
            : ready.median >= m_settings.lateAfterMs ? Tone::Alarm
            : ready.median >= m_settings.warnAfterMs ? Tone::Attention
                                                     : Tone::Plain;
    m_tiles[Tile::SpeedOfService]->setValue(
            ready.count ? elapsed(ready.median) : QStringLiteral("–"),
            ready.count ? tr("median · 90 % within %1 · fastest %2 · slowest %3")
                                  .arg(elapsed(ready.p90), elapsed(ready.fastest),
                                       elapsed(ready.slowest))
                        : tr("no order ready yet"),
            speedTone);

    const Distribution &handed = all.toHandedOver;
    m_tiles[Tile::HandedOver]->setValue(
            handed.count ? elapsed(handed.median) : QStringLiteral("–"),
            handed.count ? tr("median · 90 % within %1").arg(elapsed(handed.p90))
                         : tr("no order handed over yet"));

    m_tiles[Tile::Late]->setValue(percent(all.late, all.promised),
                                  tr("%1 of %2 orders with a promised time")
                                          .arg(all.late).arg(all.promised),
                                  all.late > 0 ? Tone::Attention : Tone::Plain);

    m_tiles[Tile::Alerts]->setValue(
            percent(all.alert1, all.ticketable) + QStringLiteral(" / ")
                    + percent(all.alert2, all.ticketable),
            tr("%1 amber (over %2 min), %3 red (over %4 min) of %5")
                    .arg(all.alert1).arg(m_settings.warnAfterMs / 60000).arg(all.alert2)
                    .arg(m_settings.lateAfterMs / 60000).arg(all.ticketable),
            all.alert2 > 0 ? Tone::Attention : Tone::Plain);

    const QString longest = report.stuck.isEmpty()
            ? tr("nothing is stuck")
            : tr("longest: #%1, %2 for %3")
                      .arg(report.stuck.first().number,
                           TicketFormat::stateCaption(report.stuck.first().state),
                           elapsed(report.computedAt - report.stuck.first().since));
    m_tiles[Tile::Stuck]->setValue(QString::number(report.stuck.size()), longest,
                                   report.stuck.isEmpty() ? Tone::Plain : Tone::Alarm);

    m_tiles[Tile::Recalls]->setValue(QString::number(all.recalls),
                                     tr("%1 of orders").arg(percent(all.recalls, all.orders)));
    m_tiles[Tile::Rejected]->setValue(QString::number(all.rejected),
                                      all.rejected ? topReasons(all.rejectReasons) : QString());
    m_tiles[Tile::Cancelled]->setValue(QString::number(all.cancelled),
                                       tr("%1 after cooking started").arg(all.cancelledMidPrep));
    m_tiles[Tile::Refused]->setValue(QString::number(all.refusals),
                                     tr("%1 of %2 changes").arg(percent(all.refusals,
                                                                        all.transitions))
                                             .arg(all.transitions),
                                     all.refusals > 0 ? Tone::Attention : Tone::Plain);

    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it)
        DashboardCharts::fill(it.value(), it.key(), report);
}
