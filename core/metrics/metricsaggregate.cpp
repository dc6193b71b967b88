// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsaggregate.h"

#include <algorithm>

namespace {
QSet<QString> stationsOf(const OrderFigures &order)
{
    QSet<QString> stations;
    for (const OrderFigures::StationTime &station : order.stations)
        stations.insert(station.station);
    for (const OrderFigures::LineTime &line : order.lines) {
        if (!line.station.isEmpty())
            stations.insert(line.station);
    }
    return stations;
}

template<typename Key>
QMap<Key, FigureSet> figuresOf(const QMap<Key, FigureAccumulator> &groups)
{
    QMap<Key, FigureSet> result;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        if (!it.value().isEmpty())
            result.insert(it.key(), it.value().figures());
    }
    return result;
}
} // namespace

MetricsAggregate::MetricsAggregate(const MetricsWindow &window, const MetricsSettings &settings)
    : m_window(window)
    , m_settings(settings)
    , m_hours(settings.zone)
{ }

void MetricsAggregate::reset(const QHash<QString, OrderTimeline> &timelines)
{
    m_figures.clear();
    m_open.clear();
    m_all = {};
    m_byType.clear();
    m_bySource.clear();
    m_byStation.clear();
    m_byHour = {};
    m_flow = {};
    for (auto it = timelines.cbegin(); it != timelines.cend(); ++it)
        update(it.key(), it.value());
}

void MetricsAggregate::update(const QString &orderId, const OrderTimeline &timeline)
{
    const auto previous = m_figures.constFind(orderId);
    if (previous != m_figures.cend()) {
        apply(*previous, -1);
        m_figures.erase(previous);
        m_open.remove(orderId);
    }
    if (!timeline.isPlaced() || !m_window.contains(timeline.placedAt()))
        return;
    OrderFigures figures = OrderFigures::of(orderId, timeline, m_hours);
    apply(figures, 1);
    if (figures.open() || m_settings.stuckAfter(figures.state) > 0)
        m_open.insert(orderId);
    m_figures.insert(orderId, std::move(figures));
}

void MetricsAggregate::apply(const OrderFigures &order, int sign)
{
    m_all.addOrder(order, sign, m_settings);
    m_byType[order.type].addOrder(order, sign, m_settings);
    m_bySource[order.source].addOrder(order, sign, m_settings);
    m_byHour[std::size_t(order.hour)].addOrder(order, sign, m_settings);
    for (const QString &station : stationsOf(order))
        m_byStation[station].addStationWork(order, station, sign);
    for (const auto &[hour, state] : order.entries)
        m_flow[std::size_t(hour)][std::size_t(state)] += sign;
}

MetricsReport MetricsAggregate::report(qint64 nowMs, qint64 lastSeq) const
{
    MetricsReport report;
    report.window = m_window;
    report.computedAt = nowMs;
    report.lastSeq = lastSeq;
    report.all = m_all.figures();
    report.byType = figuresOf(m_byType);
    report.bySource = figuresOf(m_bySource);
    report.byStation = figuresOf(m_byStation);
    for (std::size_t hour = 0; hour < m_byHour.size(); ++hour)
        report.byHour[hour] = m_byHour[hour].figures();
    report.flow = m_flow;
    for (const QString &orderId : m_open)
        judgeOpen(m_figures.value(orderId), nowMs, report);
    const auto longestFirst = [](const WatchedOrder &a, const WatchedOrder &b) {
        return a.since != b.since ? a.since < b.since : a.orderId < b.orderId;
    };
    std::sort(report.stuck.begin(), report.stuck.end(), longestFirst);
    std::sort(report.late.begin(), report.late.end(), longestFirst);
    return report;
}

// What an open order adds as of now: a ticket still in the kitchen has the age it has reached,
// and an order past its promise and not yet ready is late already.
void MetricsAggregate::judgeOpen(const OrderFigures &order, qint64 nowMs,
                                 MetricsReport &report) const
{
    QList<FigureSet *> groups{&report.all, &report.byType[order.type],
                              &report.bySource[order.source], &report.byHour[order.hour]};
    const WatchedOrder watched{order.orderId, order.number,  order.state,         order.stateSince,
                               order.placedAt, order.promisedAt, WatchedOrder::Why::Stuck};
    bool late = false;
    if (order.inKitchen() && order.ticketable && !order.ticketTime) {
        const qint64 age = nowMs - order.placedAt;
        const bool pastPromise = order.promised && nowMs > order.promisedAt;
        for (FigureSet *set : groups) {
            set->alert1 += age >= m_settings.warnAfterMs ? 1 : 0;
            set->alert2 += age >= m_settings.lateAfterMs ? 1 : 0;
            set->late += pastPromise ? 1 : 0;
        }
        late = pastPromise || age >= m_settings.lateAfterMs;
    }
    if (late) {
        WatchedOrder lateOrder = watched;
        lateOrder.why = WatchedOrder::Why::Late;
        report.late.append(lateOrder);
    }
    const qint64 stuckAfter = m_settings.stuckAfter(order.state);
    if (stuckAfter > 0 && nowMs - order.stateSince >= stuckAfter)
        report.stuck.append(watched);
}
