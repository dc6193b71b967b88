// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storearchiver.h"

#include "common/clock.h"
#include "common/sqliteconnection.h"
#include "rowcodec.h"
#include "storedatabase.h"
#include "store.h"
#include "storelogging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <optional>

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
/** "KCAR": marks a file as a Kitchen Console archive. */
constexpr int archiveApplicationId = 0x4B434152;
constexpr int archiveVersion = 1;

// An order that is due: finished (nothing but a refund can follow), finished before the cutoff,
// and nothing of it waiting for a destination or for a manager's decision.
const QLatin1String dueCondition(
        "o.state IN ('picked_up', 'delivered', 'rejected', 'cancelled', 'refunded') "
        "AND o.state_since < :cutoff "
        "AND NOT EXISTS (SELECT 1 FROM main.events e JOIN main.outbox x "
        "ON x.event_id = e.event_id WHERE e.order_id = o.order_id) "
        "AND NOT EXISTS (SELECT 1 FROM main.events e JOIN main.dead_letters d "
        "ON d.event_id = e.event_id WHERE e.order_id = o.order_id)");
const QLatin1String finishedMonth("strftime('%Y-%m', o.state_since / 1000, 'unixepoch')");
const QLatin1String orderColumns("order_id, store_id, number, type, state, placed_at, "
                                 "state_since, promised_at, updated_at, event_count, body");

// The archive keeps the log's columns, what the platform said of each event, and when it moved.
const char *const archiveSchema[] = {
    "CREATE TABLE IF NOT EXISTS archive.events (seq INTEGER NOT NULL, "
    "event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, store_id TEXT NOT NULL, "
    "kind TEXT NOT NULL, from_state TEXT, to_state TEXT, actor TEXT NOT NULL, "
    "origin TEXT NOT NULL, occurred_at INTEGER NOT NULL, reason TEXT, payload TEXT NOT NULL, "
    "recorded_at INTEGER NOT NULL, hub_seq INTEGER, rejected_reason TEXT, "
    "archived_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS archive.events_by_order ON events(order_id, seq)",
    "CREATE TABLE IF NOT EXISTS archive.orders (order_id TEXT PRIMARY KEY, "
    "store_id TEXT NOT NULL, number TEXT NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL, "
    "placed_at INTEGER NOT NULL, state_since INTEGER NOT NULL, promised_at INTEGER, "
    "updated_at INTEGER NOT NULL, event_count INTEGER NOT NULL, body TEXT NOT NULL, "
    "archived_at INTEGER NOT NULL)",
    "CREATE TRIGGER IF NOT EXISTS archive.archive_events_kept BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'an archive is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS archive.archive_events_never_deleted BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'an archive is append-only'); END",
};

// Binds those of values whose placeholder the statement has: several statements share one set.
Result<void> execute(QSqlQuery &query, const QString &sql, const QVariantMap &values = {})
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Failure {query.lastError().text()};
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (sql.contains(it.key()))
            query.bindValue(it.key(), it.value());
    }
    if (!query.exec())
        return Failure {query.lastError().text()};
    return {};
}

Result<void> execute(const QSqlDatabase &db, const QString &sql, const QVariantMap &values = {})
{
    QSqlQuery query(db);
    return execute(query, sql, values);
}

Result<int> pragmaValue(const QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return Failure {query.lastError().text()};
    return query.value(0).toInt();
}

/** The archive file attached to a store's connection as "archive" for its lifetime. */
class AttachedArchive final
{
public:
    AttachedArchive(const QSqlDatabase &db, const QString &path) : m_db(db)
    {
        m_attached = execute(m_db, QStringLiteral("ATTACH DATABASE :path AS archive"),
                         {{QStringLiteral(":path"), path}});
    }
    ~AttachedArchive()
    {
        if (m_attached)
            static_cast<void>(execute(m_db, QStringLiteral("DETACH DATABASE archive")));
    }
    Q_DISABLE_COPY_MOVE(AttachedArchive)

    /** Attached, stamped as an archive and with its tables; refuses someone else's file. */
    Result<void> prepare() const
    {
        if (!m_attached)
            return m_attached;
        const Result<int> tables = pragmaValue(m_db, QStringLiteral("archive.schema_version"));
        const Result<int> owner = pragmaValue(m_db, QStringLiteral("archive.application_id"));
        if (!tables || !owner)
            return Failure {tables ? owner.error() : tables.error()};
        if (*tables != 0 && *owner != archiveApplicationId)
            return Failure {QStringLiteral("the file is not a Kitchen Console archive")};
        for (const char *statement : archiveSchema) {
            if (const Result<void> made = execute(m_db, QString::fromLatin1(statement)); !made)
                return made;
        }
        for (const QString &pragma :
             {QStringLiteral("PRAGMA archive.application_id = %1").arg(archiveApplicationId),
              QStringLiteral("PRAGMA archive.user_version = %1").arg(archiveVersion),
              QStringLiteral("PRAGMA archive.synchronous = FULL")}) {
            if (const Result<void> set = execute(m_db, pragma); !set)
                return set;
        }
        return {};
    }

private:
    QSqlDatabase m_db;
    Result<void> m_attached;
};

