// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitehubstorage.h"

#include "backendstatements.h"
#include "sqlitehubschema.h"

#include "common/sqliteconnection.h"
#include "hub/hublogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {
// How long a write waits for another connection's transaction (an inspecting sqlite3 shell).
constexpr int busyTimeoutMs = 5000;

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

// Statements run on every submit, hello and replay page are prepared once.
struct SqliteHubStorage::Connection
{
    SqliteConnection sqlite {QStringLiteral("kc-hub")};
    BackendStatements statements;

    QSqlQuery query() const { return QSqlQuery(sqlite.database()); }

    // Runs a prepared statement with values bound in order.
    static Result<void> run(QSqlQuery &query, const QVariantList &values)
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (query.exec())
            return {};
        return Failure {query.lastError().text()};
    }

    void close()
    {
        statements.clear();
        sqlite.close();
    }
};

SqliteHubStorage::SqliteHubStorage(const QString &path)
    : m_path(path)
    , d(std::make_unique<Connection>())
{ }

SqliteHubStorage::~SqliteHubStorage()
{
    close();
}

std::unique_ptr<HubStorage> SqliteHubStorage::another() const
{
    return std::make_unique<SqliteHubStorage>(m_path);
}

void SqliteHubStorage::close()
{
    d->close();
}

Result<void> SqliteHubStorage::open()
{
    close();
    QString why;
    const auto fail = [&](const QString &what) {
        const QString reason = QStringLiteral("Cannot open the hub log %1: %2").arg(m_path, what);
        qCWarning(lcHubStorage).noquote() << reason;
        close();
        return Failure {reason};
    };
    // Durability first: every commit is synced to the WAL before it is acknowledged.
    if (const Result<void> opened =
                d->sqlite.open(m_path, SqliteConnection::Access::ReadWrite, busyTimeoutMs);
        !opened)
        return fail(opened.error());
    if (const Result<void> durable = d->sqlite.makeDurable(); !durable)
        return fail(durable.error());
    if (const Result<void> prepared = HubSchema::prepare(d->sqlite); !prepared)
        return fail(prepared.error());
    if (!d->sqlite.useWriteAheadLog())
        return fail(QStringLiteral("cannot switch to write-ahead logging"));
    if (!d->statements.prepareAll(d->sqlite.database(), &why))
        return fail(why);
    qCInfo(lcHubStorage).noquote() << "opened hub log" << m_path;
    return {};
}

bool SqliteHubStorage::isOpen() const
{
    return d->sqlite.isOpen();
}

