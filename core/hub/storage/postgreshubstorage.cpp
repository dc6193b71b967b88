// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgreshubstorage.h"

#include "postgreshubconnection.h"
#include "postgreshubschema.h"

#include "hub/hublogging.h"

#include <limits>

namespace {
// How long a write waits for a store another process is writing to before it fails (and the
// caller retries): longer than any one transaction should take, short enough to surface a stall.
constexpr int lockTimeoutMs = 5000;
constexpr int connectTimeoutS = 5;

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

PostgresHubStorage::PostgresHubStorage(const PostgresAddress &address)
    : m_address(address)
    , d(std::make_unique<PostgresHubConnection>())
{ }

std::unique_ptr<HubStorage> PostgresHubStorage::another() const
{
    return std::make_unique<PostgresHubStorage>(m_address);
}

PostgresHubStorage::~PostgresHubStorage()
{
    close();
}

void PostgresHubStorage::close()
{
    d->close();
}

Result<void> PostgresHubStorage::open()
{
    close();
    const auto fail = [this](const QString &what) {
        const QString reason =
            QStringLiteral("Cannot open the hub log in %1: %2").arg(m_address.display(), what);
        qCWarning(lcHubStorage).noquote() << reason;
        close();
        return Failure {reason};
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian "
                                   "install libqt6sql6-psql"));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->name);
    d->db.setHostName(m_address.host);
    d->db.setPort(m_address.port);
    d->db.setDatabaseName(m_address.database);
    d->db.setUserName(m_address.user);
    // No password here: libpq reads PGPASSWORD itself, so the secret never passes through us.
    d->db.setConnectOptions(
        QStringLiteral("connect_timeout=%1;application_name=order-hub").arg(connectTimeoutS));
    if (!d->db.open())
        return fail(QStringLiteral("the server cannot be reached or refused the connection (%1). "
                                   "Is PostgreSQL running there, and may this user connect?")
                        .arg(d->db.lastError().text().trimmed()));
    if (const Result<void> timeout =
            d->run(QStringLiteral("SET lock_timeout = %1").arg(lockTimeoutMs));
        !timeout)
        return fail(timeout.error());
    if (const Result<void> prepared = PostgresHubSchema::prepare(d->db); !prepared)
        return fail(prepared.error());
    QString why;
    if (!d->prepareAll(&why))
        return fail(why);
    qCInfo(lcHubStorage).noquote() << "opened hub log in" << m_address.display();
    return {};
}

bool PostgresHubStorage::isOpen() const
{
    return d->db.isValid() && d->db.isOpen();
}

