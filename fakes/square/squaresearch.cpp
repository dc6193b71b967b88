// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/square/squaresearch.h"

#include "fakes/square/squareorderbook.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
constexpr int defaultLimit = 500;
constexpr int maxLimit = 1000;
constexpr int maxLocations = 10;

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

SquareError invalid(const char *code, const QString &detail, const char *field)
{
    return SquareError::invalid(key(code), detail, key(field));
}

// The query a cursor belongs to: everything but the cursor and the page size.
QByteArray queryHash(const QJsonObject &request)
{
    QJsonObject query = request;
    query.remove(key("cursor"));
    query.remove(key("limit"));
    return QCryptographicHash::hash(QJsonDocument(query).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256)
        .toHex()
        .left(16);
}

struct Position
{
    qint64 time = 0;
    QString id;
};

QString encodeCursor(const QByteArray &hash, const Position &last)
{
    const QJsonObject cursor {{key("q"), QString::fromLatin1(hash)},
                              {key("t"), last.time},
                              {key("i"), last.id}};
    return QString::fromLatin1(QJsonDocument(cursor).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding
                                             | QByteArray::OmitTrailingEquals));
}

std::optional<Position> decodeCursor(const QString &text, const QByteArray &hash)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject cursor = QJsonDocument::fromJson(*decoded).object();
    if (cursor.value(key("q")).toString().toLatin1() != hash || !cursor.contains(key("i")))
        return std::nullopt;
    return Position {cursor.value(key("t")).toInteger(), cursor.value(key("i")).toString()};
}

qint64 timeOf(const QJsonObject &order, const QString &field)
{
    return SquareOrderBook::parseRfc3339(order.value(field).toString()).value_or(0);
}

bool fulfillmentMatches(const QJsonObject &order, const QJsonObject &filter)
{
    const QJsonArray types = filter.value(key("fulfillment_types")).toArray();
    const QJsonArray states = filter.value(key("fulfillment_states")).toArray();
    if (types.isEmpty() && states.isEmpty())
        return true;
    for (const QJsonValue &value : order.value(key("fulfillments")).toArray()) {
        const QJsonObject fulfillment = value.toObject();
        if ((types.isEmpty() || types.contains(fulfillment.value(key("type"))))
            && (states.isEmpty() || states.contains(fulfillment.value(key("state")))))
            return true;
    }
    return false;
}
} // namespace

