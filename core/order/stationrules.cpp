// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationrules.h"

#include <algorithm>

namespace {
QString orderLabel(const Order &order)
{
    return order.number.isEmpty() ? order.id : order.number;
}

void insertSorted(QList<int> &indexes, int index)
{
    const auto at = std::lower_bound(indexes.begin(), indexes.end(), index);
    if (at == indexes.end() || *at != index)
        indexes.insert(at, index);
}

// A station is done exactly when all its lines are; a done station's lines are not also listed
// one by one, so one order has one way of saying it.
void settle(Order &order)
{
    for (const QString &station : StationRules::stationsOf(order)) {
        if (order.stationsDone.contains(station))
            continue;
        const QList<int> lines = StationRules::linesAt(order, station);
        if (std::all_of(lines.cbegin(), lines.cend(),
                        [&order](int line) { return order.itemsDone.contains(line); }))
            order.stationsDone.append(station);
    }
    order.itemsDone.removeIf([&order](int line) {
        const QString &station = order.items.at(line).station;
        return !station.isEmpty() && order.stationsDone.contains(station);
    });
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

QList<int> StationRules::linesAt(const Order &order, const QString &station)
{
    QList<int> lines;
    for (int i = 0; i < order.items.size(); ++i) {
        if (order.items.at(i).station == station)
            lines.append(i);
    }
    return lines;
}

bool StationRules::allDone(const Order &order)
{
    for (int i = 0; i < order.items.size(); ++i) {
        if (!order.isItemDone(i))
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

Verdict StationRules::checkLine(const Order &order, int index, const QString &name, bool done)
{
    const QString label = orderLabel(order);
    if (!workingStates().contains(order.state)) {
        const Refusal refusal =
            OrderStates::isFinal(order.state) ? Refusal::FinalState : Refusal::NoSuchStep;
        return {refusal,
                done ? tr("Order %1 is %2; items can only be marked done while it is being "
                          "prepared.")
                           .arg(label, OrderStates::displayName(order.state))
                     : tr("Order %1 is %2; recall it first to reopen %3.")
                           .arg(label, OrderStates::displayName(order.state), name)};
    }
    if (index < 0 || index >= order.items.size() || order.items.at(index).name != name) {
        return {Refusal::NoSuchStep,
                tr("Order %1 was changed: %2 is no longer where it was. Look again and retry.")
                        .arg(label, name)};
    }
    const bool isDone = order.isItemDone(index);
    if (done && isDone)
        return {Refusal::AlreadyThere,
                tr("%1 on order %2 is already marked done.").arg(name, label)};
    if (!done && !isDone)
        return {Refusal::AlreadyThere, tr("%1 on order %2 is still to make.").arg(name, label)};
    return Verdict::allow();
}

void StationRules::markLine(Order &order, int index, bool done)
{
    const QString station = order.items.at(index).station;
    if (done) {
        insertSorted(order.itemsDone, index);
    } else {
        // Reopening one line of a done station leaves its other lines done.
        if (!station.isEmpty() && order.stationsDone.removeAll(station) > 0) {
            for (int line : linesAt(order, station))
                insertSorted(order.itemsDone, line);
        }
        order.itemsDone.removeAll(index);
    }
    settle(order);
}

void StationRules::markStation(Order &order, const QString &station, bool done)
{
    const QList<int> lines = linesAt(order, station);
    if (done) {
        order.stationsDone.append(station);
    } else {
        order.stationsDone.removeAll(station);
        order.itemsDone.removeIf([&lines](int line) { return lines.contains(line); });
    }
    settle(order);
}

void StationRules::carryOver(Order &order, const QList<OrderItem> &newItems)
{
    // Pair each new line with an identical old one, an open one first: when one of two identical
    // lines goes, a cook must not see the survivor struck through while it is still to make.
    QList<bool> taken(order.items.size(), false);
    const auto pair = [&](const OrderItem &item, bool done) {
        for (int i = 0; i < order.items.size(); ++i) {
            if (!taken.at(i) && order.isItemDone(i) == done && order.items.at(i) == item) {
                taken[i] = true;
                return true;
            }
        }
        return false;
    };
    QList<int> done;
    for (int j = 0; j < newItems.size(); ++j) {
        if (!pair(newItems.at(j), false) && pair(newItems.at(j), true))
            done.append(j);
    }
    const QStringList previous = order.stationsDone;
    order.items = newItems;
    order.itemsDone = done;
    order.stationsDone.clear();
    // Stations still finished keep their place in the order they were bumped.
    for (const QString &station : previous) {
        const QList<int> lines = linesAt(order, station);
        if (!lines.isEmpty()
            && std::all_of(lines.cbegin(), lines.cend(),
                           [&done](int line) { return done.contains(line); }))
            order.stationsDone.append(station);
    }
    settle(order);
}

std::optional<OrderEvent> StationRules::finishingMark(const QList<OrderEvent> &events)
{
    std::optional<OrderEvent> finishing;
    for (const OrderEvent &event : events) {
        const bool marksDone =
            (event.kind == EventKind::StationBumped || event.kind == EventKind::ItemDone)
            && event.payload.value(QStringLiteral("done")).toBool();
        if (marksDone
            && (!finishing || event.occurredAt > finishing->occurredAt
                || (event.occurredAt == finishing->occurredAt && event.id > finishing->id)))
            finishing = event;
    }
    return finishing;
}

bool StationWork::isDone(const Order &order) const
{
    if (isLine())
        return line < order.items.size() && order.isItemDone(line);
    return order.stationsDone.contains(station);
}

Verdict StationWork::check(const Order &order, bool done) const
{
    return isLine() ? StationRules::checkLine(order, line, name, done)
                    : StationRules::check(order, station, done);
}

OrderEvent StationWork::event(const Order &order, bool done, const Actor &actor,
                              const QString &origin, qint64 occurredAt) const
{
    return isLine() ? OrderEvent::itemDone(order, line, done, actor, origin, occurredAt)
                    : OrderEvent::stationBumped(order, station, done, actor, origin, occurredAt);
}
