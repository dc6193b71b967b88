// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcharts.h"

#include "shared/ticketformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
double minutes(qint64 ms)
{
    return double(ms) / 60000.0;
}

std::size_t slot(OrderState state)
{
    return std::size_t(state);
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// Bars over categories, one set per name; values[set][category]. A chart that already shows
// exactly these is left alone: reports come with every event and every tick, and a chart rebuilt
// each time would never finish laying out its axes and legend.
void bars(QChart *chart, const QStringList &categories, const QStringList &sets,
          const QList<QList<double>> &values, const QString &valueTitle)
{
    QStringList shown{categories.join(QLatin1Char('|')), sets.join(QLatin1Char('|')), valueTitle};
    for (const QList<double> &row : values)
        for (double value : row)
            shown << QString::number(value);
    const QString signature = shown.join(QLatin1Char(';'));
    if (!chart->series().isEmpty() && chart->property("kcShown").toString() == signature)
        return;
    clear(chart);
    chart->setProperty("kcShown", signature);
    auto *series = new QBarSeries;
    double top = 0;
    for (qsizetype i = 0; i < sets.size(); ++i) {
        auto *set = new QBarSet(sets.at(i));
        for (double value : values.at(i)) {
            *set << value;
            top = std::max(top, value);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    // Whole steps of 1, 2 or 5 times a power of ten, at most about six of them: whole labels
    // that never repeat (orders come in ones, times read in whole minutes).
    double step = 1;
    for (double scale = 1; step * 6 < top; scale *= 10) {
        for (double factor : {1.0, 2.0, 5.0}) {
            step = factor * scale;
            if (step * 6 >= top)
                break;
        }
    }
    y->setRange(0, std::max(step, std::ceil(top / step) * step));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(valueTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

QString hourLabel(int hour)
{
    return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
}
} // namespace

namespace DashboardCharts {

const QList<Kind> &all()
{
    static const QList<Kind> kinds{Kind::Flow, Kind::SpeedByHour, Kind::TimeInState,
                                   Kind::Stations};
    return kinds;
}

QString title(Kind kind)
{
    switch (kind) {
    case Kind::Flow:
        return QCoreApplication::translate("DashboardCharts", "Orders by hour");
    case Kind::SpeedByHour:
        return QCoreApplication::translate("DashboardCharts", "Time to ready by hour placed (min)");
    case Kind::TimeInState:
        return QCoreApplication::translate("DashboardCharts", "Time in each state (min)");
    case Kind::Stations:
        return QCoreApplication::translate("DashboardCharts", "Station times, fired to done (min)");
    }
    return {};
}

QList<int> activeHours(const MetricsReport &report)
{
    int first = 24;
    int last = -1;
    for (int hour = 0; hour < 24; ++hour) {
        const auto &row = report.flow[std::size_t(hour)];
        const bool active = report.byHour[std::size_t(hour)].orders > 0
                || std::any_of(row.cbegin(), row.cend(), [](int count) { return count > 0; });
        if (active) {
            first = std::min(first, hour);
            last = std::max(last, hour);
        }
    }
    if (last < 0) {
        first = 11;
        last = 14;
    }
    while (last - first < 3) { // a lone hour reads better among its neighbours
        if (first > 0)
            --first;
        if (last - first < 3 && last < 23)
            ++last;
    }
    QList<int> hours;
    for (int hour = first; hour <= last; ++hour)
        hours.append(hour);
    return hours;
}

void fill(QChart *chart, Kind kind, const MetricsReport &report)
{
    chart->setTitle(title(kind));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QStringList percentiles{QCoreApplication::translate("DashboardCharts", "Median"), QCoreApplication::translate("DashboardCharts", "90th percentile")};
    switch (kind) {
    case Kind::Flow: {
        QStringList hours;
        QList<QList<double>> values(4);
        for (int hour : activeHours(report)) {
            const auto &row = report.flow[std::size_t(hour)];
            hours << hourLabel(hour);
            values[0] << row[slot(OrderState::Placed)];
            values[1] << row[slot(OrderState::Ready)];
            values[2] << row[slot(OrderState::PickedUp)] + row[slot(OrderState::OutForDelivery)];
            values[3] << row[slot(OrderState::Cancelled)] + row[slot(OrderState::Rejected)];
        }
        bars(chart, hours,
             {QCoreApplication::translate("DashboardCharts", "New"), QCoreApplication::translate("DashboardCharts", "Ready"), QCoreApplication::translate("DashboardCharts", "Handed over"), QCoreApplication::translate("DashboardCharts", "Cancelled or rejected")}, values,
             QCoreApplication::translate("DashboardCharts", "orders"));
        return;
    }
    case Kind::SpeedByHour: {
        QStringList hours;
        QList<QList<double>> values(2);
        for (int hour : activeHours(report)) {
            const Distribution &toReady = report.byHour[std::size_t(hour)].toReady;
            hours << hourLabel(hour);
            values[0] << minutes(toReady.median);
            values[1] << minutes(toReady.p90);
        }
        bars(chart, hours, percentiles, values, QCoreApplication::translate("DashboardCharts", "min"));
        return;
    }
    case Kind::TimeInState: {
        QStringList states;
        QList<QList<double>> values(2);
        for (OrderState state : {OrderState::Placed, OrderState::Accepted, OrderState::Preparing,
                                 OrderState::Ready, OrderState::OutForDelivery}) {
            const Distribution &held = report.all.timeIn[slot(state)];
            states << TicketFormat::stateCaption(state);
            values[0] << minutes(held.median);
            values[1] << minutes(held.p90);
        }
        bars(chart, states, percentiles, values, QCoreApplication::translate("DashboardCharts", "min"));
        return;
    }
    case Kind::Stations: {
        QStringList stations;
        QList<QList<double>> values(2);
        for (auto it = report.byStation.cbegin(); it != report.byStation.cend(); ++it) {
            stations << it.key();
            values[0] << minutes(it.value().stationTime.median);
            values[1] << minutes(it.value().stationTime.p90);
        }
        if (stations.isEmpty())
            chart->setTitle(title(kind) + QStringLiteral(" — ") + QCoreApplication::translate("DashboardCharts", "no station bumps yet"));
        bars(chart, stations, percentiles, values, QCoreApplication::translate("DashboardCharts", "min"));
        return;
    }
    }
}

} // namespace DashboardCharts
