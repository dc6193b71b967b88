// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepolicycodec.h"

#include <QJsonArray>
#include <QSet>

namespace {
const QString warnKey = QStringLiteral("warn_after_minutes");
const QString lateKey = QStringLiteral("late_after_minutes");
const QString prepKey = QStringLiteral("default_prep_minutes");
const QString stationsKey = QStringLiteral("stations");
const QString reasonsKey = QStringLiteral("reject_reasons");
const QString quietKey = QStringLiteral("feed_quiet_minutes");
const QString feedsKey = QStringLiteral("expected_feeds");
const QString opensKey = QStringLiteral("opens_at");
const QString closesKey = QStringLiteral("closes_at");
const QString routesKey = QStringLiteral("routes");
const QString containsKey = QStringLiteral("contains");
const QString stationKey = QStringLiteral("station");
const QString hoursFormat = QStringLiteral("HH:mm");

// Names a list must hold: count within 1..maxCount (0..maxCount when empty is allowed), each
// non-empty after trimming, at most maxLength characters, no two alike.
QString listProblem(const QStringList &names, const QString &what, int minCount, int maxCount,
                    qsizetype maxLength)
{
    if (names.size() < minCount)
        return StorePolicy::tr("%1: at least %2 needed.").arg(what).arg(minCount);
    if (names.size() > maxCount)
        return StorePolicy::tr("%1: at most %2.").arg(what).arg(maxCount);
    QSet<QString> seen;
    for (const QString &name : names) {
        const QString trimmed = name.trimmed();
        if (trimmed.isEmpty() || trimmed != name)
            return StorePolicy::tr("%1: an entry is empty or starts or ends with spaces.").arg(what);
        if (name.size() > maxLength)
            return StorePolicy::tr("%1: \"%2…\" is longer than %3 characters.")
                    .arg(what, name.left(20))
                    .arg(maxLength);
        if (seen.contains(name.toCaseFolded()))
            return StorePolicy::tr("%1: \"%2\" is there twice.").arg(what, name);
        seen.insert(name.toCaseFolded());
    }
    return {};
}

bool readMinutes(const QJsonObject &json, const QString &key, int *minutes, QString *error)
{
    const QJsonValue value = json.value(key);
    const qint64 whole = value.toInteger(-1);
    if (!value.isDouble() || double(whole) != value.toDouble() || whole < 0 || whole > 100'000) {
        *error = QStringLiteral("policy: \"%1\" must be a whole number of minutes").arg(key);
        return false;
    }
    *minutes = int(whole);
    return true;
}

bool readList(const QJsonObject &json, const QString &key, QStringList *list, QString *error)
{
    const QJsonValue value = json.value(key);
    if (!value.isArray()) {
        *error = QStringLiteral("policy: \"%1\" must be a list of names").arg(key);
        return false;
    }
    list->clear();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (!entry.isString()) {
            *error = QStringLiteral("policy: \"%1\" must hold only names").arg(key);
            return false;
        }
        list->append(entry.toString());
    }
    return true;
}

// Routes are optional: a policy from before they existed has none.
bool readRoutes(const QJsonObject &json, QList<StationRoute> *routes, QString *error)
{
    routes->clear();
    const QJsonValue value = json.value(routesKey);
    if (value.isUndefined())
        return true;
    Result<QList<StationRoute>> read = StorePolicyCodec::routesFromJson(value);
    if (!read) {
        *error = read.error();
        return false;
    }
    *routes = std::move(read).value();
    return true;
}

QString routesProblem(const StorePolicy &policy)
{
    if (policy.routes.size() > StorePolicyCodec::maxRoutes)
        return StorePolicy::tr("Routing: at most %1 rules.").arg(StorePolicyCodec::maxRoutes);
    QSet<QString> seen;
    for (const StationRoute &route : policy.routes) {
        const QString words = route.contains;
        if (words.trimmed().isEmpty() || words.trimmed() != words)
            return StorePolicy::tr("Routing: a rule's words are empty or start or end with spaces.");
        if (words.size() > StorePolicyCodec::maxRouteWordsLength)
            return StorePolicy::tr("Routing: \"%1…\" is longer than %2 characters.")
                    .arg(words.left(20))
                    .arg(StorePolicyCodec::maxRouteWordsLength);
        if (seen.contains(words.toCaseFolded()))
            return StorePolicy::tr("Routing: \"%1\" is there twice.").arg(words);
        seen.insert(words.toCaseFolded());
        if (!policy.stations.contains(route.station))
            return StorePolicy::tr("Routing: \"%1\" goes to \"%2\", which is not one of the "
                                   "stations.")
                    .arg(words, route.station);
    }
    return {};
}

bool readTime(const QJsonObject &json, const QString &key, QTime *time, QString *error)
{
    *time = QTime::fromString(json.value(key).toString(), hoursFormat);
    if (!time->isValid()) {
        *error = QStringLiteral("policy: \"%1\" must be a time as HH:mm").arg(key);
        return false;
    }
    return true;
}
} // namespace