Result<void> PostgresHubStorage::insertStore(const QString &storeId, qint64 createdAtMs)
{
    return d->run(QStringLiteral("INSERT INTO stores (store_id, created_at) VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {storeId, createdAtMs});
}

bool PostgresHubStorage::hasStore(const QString &storeId)
{
    for (int attempt = 0;; ++attempt) {
        const bool ran = d->run(d->statements.selectStore, {storeId}).ok();
        const bool found = ran && d->statements.selectStore.next();
        d->statements.selectStore.finish();
        if (ran || attempt > 0 || !reconnected())
            return found;
    }
}

QStringList PostgresHubStorage::storeIds()
{
    for (int attempt = 0;; ++attempt) {
        QStringList result;
        QSqlQuery query = d->query();
        const bool ran =
            query.exec(QStringLiteral("SELECT store_id FROM stores ORDER BY store_id"));
        if (!ran)
            (void)d->failure(query.lastError()); // notes a lost connection
        while (ran && query.next())
            result.append(query.value(0).toString());
        if (ran || attempt > 0 || !reconnected())
            return result;
    }
}

Result<void> PostgresHubStorage::upsertConsole(const QString &storeId, const QString &consoleId,
                                               const QString &secretHash, qint64 createdAtMs)
{
    return d->run(QStringLiteral("INSERT INTO consoles (store_id, console_id, secret_hash, "
                                 "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (store_id, "
                                 "console_id) DO UPDATE SET secret_hash = excluded.secret_hash"),
                  {storeId, consoleId, secretHash, createdAtMs});
}

QString PostgresHubStorage::consoleHash(const QString &storeId, const QString &consoleId)
{
    QString stored;
    if (d->run(d->statements.selectConsole, {storeId, consoleId}) && d->statements.selectConsole.next())
        stored = d->statements.selectConsole.value(0).toString();
    d->statements.selectConsole.finish();
    return stored;
}

Result<void> PostgresHubStorage::setConsoleRight(const QString &storeId, const QString &consoleId,
                                                 const QString &right, bool granted,
                                                 qint64 changedAtMs)
{
    if (consoleHash(storeId, consoleId).isEmpty())
        return Failure {
            QStringLiteral("there is no console %1 in store %2").arg(consoleId, storeId)};
    if (granted)
        return d->run(QStringLiteral("INSERT INTO console_rights (store_id, console_id, name, "
                                     "granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                      {storeId, consoleId, right, changedAtMs});
    return d->run(QStringLiteral("DELETE FROM console_rights "
                                 "WHERE store_id = ? AND console_id = ? AND name = ?"),
                  {storeId, consoleId, right});
}

QStringList PostgresHubStorage::consoleRights(const QString &storeId, const QString &consoleId)
{
    QSqlQuery select = d->query();
    select.prepare(QStringLiteral("SELECT name FROM console_rights "
                                  "WHERE store_id = ? AND console_id = ? ORDER BY name"));
    QStringList rights;
    if (d->run(select, {storeId, consoleId})) {
        while (select.next())
            rights.append(select.value(0).toString());
    }
    return rights;
}

Result<void> PostgresHubStorage::insertPairingCode(const PairingCodeRow &row,
                                                   qint64 forgetBeforeMs)
{
    if (const Result<void> forgotten =
                d->run(BackendStatements::forgetPairingCodesSql(), {forgetBeforeMs});
        !forgotten)
        return forgotten;
    return d->run(BackendStatements::insertPairingCodeSql(),
                  {row.codeHash, row.storeId, row.consoleId, row.issuedAtMs, row.expiresAtMs});
}

Result<std::optional<PairingCodeRow>> PostgresHubStorage::findPairingCode(const QString &codeHash)
{
    QSqlQuery select = d->query();
    select.prepare(BackendStatements::selectPairingCodeSql());
    if (const Result<void> ran = d->run(select, {codeHash}); !ran)
        return Failure {ran.error()};
    if (!select.next())
        return std::optional<PairingCodeRow>();
    return std::optional<PairingCodeRow>(BackendStatements::readPairingCode(select));
}

Result<bool> PostgresHubStorage::usePairingCode(const QString &codeHash, qint64 usedAtMs)
{
    QSqlQuery use = d->query();
    use.prepare(BackendStatements::usePairingCodeSql());
    if (const Result<void> ran = d->run(use, {usedAtMs, codeHash}); !ran)
        return Failure {ran.error()};
    return use.numRowsAffected() == 1;
}

Result<void> PostgresHubStorage::beginWrite()
{
    // READ COMMITTED: each statement sees what other processes committed before it, so a
    // store's head read after its lock is the true head.
    const QString begin = QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED");
    Result<void> begun = d->run(begin);
    if (!begun && reconnected())
        begun = d->run(begin);
    d->writing = begun.ok();
    return begun;
}

// A restarted or failed-over server drops every connection; the first statement after it finds
// out. Outside a transaction (one in flight has failed and is its caller's to retry), connect
// again, so the hub carries on without a restart of its own.
bool PostgresHubStorage::reconnected()
{
    if (!d->lost || d->writing)
        return false;
    qCWarning(lcHubStorage).noquote()
        << "lost the connection to" << m_address.display() << "; connecting again";
    const bool opened = open().ok();
    d->lost = !opened; // try again at the next call
    return opened;
}

Result<void> PostgresHubStorage::lockStore(const QString &storeId)
{
    // hashtext() may map two stores to one lock: they then take turns, which is only slower.
    const Result<void> locked = d->run(d->lockStore, {storeId, storeId});
    d->lockStore.finish();
    return locked;
}

Result<void> PostgresHubStorage::commit()
{
    d->writing = false;
    return d->run(QStringLiteral("COMMIT"));
}

void PostgresHubStorage::rollback()
{
    d->writing = false;
    if (isOpen())
        (void)d->run(QStringLiteral("ROLLBACK"));
}

Result<void> PostgresHubStorage::savepoint()
{
    return d->run(QStringLiteral("SAVEPOINT part"));
}

Result<void> PostgresHubStorage::releaseSavepoint()
{
    return d->run(QStringLiteral("RELEASE SAVEPOINT part"));
}

Result<void> PostgresHubStorage::rollbackToSavepoint()
{
    // A failed statement leaves PostgreSQL's transaction aborted until this; the savepoint then
    // stays, so it is released for the next part.
    if (const Result<void> undone = d->run(QStringLiteral("ROLLBACK TO SAVEPOINT part"));
        !undone)
        return undone;
    return releaseSavepoint();
}

Result<std::optional<EventRows::Logged>> PostgresHubStorage::findLogged(const QString &eventId)
{
    QSqlQuery &query = d->statements.selectEventById;
    if (const Result<void> ran = d->run(query, {eventId}); !ran)
        return Failure {ran.error()};
    std::optional<EventRows::Logged> found;
    if (query.next())
        found = EventRows::Logged {query.value(0).toString(), query.value(1).toLongLong(),
                                   query.value(2).toString()};
    query.finish();
    return found;
}

Result<std::optional<EventRows::Refusal>> PostgresHubStorage::findRefusal(const QString &storeId,
                                                                          const QString &eventId)
{
    QSqlQuery &query = d->statements.selectRefusal;
    if (const Result<void> ran = d->run(query, {storeId, eventId}); !ran)
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

Result<void> PostgresHubStorage::insertRefusal(const EventRows::Refusal &refusal)
{
    return d->run(d->statements.insertRefusal,
                  {refusal.storeId, refusal.eventId, refusal.body, refusal.reason,
                   nullIfEmpty(refusal.conflicting), refusal.refusedAtMs});
}

Result<void> PostgresHubStorage::appendEvent(const EventRows::Append &event)
{
    return d->run(d->statements.insertEvent,
                  {event.storeId, event.seq, event.eventId, nullIfEmpty(event.orderId), event.body,
                   event.recordedAtMs});
}

Result<void> PostgresHubStorage::upsertOrder(const QString &storeId, const QString &orderId,
                                             const QString &body)
{
    return d->run(d->statements.upsertOrder, {storeId, orderId, body});
}

qint64 PostgresHubStorage::head(const QString &storeId)
{
    for (int attempt = 0;; ++attempt) {
        const bool ran = d->run(d->statements.selectHead, {storeId}).ok();
        const qint64 result = ran && d->statements.selectHead.next() ? d->statements.selectHead.value(0).toLongLong() : 0;
        d->statements.selectHead.finish();
        if (ran || attempt > 0 || !reconnected())
            return result;
    }
}

qint64 PostgresHubStorage::eventCount(const QString &storeId)
{
    QSqlQuery query = d->query();
    if (storeId.isEmpty()) {
        query.exec(QStringLiteral("SELECT count(*) FROM events"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM events WHERE store_id = ?"));
        (void)d->run(query, {storeId}); // a failure leaves no row: -1
    }
    return query.next() ? query.value(0).toLongLong() : -1;
}

QList<EventRows::Logged> PostgresHubStorage::eventsAfter(const QString &storeId, qint64 cursor,
                                                         int limit)
{
    QList<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectAfter;
    Result<void> ran = d->run(query, {storeId, cursor, limit});
    if (!ran && reconnected()) // a replay must not end early on a dropped connection
        ran = d->run(d->statements.selectAfter, {storeId, cursor, limit});
    if (ran) {
        while (d->statements.selectAfter.next())
            result.append({storeId, d->statements.selectAfter.value(0).toLongLong(),
                           d->statements.selectAfter.value(1).toString()});
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read events of" << storeId << ":" << ran.error();
    }
    d->statements.selectAfter.finish();
    return result;
}

std::optional<EventRows::Logged> PostgresHubStorage::lastEventOf(const QString &storeId,
                                                                 const QString &orderId)
{
    std::optional<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectLastOfOrder;
    if (d->run(query, {storeId, orderId}) && query.next())
        result =
            EventRows::Logged {storeId, query.value(0).toLongLong(), query.value(1).toString()};
    query.finish();
    return result;
}

QList<EventRows::Logged> PostgresHubStorage::storeEventsBefore(const QString &storeId,
                                                               qint64 beforeSeq, int limit)
{
    QList<EventRows::Logged> result;
    QSqlQuery &query = d->statements.selectLastOfStore;
    const qint64 before = beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max();
    if (const Result<void> ran = d->run(query, {storeId, before, limit})) {
        result = BackendStatements::readLogged(query, storeId);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read store events of" << storeId << ":" << ran.error();
    }
    query.finish();
    return result;
}

QList<qint64> PostgresHubStorage::snapshotSeqs(const QString &storeId, qint64 throughSeq,
                                               qint64 changedSinceMs)
{
    QSqlQuery query = d->query();
    query.setForwardOnly(true);
    query.prepare(PostgresHubSchema::snapshotSeqsQuery());
    QList<qint64> seqs;
    if (const Result<void> ran = d->run(query, {storeId, changedSinceMs, throughSeq})) {
        seqs = BackendStatements::readSeqs(query);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read the snapshot of" << storeId << ":" << ran.error();
    }
    return seqs;
}

QList<EventRows::Logged> PostgresHubStorage::eventsAt(const QString &storeId,
                                                      const QList<qint64> &seqs)
{
    QList<EventRows::Logged> result;
    if (seqs.isEmpty())
        return result;
    QSqlQuery query = d->query();
    query.setForwardOnly(true);
    query.prepare(BackendStatements::eventsAtSql(seqs));
    if (const Result<void> ran = d->run(query, {storeId})) {
        result = BackendStatements::readLogged(query, storeId);
    } else {
        qCWarning(lcHubStorage).noquote()
            << "cannot read snapshot events of" << storeId << ":" << ran.error();
    }
    return result;
}

QString PostgresHubStorage::orderBody(const QString &storeId, const QString &orderId)
{
    QString body;
    if (d->run(d->statements.selectOrder, {storeId, orderId}) && d->statements.selectOrder.next())
        body = d->statements.selectOrder.value(0).toString();
    d->statements.selectOrder.finish();
    return body;
}

QStringList PostgresHubStorage::orderBodies(const QString &storeId)
{
    QStringList result;
    QSqlQuery query = d->query();
    query.prepare(QStringLiteral("SELECT body FROM orders WHERE store_id = ? ORDER BY order_id"));
    if (d->run(query, {storeId})) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

std::optional<IdempotentResponse> PostgresHubStorage::response(const QString &storeId,
                                                               const QString &key)
{
    QSqlQuery query = d->query();
    query.prepare(QStringLiteral("SELECT request_hash, status, response FROM idempotency "
                                 "WHERE store_id = ? AND key = ?"));
    if (!d->run(query, {storeId, key}) || !query.next())
        return std::nullopt;
    return IdempotentResponse {query.value(0).toString().toLatin1(), query.value(1).toInt(),
                               query.value(2).toString().toUtf8()};
}

Result<void> PostgresHubStorage::insertResponse(const QString &storeId, const QString &key,
                                                const IdempotentResponse &response,
                                                qint64 createdAtMs)
{
    return d->run(QStringLiteral("INSERT INTO idempotency (store_id, key, request_hash, status, "
                                 "response, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                  {storeId, key, QString::fromLatin1(response.requestHash), response.status,
                   QString::fromUtf8(response.body), createdAtMs});
}

int PostgresHubStorage::deleteResponsesBefore(qint64 cutoffMs)
{
    QSqlQuery prune = d->query();
    prune.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?"));
    if (const Result<void> pruned = d->run(prune, {cutoffMs}); !pruned) {
        qCWarning(lcHubStorage).noquote() << "cannot prune idempotency records:" << pruned.error();
        return 0;
    }
    return prune.numRowsAffected();
}
