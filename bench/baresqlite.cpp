// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "baresqlite.h"

#include "store/storeschema.h"

#include <QAtomicInt>
#include <QJsonDocument>
#include <QSqlError>

#include <iterator>

namespace {
QAtomicInt connectionCounter;

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

BareEventRow BareEventRow::from(const OrderEvent &event)
{
    BareEventRow row;
    row.eventId = event.id.toString(QUuid::WithoutBraces);
    row.orderId = textOrNull(event.orderId);
    row.storeId = event.storeId;
    row.kind = EventKinds::toString(event.kind);
    row.fromState = event.from ? QVariant(OrderStates::toString(*event.from)) : QVariant();
    row.toState = event.to ? QVariant(OrderStates::toString(*event.to)) : QVariant();
    row.actor = event.actor.toString();
    row.origin = event.origin;
    row.occurredAt = event.occurredAt;
    row.reason = textOrNull(event.reason);
    row.payload = compactJson(event.payload);
    return row;
}

BareOrderRow BareOrderRow::from(const Order &order)
{
    BareOrderRow row;
    row.orderId = order.id;
    row.storeId = order.storeId;
    row.number = order.number;
    row.type = OrderTypes::toString(order.type);
    row.state = OrderStates::toString(order.state);
    row.placedAt = order.placedAt;
    row.stateSince = order.stateSince;
    row.promisedAt = order.promisedAt != 0 ? QVariant(order.promisedAt) : QVariant();
    row.updatedAt = order.updatedAt;
    row.eventCount = order.eventCount;
    row.body = compactJson(order.toJson());
    return row;
}

BareSqlite::BareSqlite(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("bench-bare-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

BareSqlite::~BareSqlite()
{
    for (QSqlQuery *query :
         {&m_insertEvent, &m_upsertOrder, &m_insertOutbox, &m_insertInbox, &m_upsertCursor})
        *query = QSqlQuery();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool BareSqlite::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool BareSqlite::run(QSqlQuery &query)
{
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool BareSqlite::open(QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    const auto prepare = [this](QSqlQuery &query, const QString &sql) {
        query = QSqlQuery(m_db);
        if (query.prepare(sql))
            return true;
        m_error = query.lastError().text();
        return false;
    };
    const auto migrate = [this] {
        const Result<void> migrated = StoreSchema::migrate(m_db, StoreSchema::latestVersion);
        m_error = migrated.error();
        return migrated.ok();
    };
    // The store's pragmas, in the store's order.
    const bool ok = m_db.open() && exec(QStringLiteral("PRAGMA busy_timeout = 5000"))
            && exec(QStringLiteral("PRAGMA synchronous = FULL"))
            && exec(QStringLiteral("PRAGMA foreign_keys = ON"))
            && exec(QStringLiteral("PRAGMA journal_mode = WAL"))
            && migrate()
            && prepare(m_insertEvent,
                       QStringLiteral("INSERT INTO events (event_id, order_id, store_id, kind, "
                                      "from_state, to_state, actor, origin, occurred_at, reason, "
                                      "payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                      "?, ?)"))
            && prepare(m_upsertOrder,
                       QStringLiteral("INSERT OR REPLACE INTO orders (order_id, store_id, number, "
                                      "type, state, placed_at, state_since, promised_at, "
                                      "updated_at, event_count, body) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                      "?, ?, ?, ?)"))
            && prepare(m_insertOutbox,
                       QStringLiteral("INSERT INTO outbox (event_id, destination, attempts, "
                                      "next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)"))
            && prepare(m_insertInbox,
                       QStringLiteral("INSERT INTO inbox (source, message_id, event_id, "
                                      "received_at) VALUES (?, ?, ?, ?)"))
            && prepare(m_upsertCursor,
                       QStringLiteral("INSERT OR REPLACE INTO cursors (source, position, "
                                      "updated_at) VALUES (?, ?, ?)"));
    if (!ok && m_error.isEmpty())
        m_error = m_db.lastError().text();
    if (!ok)
        *error = m_error;
    return ok;
}

bool BareSqlite::insertEvent(const BareEventRow &row, qint64 nowMs)
{
    const QVariant values[] = {row.eventId, row.orderId, row.storeId, row.kind,
                               row.fromState, row.toState, row.actor, row.origin,
                               row.occurredAt, row.reason, row.payload, nowMs};
    for (int i = 0; i < int(std::size(values)); ++i)
        m_insertEvent.bindValue(i, values[i]);
    return run(m_insertEvent);
}

bool BareSqlite::upsertOrder(const BareOrderRow &row)
{
    const QVariant values[] = {row.orderId,   row.storeId,    row.number,     row.type,
                               row.state,     row.placedAt,   row.stateSince, row.promisedAt,
                               row.updatedAt, row.eventCount, row.body};
    for (int i = 0; i < int(std::size(values)); ++i)
        m_upsertOrder.bindValue(i, values[i]);
    return run(m_upsertOrder);
}

bool BareSqlite::inTransaction(const std::function<bool()> &body)
{
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    if (body() && exec(QStringLiteral("COMMIT")))
        return true;
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool BareSqlite::seedOrders(const QList<BareOrderRow> &orders)
{
    return inTransaction([&] {
        for (const BareOrderRow &order : orders) {
            if (!upsertOrder(order))
                return false;
        }
        return true;
    });
}

bool BareSqlite::writeTransition(const BareEventRow &event, const BareOrderRow &order,
                                 const QString &destination, qint64 nowMs)
{
    return inTransaction([&] {
        m_insertOutbox.bindValue(0, event.eventId);
        m_insertOutbox.bindValue(1, destination);
        m_insertOutbox.bindValue(2, 0);
        m_insertOutbox.bindValue(3, nowMs);
        return insertEvent(event, nowMs) && upsertOrder(order) && run(m_insertOutbox);
    });
}

bool BareSqlite::writeIncomingBatch(const QList<BareIncomingRow> &rows,
                                    const QString *cursorPosition, qint64 nowMs)
{
    return inTransaction([&] {
        for (const BareIncomingRow &row : rows) {
            m_insertInbox.bindValue(0, row.source);
            m_insertInbox.bindValue(1, row.messageId);
            m_insertInbox.bindValue(2, row.event.eventId);
            m_insertInbox.bindValue(3, nowMs);
            if (!insertEvent(row.event, nowMs) || !upsertOrder(row.order) || !run(m_insertInbox))
                return false;
        }
        if (!cursorPosition || rows.isEmpty())
            return true;
        m_upsertCursor.bindValue(0, rows.constLast().source);
        m_upsertCursor.bindValue(1, *cursorPosition);
        m_upsertCursor.bindValue(2, nowMs);
        return run(m_upsertCursor);
    });
}
