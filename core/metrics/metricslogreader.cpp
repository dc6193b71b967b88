// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricslogreader.h"

#include "metricslogging.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// The payload fields each kind carries, pulled out by SQLite rather than parsed here.
const char selectColumns[] = R"sql(
    SELECT seq, order_id, kind, from_state, to_state, actor, occurred_at, reason,
        CASE kind WHEN 'placed' THEN json_extract(payload, '$.number') END,
        CASE kind WHEN 'placed' THEN json_extract(payload, '$.type') END,
        CASE kind WHEN 'placed' THEN json_extract(payload, '$.source') END,
        CASE WHEN kind IN ('placed', 'transition', 'eta_changed')
             THEN json_extract(payload, '$.promised_at') END,
        CASE WHEN kind IN ('station_bumped', 'item_done')
             THEN json_extract(payload, '$.station') END,
        CASE kind WHEN 'item_done' THEN json_extract(payload, '$.item') END,
        CASE kind WHEN 'item_done' THEN json_extract(payload, '$.name') END,
        CASE WHEN kind IN ('station_bumped', 'item_done')
             THEN json_extract(payload, '$.done') END
    FROM events
)sql";

// Names repeat on every row; parsing each once keeps a month's read cheap.
template<typename T>
class NameCache
{
public:
    explicit NameCache(std::optional<T> (*parse)(const QString &))
        : m_parse(parse)
    { }
    std::optional<T> operator()(const QString &name)
    {
        const auto it = m_known.constFind(name);
        if (it != m_known.cend())
            return *it;
        const std::optional<T> value = m_parse(name);
        m_known.insert(name, value);
        return value;
    }

private:
    std::optional<T> (*m_parse)(const QString &);
    QHash<QString, std::optional<T>> m_known;
};

std::optional<ActorRole> roleOf(const QString &actor)
{
    return ActorRoles::fromString(actor.section(QLatin1Char(':'), 0, 0));
}
} // namespace

Result<QList<LoggedEvent>> MetricsLogReader::after(qint64 seq, int limit,
                                                   const QSet<qint64> &refused) const
{
    return read(QStringLiteral("WHERE seq > ? ORDER BY seq LIMIT ?"), {seq, limit}, refused);
}

Result<QList<LoggedEvent>> MetricsLogReader::ofOrder(const QString &orderId,
                                                     const QSet<qint64> &refused) const
{
    return read(QStringLiteral("WHERE order_id = ? ORDER BY seq"), {orderId}, refused);
}

Result<QList<RefusedEvent>> MetricsLogReader::refusedSince(qint64 sinceMs) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT e.seq, e.order_id, s.updated_at FROM event_status s "
            "JOIN events e ON e.event_id = s.event_id "
            "WHERE s.rejected_reason IS NOT NULL AND s.updated_at >= ? ORDER BY e.seq"));
    query.addBindValue(sinceMs);
    if (!query.exec())
        return Failure{query.lastError().text()};
    QList<RefusedEvent> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       query.value(2).toLongLong()});
    return result;
}

Result<QList<LoggedEvent>> MetricsLogReader::read(const QString &where, const QVariantList &values,
                                                  const QSet<qint64> &refused) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String(selectColumns) + where);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcMetrics) << "reading the log failed:" << query.lastError().text();
        return Failure{query.lastError().text()};
    }
    NameCache<EventKind> kinds(&EventKinds::fromString);
    NameCache<OrderState> states(&OrderStates::fromString);
    NameCache<OrderType> types(&OrderTypes::fromString);
    NameCache<ActorRole> roles(&roleOf);
    QList<LoggedEvent> events;
    while (query.next()) {
        const std::optional<EventKind> kind = kinds(query.value(2).toString());
        if (!kind)
            continue; // a kind this build does not know says nothing it can count
        LoggedEvent event;
        event.seq = query.value(0).toLongLong();
        event.orderId = query.value(1).toString();
        event.kind = *kind;
        event.from = states(query.value(3).toString());
        event.to = states(query.value(4).toString());
        event.actor = roles(query.value(5).toString()).value_or(ActorRole::System);
        event.occurredAt = query.value(6).toLongLong();
        event.reason = query.value(7).toString();
        event.number = query.value(8).toString();
        event.type = types(query.value(9).toString());
        event.source = query.value(10).toString();
        event.promisedAt = query.value(11).toLongLong();
        event.station = query.value(12).toString();
        event.item = query.value(13).isNull() ? -1 : query.value(13).toInt();
        event.itemName = query.value(14).toString();
        event.done = query.value(15).toInt() != 0;
        event.refused = refused.contains(event.seq);
        events.append(std::move(event));
    }
    return events;
}
