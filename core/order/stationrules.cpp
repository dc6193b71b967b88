// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationrules.h"

namespace {
QString orderLabel(const Order &order)
{
    return order.number.isEmpty() ? order.id : order.number;
}
} // namespace

const QList<OrderState> &StationRules::workingStates()
{
    static const QList<OrderState> states {OrderState::Accepted, OrderState::Preparing};
    return states;
}

QStringList StationRules::stationsOf(const Order &order)
{
    QStringList stations;
    for (const OrderItem &item : order.items) {
        if (!item.station.isEmpty() && !stations.contains(item.station))
            stations.append(item.station);
    }
    return stations;
}

QStringList StationRules::openStations(const Order &order)
{
    QStringList open = stationsOf(order);
    open.removeIf(
        [&order](const QString &station) { return order.stationsDone.contains(station); });
    return open;
}

bool StationRules::isOpenAt(const Order &order, const QString &station)
{
    return !order.stationsDone.contains(station) && stationsOf(order).contains(station);
}

bool StationRules::allDone(const Order &order)
{
    for (const OrderItem &item : order.items) {
        if (item.station.isEmpty() || !order.stationsDone.contains(item.station))
            return false;
    }
    return !order.items.isEmpty();
}

Verdict StationRules::check(const Order &order, const QString &station, bool done)
{
    const QString label = orderLabel(order);
    if (station.trimmed().isEmpty())
        return {Refusal::NoSuchStep, tr("Choose a station first.")};
    if (!workingStates().contains(order.state)) {
        const Refusal refusal =
            OrderStates::isFinal(order.state) ? Refusal::FinalState : Refusal::NoSuchStep;
        return {refusal,
                done ? tr("Order %1 is %2; stations can only bump orders being prepared.")
                           .arg(label, OrderStates::displayName(order.state))
                     : tr("Order %1 is %2; recall it first to reopen %3.")
                           .arg(label, OrderStates::displayName(order.state), station)};
    }
    if (!stationsOf(order).contains(station)) {
        return {Refusal::NoSuchStep, tr("Order %1 has nothing for %2.").arg(label, station)};
    }
    const bool isDone = order.stationsDone.contains(station);
    if (done && isDone)
        return {Refusal::AlreadyThere, tr("%1 is already done on order %2.").arg(station, label)};
    if (!done && !isDone)
        return {Refusal::AlreadyThere, tr("%1 is still open on order %2.").arg(station, label)};
    return Verdict::allow();
}
