// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationfiltermodel.h"

#include "order/stationrules.h"
#include "ordermodel.h"

#include <algorithm>

namespace {
bool touches(const ItemChange &change, const QString &station)
{
    return (change.kind != ItemChange::Kind::Removed && change.after.station == station)
        || (change.kind != ItemChange::Kind::Added && change.before.station == station);
}
} // namespace

StationFilterModel::StationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A station bump arrives as dataChanged: the ticket must leave the station's screen at once.
    setDynamicSortFilter(true);
}

void StationFilterModel::setStation(const QString &station)
{
    if (station == m_station)
        return;
    m_station = station;
    // Every ticket's visible items and chips depend on the station, not only which rows pass.
    invalidateFilter();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0),
                           {VisibleItemsRole, ViewStationRole});
    Q_EMIT stationChanged(m_station);
}

void StationFilterModel::setStationOrder(const QStringList &stations)
{
    m_stationOrder = stations;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {StationsRole});
}

void StationFilterModel::setShowsNew(bool shows)
{
    if (shows == m_showsNew)
        return;
    m_showsNew = shows;
    if (!isExpo())
        invalidateFilter();
}

QStringList StationFilterModel::orderedStations(const QStringList &stations) const
{
    // The store's order first (expo finds GRILL in the same place on every ticket), then others.
    QStringList ordered;
    for (const QString &station : m_stationOrder) {
        if (stations.contains(station))
            ordered.append(station);
    }
    for (const QString &station : stations) {
        if (!ordered.contains(station))
            ordered.append(station);
    }
    return ordered;
}

const OrderListModel &StationFilterModel::orders() const
{
    Q_ASSERT(qobject_cast<const OrderListModel *>(sourceModel()));
    return *static_cast<const OrderListModel *>(sourceModel());
}

bool StationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (isExpo())
        return true;
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    const Order &order = orders().orderAt(sourceRow);
    // A new order may yet be rejected or changed: the station starts on it once expo accepts it.
    if (order.state == OrderState::Placed && !m_showsNew)
        return false;
    if (StationRules::isOpenAt(order, m_station))
        return true;
    // A line taken off this station by a change must be seen here, struck through, until the
    // cook acknowledges it: otherwise the ticket would just vanish from their screen.
    const auto changes = source.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>();
    return std::any_of(changes.cbegin(), changes.cend(), [this](const ItemChange &change) {
        return change.kind == ItemChange::Kind::Removed && change.before.station == m_station;
    });
}

QVariant StationFilterModel::data(const QModelIndex &index, int role) const
{
    if (role < VisibleItemsRole || role > VisibleLinesRole)
        return QSortFilterProxyModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // Straight from the source's rows: a board measures every ticket after a resize, and an
    // Order through a QVariant is a heap copy per role asked.
    const Order &order = orders().orderAt(mapToSource(index).row());
    switch (role) {
    case VisibleItemsRole: {
        if (isExpo())
            return QVariant::fromValue(order.items);
        QList<OrderItem> items;
        for (const OrderItem &item : order.items) {
            if (item.station == m_station)
                items.append(item);
        }
        return QVariant::fromValue(items);
    }
    case VisibleLinesRole: {
        QList<int> lines;
        for (int i = 0; i < order.items.size(); ++i) {
            if (isExpo() || order.items.at(i).station == m_station)
                lines.append(i);
        }
        return QVariant::fromValue(lines);
    }
    case ViewStationRole:
        return m_station;
    case StationsRole:
        return orderedStations(StationRules::stationsOf(order));
    case StationsDoneRole:
        return order.stationsDone;
    case VisibleItemChangesRole: {
        auto changes = QSortFilterProxyModel::data(index, OrderModel::ItemChangesRole)
                           .value<QList<ItemChange>>();
        if (!isExpo())
            changes.removeIf(
                [this](const ItemChange &change) { return !touches(change, m_station); });
        return QVariant::fromValue(changes);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> StationFilterModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert({
        {VisibleItemsRole, "visibleItems"},
        {ViewStationRole, "viewStation"},
        {StationsRole, "stations"},
        {StationsDoneRole, "stationsDone"},
        {VisibleItemChangesRole, "visibleItemChanges"},
        {VisibleLinesRole, "visibleLines"},
    });
    return names;
}