namespace StorePolicyCodec {

QJsonObject toJson(const StorePolicy &policy)
{
    QJsonObject json {
            {warnKey, policy.warnAfterMinutes},
            {lateKey, policy.lateAfterMinutes},
            {prepKey, policy.defaultPrepMinutes},
            {stationsKey, QJsonArray::fromStringList(policy.stations)},
            {reasonsKey, QJsonArray::fromStringList(policy.rejectReasons)},
            {quietKey, policy.feedQuietMinutes},
            {feedsKey, QJsonArray::fromStringList(policy.expectedFeeds)},
            {opensKey, policy.opensAt.toString(hoursFormat)},
            {closesKey, policy.closesAt.toString(hoursFormat)},
    };
    if (!policy.routes.isEmpty())
        json.insert(routesKey, routesToJson(policy.routes));
    return json;
}

QJsonArray routesToJson(const QList<StationRoute> &routes)
{
    QJsonArray json;
    for (const StationRoute &route : routes)
        json.append(QJsonObject {{containsKey, route.contains}, {stationKey, route.station}});
    return json;
}

Result<QList<StationRoute>> routesFromJson(const QJsonValue &json)
{
    if (!json.isArray() || json.toArray().size() > maxRoutes)
        return Failure {QStringLiteral("policy: \"routes\" must be a list of at most %1 routes")
                                .arg(maxRoutes)};
    QList<StationRoute> routes;
    const QJsonArray array = json.toArray();
    for (const QJsonValue &entry : array) {
        const QJsonValue contains = entry.toObject().value(containsKey);
        const QJsonValue station = entry.toObject().value(stationKey);
        if (!contains.isString() || !station.isString())
            return Failure {QStringLiteral(
                    "policy: each of \"routes\" needs \"contains\" and \"station\" as text")};
        routes.append({contains.toString(), station.toString()});
    }
    return routes;
}

Result<StorePolicy> fromJson(const QJsonObject &json)
{
    StorePolicy policy;
    QString error;
    const bool read = readMinutes(json, warnKey, &policy.warnAfterMinutes, &error)
            && readMinutes(json, lateKey, &policy.lateAfterMinutes, &error)
            && readMinutes(json, prepKey, &policy.defaultPrepMinutes, &error)
            && readMinutes(json, quietKey, &policy.feedQuietMinutes, &error)
            && readList(json, stationsKey, &policy.stations, &error)
            && readList(json, reasonsKey, &policy.rejectReasons, &error)
            && readList(json, feedsKey, &policy.expectedFeeds, &error)
            && readTime(json, opensKey, &policy.opensAt, &error)
            && readTime(json, closesKey, &policy.closesAt, &error)
            && readRoutes(json, &policy.routes, &error);
    if (!read)
        return Failure {error};
    if (const QString why = problem(policy); !why.isEmpty())
        return Failure {QStringLiteral("policy: ") + why};
    return policy;
}

QString problem(const StorePolicy &policy)
{
    if (policy.warnAfterMinutes < minWarnMinutes || policy.warnAfterMinutes >= maxLateMinutes)
        return StorePolicy::tr("Amber must come after %1 to %2 minutes.")
                .arg(minWarnMinutes)
                .arg(maxLateMinutes - 1);
    if (policy.lateAfterMinutes <= policy.warnAfterMinutes
        || policy.lateAfterMinutes > maxLateMinutes)
        return StorePolicy::tr("Red (late) must come after amber, and within %1 minutes.")
                .arg(maxLateMinutes);
    if (policy.defaultPrepMinutes < minPrepMinutes || policy.defaultPrepMinutes > maxPrepMinutes)
        return StorePolicy::tr("The prep-time quote must be %1 to %2 minutes.")
                .arg(minPrepMinutes)
                .arg(maxPrepMinutes);
    if (policy.feedQuietMinutes < minQuietMinutes || policy.feedQuietMinutes > maxQuietMinutes)
        return StorePolicy::tr("A feed may be quiet for 1 minute to 24 hours before the alarm.");
    if (QString why = listProblem(policy.stations, StorePolicy::tr("Stations"), 1, maxStations,
                                  maxStationLength);
        !why.isEmpty())
        return why;
    if (QString why = listProblem(policy.rejectReasons, StorePolicy::tr("Reject reasons"), 1,
                                  maxRejectReasons, maxReasonLength);
        !why.isEmpty())
        return why;
    if (QString why = listProblem(policy.expectedFeeds, StorePolicy::tr("Feeds"), 0, maxExpectedFeeds,
                                  maxStationLength);
        !why.isEmpty())
        return why;
    if (!policy.opensAt.isValid() || !policy.closesAt.isValid())
        return StorePolicy::tr("Opening hours need a valid opening and closing time.");
    return routesProblem(policy);
}

} // namespace StorePolicyCodec
