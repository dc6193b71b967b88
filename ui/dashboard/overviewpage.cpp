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
    for (int index = 0; index <= int(Tile::Refused); ++index)
        addTile(Tile(index), index / 5, index % 5);

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

QString OverviewPage::caption(Tile tile)
{
    switch (tile) {
    case Tile::Orders:
        return tr("Orders");
    case Tile::SpeedOfService:
        return tr("Placed to ready");
    case Tile::HandedOver:
        return tr("Placed to handed over");
    case Tile::Late:
        return tr("Late against the promise");
    case Tile::Alerts:
        return tr("Tickets past amber / red");
    case Tile::Stuck:
        return tr("Stuck now");
    case Tile::Recalls:
        return tr("Recalls");
    case Tile::Rejected:
        return tr("Rejected");
    case Tile::Cancelled:
        return tr("Cancelled");
    case Tile::Refused:
        return tr("Refused by the platform");
    }
    return {};
}

void OverviewPage::addTile(Tile tile, int row, int column)
{
    auto *widget = new FigureTile(caption(tile), this);
    m_tileGrid->addWidget(widget, row, column);
    m_tiles.insert(tile, widget);
}

void OverviewPage::setReport(const MetricsReport &report)
{
    for (const Headline &headline : headlines(report, m_settings))
        m_tiles[headline.tile]->setValue(headline.value, headline.detail, headline.tone);
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it)
        DashboardCharts::fill(it.value(), it.key(), report);
}

QList<OverviewPage::Headline> OverviewPage::headlines(const MetricsReport &report,
                                                      const MetricsSettings &settings)
{
    using Tone = FigureTile::Tone;
    const FigureSet &all = report.all;
    const auto elapsed = [](qint64 ms) { return TicketFormat::elapsed(ms); };
    QList<Headline> lines;
    const auto add = [&lines](Tile tile, const QString &value, const QString &detail,
                              Tone tone = Tone::Plain) {
        lines.append({tile, caption(tile), value, detail, tone});
    };

    add(Tile::Orders, QString::number(all.orders), tr("%1 open now").arg(openNow(all)));

    const Distribution &ready = all.toReady;
    const Tone speedTone = ready.count == 0 ? Tone::Plain
            : ready.median >= settings.lateAfterMs ? Tone::Alarm
            : ready.median >= settings.warnAfterMs ? Tone::Attention
                                                   : Tone::Plain;
    add(Tile::SpeedOfService, ready.count ? elapsed(ready.median) : QStringLiteral("–"),
        ready.count ? tr("median · 90 % within %1 · fastest %2 · slowest %3")
                              .arg(elapsed(ready.p90), elapsed(ready.fastest),
                                   elapsed(ready.slowest))
                    : tr("no order ready yet"),
        speedTone);

    const Distribution &handed = all.toHandedOver;
    add(Tile::HandedOver, handed.count ? elapsed(handed.median) : QStringLiteral("–"),
        handed.count ? tr("median · 90 % within %1").arg(elapsed(handed.p90))
                     : tr("no order handed over yet"));

    add(Tile::Late, percent(all.late, all.promised),
        tr("%1 of %2 orders with a promised time").arg(all.late).arg(all.promised),
        all.late > 0 ? Tone::Attention : Tone::Plain);

    add(Tile::Alerts,
        percent(all.alert1, all.ticketable) + QStringLiteral(" / ")
                + percent(all.alert2, all.ticketable),
        tr("%1 amber (over %2 min), %3 red (over %4 min) of %5")
                .arg(all.alert1).arg(settings.warnAfterMs / 60000).arg(all.alert2)
                .arg(settings.lateAfterMs / 60000).arg(all.ticketable),
        all.alert2 > 0 ? Tone::Attention : Tone::Plain);

    const QString longest = report.stuck.isEmpty()
            ? tr("nothing is stuck")
            : tr("longest: #%1, %2 for %3")
                      .arg(report.stuck.first().number,
                           TicketFormat::stateCaption(report.stuck.first().state),
                           elapsed(report.computedAt - report.stuck.first().since));
    add(Tile::Stuck, QString::number(report.stuck.size()), longest,
        report.stuck.isEmpty() ? Tone::Plain : Tone::Alarm);

    add(Tile::Recalls, QString::number(all.recalls),
        tr("%1 of orders").arg(percent(all.recalls, all.orders)));
    add(Tile::Rejected, QString::number(all.rejected),
        all.rejected ? topReasons(all.rejectReasons) : QString());
    add(Tile::Cancelled, QString::number(all.cancelled),
        tr("%1 after cooking started").arg(all.cancelledMidPrep));
    add(Tile::Refused, QString::number(all.refusals),
        tr("%1 of %2 changes").arg(percent(all.refusals, all.transitions)).arg(all.transitions),
        all.refusals > 0 ? Tone::Attention : Tone::Plain);
    return lines;
}