Result<void> SqliteHubStorage::insertStore(const QString &storeId, qint64 createdAtMs)
{
    QSqlQuery insert = d->query();
    insert.prepare(QStringLiteral(
        "INSERT INTO stores (store_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    return Connection::run(insert, {storeId, createdAtMs});
}

bool SqliteHubStorage::hasStore(const QString &storeId)
{
    const bool found = Connection::run(d->statements.selectStore, {storeId}) && d->statements.selectStore.next();
    d->statements.selectStore.finish();
    return found;
}

QStringList SqliteHubStorage::storeIds()
{
    QStringList result;
    QSqlQuery query = d->query();
    if (query.exec(QStringLiteral("SELECT store_id FROM stores ORDER BY store_id"))) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

Result<void> SqliteHubStorage::upsertConsole(const QString &storeId, const QString &consoleId,
                                             const QString &secretHash, qint64 createdAtMs)
{
    QSqlQuery upsert = d->query();
    upsert.prepare(
        QStringLiteral("INSERT INTO consoles (store_id, console_id, secret_hash, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (store_id, console_id) DO UPDATE SET "
                       "secret_hash = excluded.secret_hash"));
    return Connection::run(upsert, {storeId, consoleId, secretHash, createdAtMs});
}

QString SqliteHubStorage::consoleHash(const QString &storeId, const QString &consoleId)
{
    QString stored;
    if (Connection::run(d->statements.selectConsole, {storeId, consoleId}) && d->statements.selectConsole.next())
        stored = d->statements.selectConsole.value(0).toString();
    d->statements.selectConsole.finish();
    return stored;
}

Result<void> SqliteHubStorage::setConsoleRight(const QString &storeId,
                                               const QString &consoleId, const QString &right,
                                               bool granted, qint64 changedAtMs)
{
    if (consoleHash(storeId, consoleId).isEmpty())
        return Failure {QStringLiteral("there is no console %1 in store %2").arg(consoleId, storeId)};
    QSqlQuery change = d->query();
    if (granted) {
        change.prepare(QStringLiteral("INSERT OR IGNORE INTO console_rights "
                                      "(store_id, console_id, name, granted_at) VALUES (?, ?, ?, ?)"));
        return Connection::run(change, {storeId, consoleId, right, changedAtMs});
    }
    change.prepare(QStringLiteral("DELETE FROM console_rights "
                                  "WHERE store_id = ? AND console_id = ? AND name = ?"));
    return Connection::run(change, {storeId, consoleId, right});
}

QStringList SqliteHubStorage::consoleRights(const QString &storeId, const QString &consoleId)
{
    QSqlQuery select = d->query();
    select.prepare(QStringLiteral("SELECT name FROM console_rights "
                                  "WHERE store_id = ? AND console_id = ? ORDER BY name"));
    QStringList rights;
    if (Connection::run(select, {storeId, consoleId})) {
        while (select.next())
            rights.append(select.value(0).toString());
    }
    return rights;
}

Result<void> SqliteHubStorage::insertPairingCode(const PairingCodeRow &row,
                                                 qint64 forgetBeforeMs)
{
    QSqlQuery forget = d->query();
    forget.prepare(BackendStatements::forgetPairingCodesSql());
    if (const Result<void> forgotten = Connection::run(forget, {forgetBeforeMs}); !forgotten)
        return forgotten;
    QSqlQuery insert = d->query();
    insert.prepare(BackendStatements::insertPairingCodeSql());
    return Connection::run(insert, {row.codeHash, row.storeId, row.consoleId, row.issuedAtMs,
                                    row.expiresAtMs});
}

Result<std::optional<PairingCodeRow>> SqliteHubStorage::findPairingCode(const QString &codeHash)
{
    QSqlQuery select = d->query();
    select.prepare(BackendStatements::selectPairingCodeSql());
    if (const Result<void> ran = Connection::run(select, {codeHash}); !ran)
        return Failure {ran.error()};
    if (!select.next())
        return std::optional<PairingCodeRow>();
    return std::optional<PairingCodeRow>(BackendStatements::readPairingCode(select));
}

Result<bool> SqliteHubStorage::usePairingCode(const QString &codeHash, qint64 usedAtMs)
{
    QSqlQuery use = d->query();
    use.prepare(BackendStatements::usePairingCodeSql());
    if (const Result<void> ran = Connection::run(use, {usedAtMs, codeHash}); !ran)
        return Failure {ran.error()};
    return use.numRowsAffected() == 1;
}

Result<void> SqliteHubStorage::beginWrite()
{
    return d->sqlite.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> SqliteHubStorage::lockStore(const QString &storeId)
{
    // BEGIN IMMEDIATE already made this the file's only writer, for every store at once.
    Q_UNUSED(storeId);
    return {};
}

Result<void> SqliteHubStorage::commit()
{
    return d->sqlite.exec(QStringLiteral("COMMIT"));
}

void SqliteHubStorage::rollback()
{
    // Often SQLite undid the transaction with the failure already: nothing to report then.
    if (isOpen())
        d->query().exec(QStringLiteral("ROLLBACK"));
}

Result<void> SqliteHubStorage::savepoint()
{
    return d->sqlite.exec(QStringLiteral("SAVEPOINT part"));
}

Result<void> SqliteHubStorage::releaseSavepoint()
{
    return d->sqlite.exec(QStringLiteral("RELEASE part"));
}

Result<void> SqliteHubStorage::rollbackToSavepoint()
{
    // ROLLBACK TO keeps the savepoint open: release it too, so the next part starts afresh.
    if (const Result<void> undone = d->sqlite.exec(QStringLiteral("ROLLBACK TO part")); !undone)
        return undone;
    return releaseSavepoint();
}

Result<std::optional<EventRows::Logged>> SqliteHubStorage::findLogged(const QString &eventId)
{
    QSqlQuery &query = d->statements.selectEventById;
    if (const Result<void> ran = Connection::run(query, {eventId}); !ran)
        return Failure {ran.error()};
    std::optional<EventRows::Logged> found;
    if (query.next())
        found = EventRows::Logged {query.value(0).toString(), query.value(1).toLongLong(),
                                   query.value(2).toString()};
    query.finish();
    return found;
}

Result<std::optional<EventRows::Refusal>> SqliteHubStorage::findRefusal(const QString &storeId,
                                                                        const QString &eventId)
{
    QSqlQuery &query = d->statements.selectRefusal;
    if (const Result<void> ran = Connection::run(query, {storeId, eventId}); !ran)
        return Failure {ran.error()};
    std::optional<EventRows::Refusal> found;
    if (query.next())
        found = EventRows::Refusal {storeId,
                                    eventId,
                                    query.value(0).toString(),
                                    query.value(1).toString(),
                                    query.value(2).toString(),
                                    0};
    query.finish();
    return found;
}

Result<void> SqliteHubStorage::insertRefusal(const EventRows::Refusal &refusal)
{
    return Connection::run(d->statements.insertRefusal,
                           {refusal.storeId, refusal.eventId, refusal.body, refusal.reason,
                            nullIfEmpty(refusal.conflicting), refusal.refusedAtMs});
}

Result<void> SqliteHubStorage::appendEvent(const EventRows::Append &event)
{
    return Connection::run(d->statements.insertEvent,
                           {event.storeId, event.seq, event.eventId, nullIfEmpty(event.orderId),
                            event.body, event.recordedAtMs});
}

Result<void> SqliteHubStorage::upsertOrder(const QString &storeId, const QString &orderId,
                                           const QString &body)
{
    return Connection::run(d->statements.upsertOrder, {storeId, orderId, body});
}

qint64 SqliteHubStorage::head(const QString &storeId)
{
    qint64 result = 0;
    if (Connection::run(d->statements.selectHead, {storeId}) && d->statements.selectHead.next())
        result = d->statements.selectHead.value(0).toLongLong();
    d->statements.selectHead.finish();
    return result;
}

qint64 SqliteHubStorage::eventCount(const QString &storeId)
{
    QSqlQuery query = d->query();
    if (storeId.isEmpty()) {
        query.exec(QStringLiteral("SELECT count(*) FROM events"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM events WHERE store_id = ?"));
        (void)Connection::run(query, {storeId}); // a failure leaves no row: -1
    }
    return query.next() ? query.value(0).toLongLong() : -1;
}

QList<EventRows::Logged> SqliteHubStorage::eventsAfter(const QString &storeId, qint64 cursor,
                                                       int limit)
{
    QList<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectAfter;
    if (const Result<void> ran = Connection::run(query, {storeId, cursor, limit})) {
        result = BackendStatements::readLogged(query, storeId);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read events of" << storeId << ":" << ran.error();
    }
    query.finish();
    return result;
}

std::optional<EventRows::Logged> SqliteHubStorage::lastEventOf(const QString &storeId,
                                                               const QString &orderId)
{
    std::optional<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectLastOfOrder;
    if (Connection::run(query, {storeId, orderId}) && query.next())
        result =
            EventRows::Logged {storeId, query.value(0).toLongLong(), query.value(1).toString()};
    query.finish();
    return result;
}

QList<EventRows::Logged> SqliteHubStorage::storeEventsBefore(const QString &storeId,
                                                             qint64 beforeSeq, int limit)
{
    QList<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectLastOfStore;
    const qint64 before = beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max();
    if (const Result<void> ran = Connection::run(query, {storeId, before, limit})) {
        result = BackendStatements::readLogged(query, storeId);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read store events of" << storeId << ":" << ran.error();
    }
    query.finish();
    return result;
}

QList<qint64> SqliteHubStorage::snapshotSeqs(const QString &storeId, qint64 throughSeq,
                                             qint64 changedSinceMs)
{
    QSqlQuery query = d->query();
    query.setForwardOnly(true);
    query.prepare(HubSchema::snapshotSeqsQuery());
    QList<qint64> seqs;
    if (const Result<void> ran = Connection::run(query, {storeId, changedSinceMs, throughSeq})) {
        seqs = BackendStatements::readSeqs(query);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read the snapshot of" << storeId << ":" << ran.error();
    }
    return seqs;
}

QList<EventRows::Logged> SqliteHubStorage::eventsAt(const QString &storeId,
                                                    const QList<qint64> &seqs)
{
    QList<EventRows::Logged> result;
    if (seqs.isEmpty())
        return result;
    QSqlQuery query = d->query();
    query.setForwardOnly(true);
    query.prepare(BackendStatements::eventsAtSql(seqs));
    if (const Result<void> ran = Connection::run(query, {storeId})) {
        result = BackendStatements::readLogged(query, storeId);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read snapshot events of" << storeId << ":" << ran.error();
    }
    return result;
}

QString SqliteHubStorage::orderBody(const QString &storeId, const QString &orderId)
{
    QString body;
    if (Connection::run(d->statements.selectOrder, {storeId, orderId}) && d->statements.selectOrder.next())
        body = d->statements.selectOrder.value(0).toString();
    d->statements.selectOrder.finish();
    return body;
}

QStringList SqliteHubStorage::orderBodies(const QString &storeId)
{
    QStringList result;
    QSqlQuery query = d->query();
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT body FROM orders WHERE store_id = ? ORDER BY order_id"));
    if (Connection::run(query, {storeId})) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

std::optional<IdempotentResponse> SqliteHubStorage::response(const QString &storeId,
                                                             const QString &key)
{
    QSqlQuery query = d->query();
    query.prepare(QStringLiteral("SELECT request_hash, status, response FROM idempotency "
                                 "WHERE store_id = ? AND key = ?"));
    if (!Connection::run(query, {storeId, key}) || !query.next())
        return std::nullopt;
    return IdempotentResponse {query.value(0).toString().toLatin1(), query.value(1).toInt(),
                               query.value(2).toString().toUtf8()};
}

Result<void> SqliteHubStorage::insertResponse(const QString &storeId, const QString &key,
                                              const IdempotentResponse &response,
                                              qint64 createdAtMs)
{
    QSqlQuery insert = d->query();
    insert.prepare(QStringLiteral("INSERT INTO idempotency (store_id, key, request_hash, status, "
                                  "response, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    return Connection::run(insert,
                           {storeId, key, QString::fromLatin1(response.requestHash),
                            response.status, QString::fromUtf8(response.body), createdAtMs});
}

int SqliteHubStorage::deleteResponsesBefore(qint64 cutoffMs)
{
    QSqlQuery prune = d->query();
    prune.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?"));
    if (const Result<void> pruned = Connection::run(prune, {cutoffMs}); !pruned) {
        qCWarning(lcHubStorage).noquote() << "cannot prune idempotency records:" << pruned.error();
        return 0;
    }
    return prune.numRowsAffected();
}