/** A transaction on db that rolls back unless committed. */
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db, const QString &begin = QStringLiteral("BEGIN"))
        : m_db(db), m_began(execute(db, begin))
    {
    }
    ~Transaction()
    {
        if (m_began && !m_committed)
            static_cast<void>(execute(m_db, QStringLiteral("ROLLBACK")));
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    const Result<void> &began() const { return m_began; }
    Result<void> commit()
    {
        const Result<void> committed = execute(m_db, QStringLiteral("COMMIT"));
        m_committed = bool(committed);
        return committed;
    }

private:
    QSqlDatabase m_db;
    Result<void> m_began;
    bool m_committed = false;
};

} // namespace

StoreArchiver::StoreArchiver(const QString &storePath, const Clock &clock,
                             const ArchivePolicy &policy)
    : m_storePath(storePath), m_clock(clock), m_policy(policy)
{
    m_policy.afterDays = qMax(m_policy.afterDays, ArchivePolicy::minimumAfterDays);
    m_policy.ordersPerBatch = qMax(m_policy.ordersPerBatch, 1);
}

QString StoreArchiver::archivePath(const QString &storePath, const QString &month)
{
    const QFileInfo store(storePath);
    return store.dir().filePath(QStringLiteral("%1.archive-%2.sqlite")
                                        .arg(store.completeBaseName(), month));
}

Result<ArchiveReport> StoreArchiver::run()
{
    Store store(m_storePath, &m_clock);
    // The console checked the file when it opened it; this is one more connection to it.
    if (const Result<void> opened =
                store.open(Store::OpenMode::ReadWrite, Store::IntegrityCheck::Skip);
        !opened)
        return Failure {opened.error()};
    const QSqlDatabase db = StoreDatabase::of(store);
    const qint64 cutoff = m_clock.nowMs() - m_policy.afterDays * dayMs;
    const Result<QStringList> months = dueMonths(db, cutoff);
    if (!months)
        return Failure {QStringLiteral("cannot look for orders to archive: %1").arg(months.error())};
    ArchiveReport report;
    for (const QString &month : *months) {
        for (;;) {
            const Result<qint64> moved = archiveBatch(db, month, cutoff, &report);
            if (!moved) {
                qCWarning(lcStore).noquote() << "archiving the orders of" << month
                                             << "stopped:" << moved.error();
                return Failure {moved.error()};
            }
            if (*moved < m_policy.ordersPerBatch)
                break;
        }
    }
    if (report.orders > 0)
        qCInfo(lcStore).noquote() << "archived" << report.orders << "finished orders ("
                                  << report.events << "events ) to" << report.files.join(u", ");
    return report;
}

Result<QStringList> StoreArchiver::dueMonths(const QSqlDatabase &db, qint64 cutoff) const
{
    QSqlQuery query(db);
    if (const Result<void> found = execute(
                query,
                QStringLiteral("SELECT DISTINCT %1 AS month FROM main.orders o WHERE %2 "
                               "ORDER BY month")
                        .arg(finishedMonth, dueCondition),
                {{QStringLiteral(":cutoff"), cutoff}});
        !found)
        return Failure {found.error()};
    QStringList months;
    while (query.next())
        months.append(query.value(0).toString());
    return months;
}

Result<qint64> StoreArchiver::archiveBatch(const QSqlDatabase &db, const QString &month,
                                           qint64 cutoff, ArchiveReport *report) const
{
    const QString path = archivePath(m_storePath, month);
    const AttachedArchive archive(db, path);
    if (const Result<void> ready = archive.prepare(); !ready)
        return Failure {QStringLiteral("%1: %2").arg(path, ready.error())};
    if (const Result<void> copied = copyBatch(db, month, cutoff); !copied)
        return Failure {QStringLiteral("copying to %1: %2").arg(path, copied.error())};
    return removeCopied(db, QFileInfo(path).fileName(), cutoff, report);
}

