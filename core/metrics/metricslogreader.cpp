// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricslogreader.h"

#include "common/sqliteconnection.h"
#include "metricslogging.h"
#include "order/orderhistory.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

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
             THEN json_extract(payload, '$.done') END,
        HUB_SEQ
    FROM events
)sql";
// The platform's position of each event: only an order's history needs it (and its join).
const char noHubSeq[] = "NULL";
const char joinedHubSeq[] = "s.hub_seq";

QByteArray selectSql(const char *hubSeq)
{
    return QByteArray(selectColumns).replace("HUB_SEQ", hubSeq);
}

// Names repeat on every row; parsing each once keeps a month's read cheap. Looked up by the raw
// bytes SQLite hands over, so a known name costs no copy.
template<typename T>
class NameCache
{
public:
    explicit NameCache(std::optional<T> (*parse)(const QString &))
        : m_parse(parse)
    { }
    std::optional<T> operator()(const QByteArray &name)
    {
        const auto it = m_known.constFind(name);
        if (it != m_known.cend())
            return *it;
        const std::optional<T> value = m_parse(QString::fromUtf8(name));
        m_known.insert(QByteArray(name.constData(), name.size()), value); // a deep copy
        return value;
    }

private:
    std::optional<T> (*m_parse)(const QString &);
    QHash<QByteArray, std::optional<T>> m_known;
};

// The column's bytes without a copy: valid until the next step.
QByteArray rawText(sqlite3_stmt *statement, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return bytes ? QByteArray::fromRawData(bytes, sqlite3_column_bytes(statement, column))
                 : QByteArray();
}

QString text(sqlite3_stmt *statement, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(statement, column)) : QString();
}

std::optional<ActorRole> roleOf(const QString &actor)
{
    return ActorRoles::fromString(actor.section(QLatin1Char(':'), 0, 0));
}
} // namespace

QByteArray MetricsLogReader::columnsSql()
{
    return selectSql(noHubSeq);
}

Result<QList<LoggedEvent>> MetricsLogReader::after(qint64 seq, int limit,
                                                   const QSet<qint64> &refused) const
{
    // A batch of up to limit rows, grown once rather than often.
    return read(columnsSql(), QStringLiteral("WHERE seq > ? ORDER BY seq LIMIT ?"), {seq, limit},
                refused, qMin(limit, 100'000));
}

Result<QList<LoggedEvent>> MetricsLogReader::ofOrder(const QString &orderId, qint64 upTo,
                                                     const QSet<qint64> &refused) const
{
    Result<QList<LoggedEvent>> events =
            read(selectSql(joinedHubSeq),
                 QStringLiteral("LEFT JOIN event_status s ON s.event_id = events.event_id "
                                "WHERE order_id = ? AND seq <= ? ORDER BY seq"),
                 {orderId, upTo}, refused, 0);
    if (events) {
        const auto before = [](const LoggedEvent &a, const LoggedEvent &b) {
            return OrderHistory::comesBefore({a.hubSeq, a.seq}, {b.hubSeq, b.seq});
        };
        std::stable_sort(events->begin(), events->end(), before);
    }
    return events;
}

Result<QList<std::pair<QString, qint64>>> MetricsLogReader::archivedSince(qint64 sinceMs) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT order_id, archived_at FROM archived_orders "
                                 "WHERE archived_at >= ?"));
    query.addBindValue(sinceMs);
    if (!query.exec())
        return Failure{query.lastError().text()};
    QList<std::pair<QString, qint64>> archived;
    while (query.next())
        archived.append({query.value(0).toString(), query.value(1).toLongLong()});
    return archived;
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

// Rows are read through SQLite's own API on the connection's handle (the library Qt's QSQLITE
// driver loads): a month is over half a million rows, and QSqlQuery's QVariant per value costs
// several times what the fold does.
Result<QList<LoggedEvent>> MetricsLogReader::read(const QByteArray &select, const QString &where,
                                                  const QVariantList &values,
                                                  const QSet<qint64> &refused, int expected) const
{
    sqlite3 *handle = SqliteConnection::handleOf(m_db);
    if (!handle)
        return Failure{QStringLiteral("the store's connection is not an open SQLite one")};
    const QByteArray sql = select + where.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr)
        != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(handle));
        qCWarning(lcMetrics) << "reading the log failed:" << error;
        return Failure{error};
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> owner(statement,
                                                                      &sqlite3_finalize);
    QList<QByteArray> texts; // kept alive while SQLite reads them
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() == QMetaType::QString) {
            texts.append(value.toString().toUtf8());
            sqlite3_bind_text(statement, i + 1, texts.last().constData(), int(texts.last().size()),
                              SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        }
    }

    NameCache<EventKind> kinds(&EventKinds::fromString);
    NameCache<OrderState> states(&OrderStates::fromString);
    NameCache<OrderType> types(&OrderTypes::fromString);
    NameCache<ActorRole> roles(&roleOf);
    QList<LoggedEvent> events;
    events.reserve(expected);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        const std::optional<EventKind> kind = kinds(rawText(statement, 2));
        if (!kind)
            continue; // a kind this build does not know says nothing it can count
        LoggedEvent event;
        event.seq = sqlite3_column_int64(statement, 0);
        event.orderId = text(statement, 1);
        event.kind = *kind;
        event.from = states(rawText(statement, 3));
        event.to = states(rawText(statement, 4));
        event.actor = roles(rawText(statement, 5)).value_or(ActorRole::System);
        event.occurredAt = sqlite3_column_int64(statement, 6);
        event.reason = text(statement, 7);
        event.number = text(statement, 8);
        event.type = types(rawText(statement, 9));
        event.source = text(statement, 10);
        event.promisedAt = sqlite3_column_int64(statement, 11);
        event.station = text(statement, 12);
        event.item = sqlite3_column_type(statement, 13) == SQLITE_NULL
                ? -1
                : sqlite3_column_int(statement, 13);
        event.itemName = text(statement, 14);
        event.done = sqlite3_column_int(statement, 15) != 0;
        event.refused = refused.contains(event.seq);
        if (sqlite3_column_type(statement, 16) != SQLITE_NULL)
            event.hubSeq = sqlite3_column_int64(statement, 16);
        events.append(std::move(event));
    }
    if (step != SQLITE_DONE) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(handle));
        qCWarning(lcMetrics) << "reading the log failed:" << error;
        return Failure{error};
    }
    return events;
}
