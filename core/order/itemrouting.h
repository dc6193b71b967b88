// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderitem.h"
#include "storepolicy.h"

#include <QJsonArray>
#include <QList>
#include <QString>

/**
 * Sends an order's lines to the store's stations by its routes (StorePolicy::routes). It is
 * applied once, where an order enters the log (the hub for the platform's orders, the console
 * for its POS's), so the stations are part of the event and every screen and the hub agree on
 * them whatever rules came later.
 */
namespace ItemRouting {
/** The station of the first route whose words the name contains (case aside); empty if none. */
QString stationFor(const QString &itemName, const QList<StationRoute> &routes);
/** The lines with the stations the routes give them; a line no route takes keeps its own. */
QList<OrderItem> routed(QList<OrderItem> items, const QList<StationRoute> &routes);
/** The same for lines as JSON (an event's "items"), keeping every other field as it is. */
QJsonArray routed(const QJsonArray &items, const QList<StationRoute> &routes);
/** Whether the lines are the same apart from their stations (a route is not an order change). */
bool sameApartFromStations(const QList<OrderItem> &a, const QList<OrderItem> &b);
} // namespace ItemRouting