Result<void> StoreArchiver::copyBatch(const QSqlDatabase &db, const QString &month,
                                      qint64 cutoff) const
{
    const qint64 now = m_clock.nowMs();
    // The batch is chosen and copied in one read of the live store; the archive's commit is on
    // disk (synchronous=FULL) before anything leaves the live store.
    Transaction transaction(db);
    if (!transaction.began())
        return transaction.began();
    const QString statements[] = {
        QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS archive_batch (order_id TEXT PRIMARY KEY)"),
        QStringLiteral("DELETE FROM temp.archive_batch"),
        QStringLiteral("INSERT INTO temp.archive_batch SELECT o.order_id FROM main.orders o "
                       "WHERE %1 AND %2 = :month ORDER BY o.state_since LIMIT :limit")
                .arg(dueCondition, finishedMonth),
        QStringLiteral("INSERT OR IGNORE INTO archive.events SELECT e.seq, %1, e.recorded_at, "
                       "s.hub_seq, s.rejected_reason, :now FROM main.events e "
                       "LEFT JOIN main.event_status s ON s.event_id = e.event_id "
                       "WHERE e.order_id IN (SELECT order_id FROM temp.archive_batch)")
                .arg(RowCodec::eventColumns(QStringLiteral("e."))),
        QStringLiteral("INSERT OR IGNORE INTO archive.orders SELECT %1, :now FROM main.orders "
                       "WHERE order_id IN (SELECT order_id FROM temp.archive_batch)")
                .arg(orderColumns),
    };
    const QVariantMap values {{QStringLiteral(":cutoff"), cutoff},
                              {QStringLiteral(":month"), month},
                              {QStringLiteral(":limit"), m_policy.ordersPerBatch},
                              {QStringLiteral(":now"), now}};
    for (const QString &statement : statements) {
        if (const Result<void> done = execute(db, statement, values); !done)
            return done;
    }
    return transaction.commit();
}

Result<qint64> StoreArchiver::removeCopied(const QSqlDatabase &db, const QString &fileName,
                                           qint64 cutoff, ArchiveReport *report) const
{
    const qint64 now = m_clock.nowMs();
    // IMMEDIATE: the check and the removal see the same log, with no event slipping in between.
    Transaction transaction(db, QStringLiteral("BEGIN IMMEDIATE"));
    if (!transaction.began())
        return Failure {transaction.began().error()};
    const QString inBatch = QStringLiteral("(SELECT order_id FROM temp.archive_batch)");
    const QString statements[] = {
        // An order that changed since the copy, or whose copy is not whole, stays for next time.
        QStringLiteral("DELETE FROM temp.archive_batch WHERE NOT EXISTS (SELECT 1 FROM "
                       "main.orders o WHERE o.order_id = archive_batch.order_id AND %1) "
                       "OR EXISTS (SELECT 1 FROM main.events e WHERE e.order_id = "
                       "archive_batch.order_id AND NOT EXISTS (SELECT 1 FROM archive.events a "
                       "WHERE a.event_id = e.event_id))")
                .arg(dueCondition),
        QStringLiteral("INSERT INTO main.archived_orders (order_id, archive_file, event_count, "
                       "finished_at, archived_at) SELECT o.order_id, :file, (SELECT count(*) "
                       "FROM main.events e WHERE e.order_id = o.order_id), o.state_since, :now "
                       "FROM main.orders o WHERE o.order_id IN %1")
                .arg(inBatch),
        QStringLiteral("INSERT INTO main.archived_events (event_id, order_id) SELECT event_id, "
                       "order_id FROM main.events WHERE order_id IN %1")
                .arg(inBatch),
        QStringLiteral("DELETE FROM main.event_status WHERE event_id IN (SELECT event_id FROM "
                       "main.events WHERE order_id IN %1)")
                .arg(inBatch),
        QStringLiteral("DELETE FROM main.events WHERE order_id IN %1").arg(inBatch),
        QStringLiteral("DELETE FROM main.orders WHERE order_id IN %1").arg(inBatch),
    };
    const QVariantMap values {{QStringLiteral(":cutoff"), cutoff},
                              {QStringLiteral(":file"), fileName},
                              {QStringLiteral(":now"), now}};
    qint64 orders = 0;
    qint64 events = 0;
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (const Result<void> done = execute(query, statement, values); !done)
            return Failure {done.error()};
        if (statement.startsWith(QLatin1String("INSERT INTO main.archived_orders")))
            orders = query.numRowsAffected();
        else if (statement.startsWith(QLatin1String("INSERT INTO main.archived_events")))
            events = query.numRowsAffected();
    }
    if (const Result<void> committed = transaction.commit(); !committed)
        return Failure {committed.error()};
    report->orders += orders;
    report->events += events;
    if (orders > 0 && !report->files.contains(fileName))
        report->files.append(fileName);
    return orders;
}