SquareSearch::Result SquareSearch::run(const QList<QJsonObject> &orders,
                                       const QJsonObject &request)
{
    const QJsonArray locationIds = request.value(key("location_ids")).toArray();
    if (locationIds.isEmpty())
        return {invalid("MISSING_REQUIRED_PARAMETER", key("Field must be set"), "location_ids"),
                {}};
    if (locationIds.size() > maxLocations)
        return {invalid("INVALID_VALUE", QStringLiteral("At most %1 location ids").arg(maxLocations),
                        "location_ids"), {}};
    const QJsonValue limitValue = request.value(key("limit"));
    const int limit = limitValue.isUndefined() ? defaultLimit : limitValue.toInt(-1);
    if (limit < 1 || limit > maxLimit)
        return {invalid("INVALID_VALUE",
                        QStringLiteral("limit must be between 1 and %1").arg(maxLimit), "limit"),
                {}};

    const QJsonObject query = request.value(key("query")).toObject();
    const QJsonObject filter = query.value(key("filter")).toObject();
    const QJsonObject sort = query.value(key("sort")).toObject();
    const QString sortField = sort.value(key("sort_field")).toString(key("CREATED_AT"));
    const QString sortOrder = sort.value(key("sort_order")).toString(key("DESC"));
    if (sortField != QLatin1String("CREATED_AT") && sortField != QLatin1String("UPDATED_AT")
        && sortField != QLatin1String("CLOSED_AT"))
        return {invalid("INVALID_ENUM_VALUE", QStringLiteral("`%1` is not a sort field")
                                                  .arg(sortField), "query.sort.sort_field"), {}};
    if (sortOrder != QLatin1String("ASC") && sortOrder != QLatin1String("DESC"))
        return {invalid("INVALID_ENUM_VALUE", QStringLiteral("`%1` is not a sort order")
                                                  .arg(sortOrder), "query.sort.sort_order"), {}};
    const QString timeField = sortField.toLower();

    const QJsonObject timeFilter = filter.value(key("date_time_filter")).toObject();
    QString filterField;
    QJsonObject range;
    for (const char *field : {"created_at", "updated_at", "closed_at"}) {
        if (timeFilter.contains(key(field))) {
            if (!filterField.isEmpty())
                return {invalid("INVALID_VALUE", key("Filter on one time field only"),
                                "query.filter.date_time_filter"), {}};
            filterField = key(field);
            range = timeFilter.value(key(field)).toObject();
        }
    }
    // Square wants the sort on the field the time filter uses.
    if (!filterField.isEmpty() && filterField != timeField)
        return {invalid("INVALID_VALUE",
                        QStringLiteral("sort_field must be %1 when filtering on %2")
                            .arg(filterField.toUpper(), filterField),
                        "query.sort.sort_field"), {}};
    std::optional<qint64> startAt;
    std::optional<qint64> endAt;
    for (const char *bound : {"start_at", "end_at"}) {
        if (!range.contains(key(bound)))
            continue;
        const std::optional<qint64> time =
            SquareOrderBook::parseRfc3339(range.value(key(bound)).toString());
        if (!time)
            return {invalid("INVALID_TIME", key("Expected an RFC 3339 timestamp"),
                            "query.filter.date_time_filter"), {}};
        (qstrcmp(bound, "start_at") == 0 ? startAt : endAt) = time;
    }
    const QJsonArray states = filter.value(key("state_filter")).toObject()
                                  .value(key("states")).toArray();
    const QJsonObject fulfillmentFilter = filter.value(key("fulfillment_filter")).toObject();

    const QByteArray hash = queryHash(request);
    std::optional<Position> after;
    if (request.contains(key("cursor"))) {
        after = decodeCursor(request.value(key("cursor")).toString(), hash);
        if (!after)
            return {invalid("INVALID_CURSOR",
                            key("The cursor is not valid for this query; send it back with the "
                                "same query"),
                            "cursor"), {}};
    }

    QList<QJsonObject> matched;
    for (const QJsonObject &order : orders) {
        if (!locationIds.contains(order.value(key("location_id"))))
            continue;
        if (!states.isEmpty() && !states.contains(order.value(key("state"))))
            continue;
        if (!fulfillmentMatches(order, fulfillmentFilter))
            continue;
        if (!filterField.isEmpty()) {
            if (!order.contains(filterField))
                continue;
            const qint64 time = timeOf(order, filterField);
            if ((startAt && time < *startAt) || (endAt && time >= *endAt))
                continue;
        }
        if (timeField == QLatin1String("closed_at") && !order.contains(timeField))
            continue;
        matched.append(order);
    }
    const bool ascending = sortOrder == QLatin1String("ASC");
    const auto before = [&](const Position &a, const Position &b) {
        if (a.time != b.time)
            return ascending ? a.time < b.time : a.time > b.time;
        return ascending ? a.id < b.id : a.id > b.id;
    };
    const auto positionOf = [&](const QJsonObject &order) {
        return Position {timeOf(order, timeField), order.value(key("id")).toString()};
    };
    std::sort(matched.begin(), matched.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        return before(positionOf(a), positionOf(b));
    });
    if (after) {
        matched.erase(std::remove_if(matched.begin(), matched.end(),
                                     [&](const QJsonObject &order) {
                                         return !before(*after, positionOf(order));
                                     }),
                      matched.end());
    }

    const bool entriesOnly = request.value(key("return_entries")).toBool();
    QJsonArray page;
    for (qsizetype i = 0; i < matched.size() && i < limit; ++i) {
        const QJsonObject &order = matched.at(i);
        if (entriesOnly) {
            QJsonObject entry {{key("order_id"), order.value(key("id"))},
                               {key("location_id"), order.value(key("location_id"))}};
            if (order.contains(key("version")))
                entry.insert(key("version"), order.value(key("version")));
            page.append(entry);
        } else {
            page.append(order);
        }
    }
    QJsonObject response;
    if (!page.isEmpty())
        response.insert(entriesOnly ? key("order_entries") : key("orders"), page);
    if (matched.size() > limit)
        response.insert(key("cursor"), encodeCursor(hash, positionOf(matched.at(limit - 1))));
    return {std::nullopt, response};
}
