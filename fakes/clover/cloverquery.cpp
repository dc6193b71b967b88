// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/clover/cloverquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace {
constexpr int defaultLimit = 100;
constexpr int maxLimit = 1000;

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

struct Filter
{
    QString field;
    QString op; // = != > >= < <= in
    QStringList values;
};

// "modifiedTime>=1767268800000", "state='open'", "id in ('A','B')".
std::optional<Filter> parseFilter(const QString &text)
{
    static const QRegularExpression in(
        QStringLiteral("^\\s*([A-Za-z.]+)\\s+in\\s*\\((.*)\\)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression compare(
        QStringLiteral("^\\s*([A-Za-z.]+)\\s*(!=|>=|<=|=|>|<)\\s*(.*?)\\s*$"));
    const auto unquote = [](QString value) {
        value = value.trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
            && value.endsWith(QLatin1Char('\'')))
            value = value.mid(1, value.size() - 2);
        return value;
    };
    if (const QRegularExpressionMatch match = in.match(text); match.hasMatch()) {
        Filter filter {match.captured(1), key("in"), {}};
        for (const QString &value : match.captured(2).split(QLatin1Char(',')))
            filter.values.append(unquote(value));
        return filter;
    }
    if (const QRegularExpressionMatch match = compare.match(text); match.hasMatch())
        return Filter {match.captured(1), match.captured(2), {unquote(match.captured(3))}};
    return std::nullopt;
}

QJsonValue fieldValue(const QJsonObject &order, const QString &path)
{
    QJsonValue value = order;
    for (const QString &part : path.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value;
}

bool holds(const Filter &filter, const QJsonObject &order)
{
    const QJsonValue value = fieldValue(order, filter.field);
    if (filter.op == QLatin1String("in"))
        return filter.values.contains(value.isDouble() ? QString::number(value.toInteger())
                                                       : value.toString());
    const QString wanted = filter.values.value(0);
    int order3 = 0; // <0, 0, >0 as the order's value is below, equal to or above `wanted`
    if (value.isDouble()) {
        const qint64 have = value.toInteger();
        const qint64 want = wanted.toLongLong();
        order3 = have < want ? -1 : have > want ? 1 : 0;
    } else if (value.isBool()) {
        order3 = (value.toBool() ? key("true") : key("false")).compare(wanted, Qt::CaseInsensitive);
    } else if (value.isUndefined() || value.isNull()) {
        // A missing value equals "null" and nothing else; it is never above or below.
        if (filter.op == QLatin1String("="))
            return wanted == QLatin1String("null");
        if (filter.op == QLatin1String("!="))
            return wanted != QLatin1String("null");
        return false;
    } else {
        order3 = value.toString().compare(wanted);
    }
    if (filter.op == QLatin1String("="))
        return order3 == 0;
    if (filter.op == QLatin1String("!="))
        return order3 != 0;
    if (filter.op == QLatin1String(">="))
        return order3 >= 0;
    if (filter.op == QLatin1String("<="))
        return order3 <= 0;
    if (filter.op == QLatin1String(">"))
        return order3 > 0;
    return order3 < 0;
}
} // namespace

const QStringList &CloverQuery::orderFilterFields()
{
    static const QStringList fields {
        key("id"), key("clientCreatedTime"), key("createdTime"), key("modifiedTime"),
        key("state"), key("paymentState"), key("externalReferenceId"), key("title"),
        key("total"), key("payType"), key("testMode"), key("employee.id"), key("orderType.id")};
    return fields;
}

std::optional<CloverRefusal> CloverQuery::paging(const QUrlQuery &query, int *limit, int *offset)
{
    *limit = defaultLimit;
    *offset = 0;
    bool ok = true;
    if (query.hasQueryItem(key("limit"))) {
        *limit = query.queryItemValue(key("limit")).toInt(&ok);
        if (!ok || *limit < 1)
            return CloverRefusal {400, key("limit must be a positive number")};
        *limit = qMin(*limit, maxLimit); // more than 1000 gets 1000
    }
    if (query.hasQueryItem(key("offset"))) {
        *offset = query.queryItemValue(key("offset")).toInt(&ok);
        if (!ok || *offset < 0)
            return CloverRefusal {400, key("offset must be zero or more")};
    }
    return std::nullopt;
}

CloverQuery::Page CloverQuery::run(const QList<QJsonObject> &orders, const QUrlQuery &query)
{
    int limit = 0;
    int offset = 0;
    if (std::optional<CloverRefusal> refusal = paging(query, &limit, &offset))
        return {refusal, {}};
    QList<Filter> filters;
    for (const QString &text : query.allQueryItemValues(key("filter"), QUrl::FullyDecoded)) {
        const std::optional<Filter> filter = parseFilter(text);
        if (!filter)
            return {CloverRefusal {400, QStringLiteral("Invalid filter: %1").arg(text)}, {}};
        if (!orderFilterFields().contains(filter->field))
            return {CloverRefusal {400, QStringLiteral("Invalid filter field: %1")
                                            .arg(filter->field)},
                    {}};
        filters.append(*filter);
    }
    QString sortField = key("createdTime");
    bool ascending = false;
    if (query.hasQueryItem(key("orderBy"))) {
        const QStringList words = query.queryItemValue(key("orderBy"), QUrl::FullyDecoded)
                                      .split(QRegularExpression(QStringLiteral("[ +]")),
                                             Qt::SkipEmptyParts);
        sortField = words.value(0);
        ascending = words.value(1).compare(key("ASC"), Qt::CaseInsensitive) == 0;
        if (!orderFilterFields().contains(sortField))
            return {CloverRefusal {400, QStringLiteral("Invalid orderBy field: %1").arg(sortField)},
                    {}};
    }

    QList<QJsonObject> matching;
    for (const QJsonObject &order : orders) {
        if (std::all_of(filters.cbegin(), filters.cend(),
                        [&order](const Filter &filter) { return holds(filter, order); }))
            matching.append(order);
    }
    // Ties keep the book's order (oldest first), so a page boundary never moves between calls.
    std::stable_sort(matching.begin(), matching.end(),
                     [&sortField, ascending](const QJsonObject &a, const QJsonObject &b) {
                         const QJsonValue x = fieldValue(a, sortField);
                         const QJsonValue y = fieldValue(b, sortField);
                         const bool less = x.isDouble() ? x.toInteger() < y.toInteger()
                                                        : x.toString() < y.toString();
                         const bool more = x.isDouble() ? x.toInteger() > y.toInteger()
                                                        : x.toString() > y.toString();
                         return ascending ? less : more;
                     });
    return {std::nullopt, matching.mid(offset, limit)};
}
