// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storepolicy.h"
#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/**
 * The wire and stored form of a StorePolicy (a store_policy_changed event's "policy"), and the
 * bounds a policy must keep. One reader for the console and the hub: a policy one console sends
 * is one every other console can show and follow, or the hub refuses it.
 */
namespace StorePolicyCodec {
constexpr int maxStations = 12;
constexpr int maxRejectReasons = 20;
constexpr int maxExpectedFeeds = 8;
constexpr qsizetype maxStationLength = 32;
constexpr qsizetype maxReasonLength = 120;
constexpr int maxRoutes = 64;
constexpr qsizetype maxRouteWordsLength = 40;
// Minutes: amber from minWarnMinutes, red after amber up to maxLateMinutes.
constexpr int minWarnMinutes = 1;
constexpr int maxLateMinutes = 240;
constexpr int minPrepMinutes = 5;
constexpr int maxPrepMinutes = 120;
constexpr int minQuietMinutes = 1;
constexpr int maxQuietMinutes = 24 * 60;

/**
 * The policy as JSON: minutes as numbers, lists as arrays, hours as "HH:mm", routes as
 * {"contains", "station"} objects (left out when there are none, as before routes existed).
 */
QJsonObject toJson(const StorePolicy &policy);
/** The routes alone, as toJson writes them under "routes". */
QJsonArray routesToJson(const QList<StationRoute> &routes);
/**
 * Reads routes as routesToJson writes them; the error names what is malformed. Their bounds
 * (words, stations) are problem()'s, which needs the whole policy.
 */
Result<QList<StationRoute>> routesFromJson(const QJsonValue &json);
/** Parses and checks a policy; the error names the field and the bound it breaks. */
Result<StorePolicy> fromJson(const QJsonObject &json);
/** Why policy is outside the bounds (words for a manager), or empty when it is within them. */
QString problem(const StorePolicy &policy);
} // namespace StorePolicyCodec
