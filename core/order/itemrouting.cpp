// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemrouting.h"

#include <QJsonObject>

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

QJsonArray routed(const QJsonArray &items, const QList<StationRoute> &routes)
{
    QJsonArray lines;
    for (const QJsonValue &line : items) {
        if (!line.isObject()) {
            lines.append(line); // not a line: left for the reader to refuse as it came
            continue;
        }
        QJsonObject item = line.toObject();
        const QString station = stationFor(item.value(QStringLiteral("name")).toString(), routes);
        if (!station.isEmpty())
            item.insert(QStringLiteral("station"), station);
        lines.append(item);
    }
    return lines;
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