namespace {
// The archive file that holds orderId, as a path beside the store; none if it was not archived.
Result<std::optional<QString>> archiveFileOf(const Store &store, const QString &orderId)
{
    QSqlQuery query(StoreDatabase::of(store));
    if (!execute(query,
                 QStringLiteral("SELECT archive_file FROM archived_orders WHERE order_id = :id"),
                 {{QStringLiteral(":id"), orderId}}))
        return Failure {query.lastError().text()};
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(
            QFileInfo(store.path()).dir().filePath(query.value(0).toString()));
}

// Archive files are only read once written: read-only, as the store waits for a lock.
Result<void> openArchive(SqliteConnection &archive, const Store &store, const QString &path)
{
    if (const Result<void> opened = archive.open(path, SqliteConnection::Access::ReadOnly,
                                                 store.busyTimeoutMs());
        !opened)
        return Failure {QStringLiteral("%1: %2").arg(path, opened.error())};
    return {};
}
} // namespace

Result<QList<OrderEvent>> StoreArchiver::archivedEvents(const Store &store, const QString &orderId)
{
    const Result<std::optional<QString>> file = archiveFileOf(store, orderId);
    if (!file)
        return Failure {file.error()};
    if (!file->has_value())
        return Failure {QStringLiteral("order %1 is not archived").arg(orderId)};
    const QString &path = **file;

    SqliteConnection archive(QStringLiteral("kc-archive"));
    if (const Result<void> opened = openArchive(archive, store, path); !opened)
        return Failure {opened.error()};
    QList<OrderEvent> events;
    {
        QSqlQuery query(archive.database());
        if (!execute(query,
                   QStringLiteral("SELECT %1 FROM events WHERE order_id = :id ORDER BY seq")
                           .arg(RowCodec::eventColumns()),
                   {{QStringLiteral(":id"), orderId}}))
            return Failure {QStringLiteral("%1: %2").arg(path, query.lastError().text())};
        while (query.next()) {
            Result<OrderEvent> event = RowCodec::decodeEvent(query, 0);
            if (!event)
                return Failure {QStringLiteral("%1: %2").arg(path, event.error())};
            events.append(*event);
        }
    }
    return events;
}

namespace {
// One text column of every row; a failure is logged and reads as no rows (the audits that ask
// then report what they cannot find, in their own words).
QStringList column(const Store &store, const QString &sql)
{
    QStringList values;
    QSqlQuery query(StoreDatabase::of(store));
    query.setForwardOnly(true);
    if (!query.exec(sql))
        qCWarning(lcStore) << "cannot read what was archived:" << query.lastError().text();
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}
} // namespace

Result<QStringList> StoreArchiver::archivedOrdersNumbered(const Store &store, const QString &number)
{
    const QDir dir = QFileInfo(store.path()).dir();
    QList<std::pair<qint64, QString>> found; // placed at, id
    const QStringList files = column(
            store, QStringLiteral("SELECT DISTINCT archive_file FROM archived_orders"));
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        SqliteConnection archive(QStringLiteral("kc-archive"));
        if (const Result<void> opened = openArchive(archive, store, path); !opened)
            return Failure {opened.error()};
        QSqlQuery query(archive.database());
        if (!execute(query,
                     QStringLiteral("SELECT order_id, placed_at FROM orders WHERE number = :n"),
                     {{QStringLiteral(":n"), number}}))
            return Failure {QStringLiteral("%1: %2").arg(path, query.lastError().text())};
        while (query.next()) {
            // A copy whose removal from the live store never committed is not archived yet.
            if (isArchived(store, query.value(0).toString()))
                found.append({query.value(1).toLongLong(), query.value(0).toString()});
        }
    }
    std::sort(found.begin(), found.end(), std::greater<>());
    QStringList ids;
    for (const auto &[placedAt, id] : std::as_const(found))
        ids.append(id);
    return ids;
}

QSet<QUuid> StoreArchiver::archivedEventIds(const Store &store)
{
    QSet<QUuid> ids;
    for (const QString &id : column(store, QStringLiteral("SELECT event_id FROM archived_events")))
        ids.insert(QUuid::fromString(id));
    return ids;
}

QSet<QString> StoreArchiver::archivedOrderIds(const Store &store)
{
    const QStringList ids = column(store, QStringLiteral("SELECT order_id FROM archived_orders"));
    return QSet<QString>(ids.cbegin(), ids.cend());
}

bool StoreArchiver::isArchived(const Store &store, const QString &orderId)
{
    const Result<std::optional<QString>> file = archiveFileOf(store, orderId);
    return file && file->has_value();
}
