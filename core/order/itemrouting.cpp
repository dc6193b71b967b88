// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemrouting.h"

namespace ItemRouting {

QString stationFor(const QString &itemName, const QList<StationRoute> &routes)
{
    for (const StationRoute &route : routes) {
        if (itemName.contains(route.contains, Qt::CaseInsensitive))
            return route.station;
    }
    return {};
}

QList<OrderItem> routed(QList<OrderItem> items, const QList<StationRoute> &routes)
{
    if (routes.isEmpty())
        return items;
    for (OrderItem &item : items) {
        if (QString station = stationFor(item.name, routes); !station.isEmpty())
            item.station = std::move(station);
    }
    return items;
}

bool sameApartFromStations(const QList<OrderItem> &a, const QList<OrderItem> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype line = 0; line < a.size(); ++line) {
        OrderItem left = a.at(line);
        left.station = b.at(line).station;
        if (left != b.at(line))
            return false;
    }
    return true;
}

} // namespace ItemRouting
