// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "figureaccumulator.h"

namespace {
void sample(SortedSamples &samples, const std::optional<qint64> &value, int sign)
{
    if (!value)
        return;
    if (sign > 0)
        samples.add(*value);
    else
        samples.remove(*value);
}
} // namespace

void FigureAccumulator::addOrder(const OrderFigures &order, int sign,
                                 const MetricsSettings &settings)
{
    FigureSet &s = m_set;
    s.orders += sign;
    s.inState[OrderTimeline::index(order.state)] += sign;
    for (int i = 0; i < OrderTimeline::stateCount; ++i)
        sample(m_timeIn[i], order.timeIn[i], sign);
    sample(m_toReady, order.toReady, sign);
    sample(m_toHandedOver, order.toHandedOver, sign);
    for (const OrderFigures::StationTime &station : order.stations)
        sample(m_stationTime, station.firedToDone, sign);
    for (const OrderFigures::LineTime &line : order.lines) {
        sample(m_lineFiredToDone, line.firedToDone, sign);
        sample(m_lineStartedToDone, line.startedToDone, sign);
    }

    if (order.ticketable) {
        s.ticketable += sign;
        if (order.ticketTime) {
            s.alert1 += *order.ticketTime >= settings.warnAfterMs ? sign : 0;
            s.alert2 += *order.ticketTime >= settings.lateAfterMs ? sign : 0;
        }
    }
    if (order.promised) {
        s.promised += sign;
        s.late += order.late.value_or(false) ? sign : 0;
    }
    s.recalls += sign * order.recalls;
    s.transitions += sign * order.transitions;
    s.refusals += sign * order.refusals;
    s.unusable += sign * order.unusable;
    s.cancelled += order.cancelled ? sign : 0;
    s.cancelledMidPrep += order.cancelledMidPrep ? sign : 0;
    if (order.rejected) {
        s.rejected += sign;
        int &count = s.rejectReasons[order.endReason];
        count += sign;
        if (count == 0)
            s.rejectReasons.remove(order.endReason);
    }
}

void FigureAccumulator::addStationWork(const OrderFigures &order, const QString &station,
                                       int sign)
{
    m_set.orders += sign;
    m_set.inState[OrderTimeline::index(order.state)] += sign;
    for (const OrderFigures::StationTime &done : order.stations) {
        if (done.station == station)
            sample(m_stationTime, done.firedToDone, sign);
    }
    for (const OrderFigures::LineTime &line : order.lines) {
        if (line.station != station)
            continue;
        sample(m_lineFiredToDone, line.firedToDone, sign);
        sample(m_lineStartedToDone, line.startedToDone, sign);
    }
}

FigureSet FigureAccumulator::figures() const
{
    FigureSet set = m_set;
    for (int i = 0; i < OrderTimeline::stateCount; ++i)
        set.timeIn[i] = m_timeIn[i].distribution();
    set.toReady = m_toReady.distribution();
    set.toHandedOver = m_toHandedOver.distribution();
    set.stationTime = m_stationTime.distribution();
    set.lineFiredToDone = m_lineFiredToDone.distribution();
    set.lineStartedToDone = m_lineStartedToDone.distribution();
    return set;
}
