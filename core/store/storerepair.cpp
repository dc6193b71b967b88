// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storerepair.h"

#include "common/clock.h"
#include "projectionverifier.h"
#include "rowcodec.h"
#include "store.h"
#include "storeintegrity.h"
#include "storelogging.h"
#include "storedatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <utility>

namespace {
constexpr int chunkRows = 256;
// Without a known last row, this many chunks in a row with nothing readable end a table.
constexpr int maxBlindChunks = 16;
// The files SQLite keeps beside a database; all of them move together, the database itself last:
// while it is still in place, its companions are too, or already aside.
const QStringList companionSuffixes {QStringLiteral("-wal"), QStringLiteral("-shm"),
                                     QStringLiteral("-journal"), QString()};
const QString freshSuffix = QStringLiteral(".repairing");

// A read-only connection of its own to the damaged file: nothing is ever written to it.
class DamagedFile final
{
public:
    explicit DamagedFile(const QString &path)
        : m_name(
            QStringLiteral("kc-repair-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            m_opened = Failure {db.lastError().text()};
    }
    ~DamagedFile()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(DamagedFile)

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    /** Whether SQLite opened the file, and if not, why. */
    const Result<void> &opened() const { return m_opened; }

private:
    QString m_name;
    Result<void> m_opened;
};

std::optional<qint64> scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

// Reads what SQLite can of one table in rowid order: a chunk at a time, and row by row through
// a chunk that runs into damage, so a bad page costs only the rows on it. take() sees the rowid
// first, then the columns. Returns how many rowids could not be read (as far as it can tell).
qint64 salvageTable(const QSqlDatabase &db, const QString &table, const QString &columns,
                    std::optional<qint64> lastRowid,
                    const std::function<void(const QSqlQuery &)> &take)
{
    const QString select = QStringLiteral("SELECT rowid, %1 FROM %2 ").arg(columns, table);
    QSqlQuery chunk(db);
    chunk.setForwardOnly(true);
    QSqlQuery single(db);
    single.setForwardOnly(true);
    if (!chunk.prepare(select + QStringLiteral("WHERE rowid >= ? ORDER BY rowid LIMIT ?"))
        || !single.prepare(select + QStringLiteral("WHERE rowid = ?"))) {
        qCWarning(lcStore).noquote()
            << "repair: nothing of" << table << "can be read:" << chunk.lastError().text()
            << single.lastError().text();
        return lastRowid.value_or(0);
    }
    qint64 unreadable = 0;
    qint64 unreadableSinceRead = 0; // not counted if no row follows them: the table may end there
    qint64 next = 1;
    int blindChunks = 0;
    while (!lastRowid || next <= *lastRowid) {
        chunk.bindValue(0, next);
        chunk.bindValue(1, chunkRows);
        int rows = 0;
        qint64 seen = next - 1;
        const bool ran = chunk.exec();
        while (ran && chunk.next()) {
            take(chunk);
            seen = chunk.value(0).toLongLong();
            ++rows;
        }
        const bool clean = ran && !chunk.lastError().isValid();
        chunk.finish();
        if (rows > 0) {
            unreadable += unreadableSinceRead;
            unreadableSinceRead = 0;
        }
        if (clean) {
            if (rows < chunkRows)
                break; // the end of the table
            next = seen + 1;
            blindChunks = 0;
            continue;
        }
        // Damage somewhere after the last row read: row by row through the rest of the chunk.
        const qint64 end = seen + 1 + chunkRows;
        bool readAny = rows > 0;
        for (qint64 rowid = seen + 1; rowid < end && (!lastRowid || rowid <= *lastRowid); ++rowid) {
            single.bindValue(0, rowid);
            const bool looked = single.exec();
            if (looked && single.next()) {
                take(single);
                readAny = true;
                unreadable += unreadableSinceRead;
                unreadableSinceRead = 0;
            } else if (!looked || single.lastError().isValid()) {
                ++unreadableSinceRead;
            }
            single.finish();
        }
        next = end;
        blindChunks = readAny ? 0 : blindChunks + 1;
        if (!lastRowid && blindChunks >= maxBlindChunks)
            break;
    }
    // Up to a known last row, what could not be read was there; past the last row read, with
    // no known end, it may never have existed.
    return unreadable + (lastRowid ? unreadableSinceRead : 0);
}

Result<void> exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Failure {query.lastError().text()};
    return {};
}

Result<void> prepare(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql))
        return Failure {query.lastError().text()};
    return {};
}

bool hasColumn(const QSqlDatabase &db, const QString &table, const QString &column)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)))
        return false;
    while (query.next()) {
        if (query.value(0).toString() == column)
            return true;
    }
    return false;
}

// Binds the source row's values after the rowid, in order, and runs the insert.
bool copyRow(QSqlQuery &insert, const QSqlQuery &row, int firstColumn, int count)
{
    for (int i = 0; i < count; ++i)
        insert.bindValue(i, row.value(firstColumn + i));
    return insert.exec();
}

// Removes what a repair cut short left of its fresh file.
void removeFileSet(const QString &path)
{
    QDir dir;
    for (const QString &suffix : companionSuffixes)
        dir.remove(path + suffix);
}
} // namespace

StoreRepair::StoreRepair(const QString &path, const Clock &clock)
    : m_path(path)
    , m_clock(clock)
{ }

void StoreRepair::requeueLocal(const QString &origin, const QStringList &destinations)
{
    m_localOrigin = origin;
    m_localDestinations = destinations;
}

bool StoreRepair::completeInterrupted(const QString &path)
{
    // The fresh file is renamed into place last, after the damaged one and every companion of it
    // went aside; before that it is complete, checkpointed and closed. So a fresh file with no
    // store (and no stale -wal) beside it is a repair that stopped one rename short.
    const QString freshPath = path + freshSuffix;
    if (QFileInfo::exists(path) || !QFileInfo::exists(freshPath))
        return false;
    for (const QString &suffix : companionSuffixes) {
        if (!suffix.isEmpty() && QFileInfo::exists(path + suffix))
            return false;
    }
    if (!QDir().rename(freshPath, path))
        return false;
    qCWarning(lcStore).noquote() << "repair: completed a repair of" << path
                                 << "that stopped before the repaired store was put in place";
    return true;
}

QString StoreRepair::setAsidePath() const
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString candidate = QStringLiteral("%1.damaged-%2").arg(m_path, stamp);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QStringLiteral("%1.damaged-%2-%3").arg(m_path, stamp).arg(n);
    return candidate;
}

Result<RepairReport> StoreRepair::repair()
{
    RepairReport report;
    if (!QFileInfo(m_path).isFile())
        return Failure {QStringLiteral("There is no store at %1 to repair.").arg(m_path)};
    const QString freshPath = m_path + freshSuffix;
    removeFileSet(freshPath); // left by a repair that was cut short: the damaged file is still here
    Result<void> salvaged;
    {
        DamagedFile damaged(m_path);
        if (!damaged.opened())
            return Failure {QStringLiteral("Cannot read the damaged store %1: %2")
                                .arg(m_path, damaged.opened().error())};
        const Result<QStringList> damage =
            StoreIntegrity::check(damaged.db(), StoreIntegrity::Depth::Quick);
        if (!damage)
            return Failure {QStringLiteral("Cannot check %1: %2").arg(m_path, damage.error())};
        // Only a file SQLite calls damaged is set aside; anything else is not ours to move.
        if (damage->isEmpty())
            return Failure {
                QStringLiteral("SQLite finds no damage in %1; it was left as it is.").arg(m_path)};
        report.damage = *damage;
        qCWarning(lcStore).noquote()
            << "repair:" << m_path << "is damaged:" << report.damage.join(QLatin1String("; "));
        salvaged = salvage(damaged.db(), freshPath, &report);
    }
    if (!salvaged) {
        removeFileSet(freshPath); // closed now; the damaged file stays where it was
        return Failure {salvaged.error()};
    }
    report.setAsidePath = setAsidePath();
    if (const Result<void> swapped = swapIn(freshPath, report.setAsidePath); !swapped)
        return Failure {swapped.error()};
    qCWarning(lcStore).noquote() << "repair: set" << m_path << "aside as" << report.setAsidePath
                                 << "and salvaged" << report.eventsSalvaged << "events ("
                                 << report.unreadableEvents << "unreadable),"
                                 << report.pendingSalvaged << "unsent (" << report.unreadablePending
                                 << "unreadable)," << report.requeued << "requeued,"
                                 << report.deadLettersSalvaged << "dead letters,"
                                 << report.ordersRebuilt
                                 << "orders; every feed replays from the start";
    return report;
}

Result<void> StoreRepair::salvage(const QSqlDatabase &source, const QString &freshPath,
                                  RepairReport *report) const
{
    Store fresh(freshPath, &m_clock);
    if (Result<void> opened = fresh.open(); !opened)
        return opened;
    const qint64 now = m_clock.nowMs();
    const QSqlDatabase db = StoreDatabase::of(fresh);
    const QString eventColumns = QStringLiteral("recorded_at, ") + RowCodec::eventColumns();
    const QString statusColumns = QStringLiteral("event_id, hub_seq, rejected_reason, updated_at");
    const QString outboxColumns = QStringLiteral(
        "event_id, destination, attempts, next_attempt_at, last_error, created_at, first_error, "
        "first_error_at");
    const QString deadColumns = QStringLiteral(
        "event_id, destination, attempts, last_error, dead_at, first_error, first_error_at");
    // A file damaged before it was migrated to schema 5 has no first errors: not recorded.
    const QString firstErrors = hasColumn(source, QStringLiteral("outbox"),
                                          QStringLiteral("first_error"))
        ? QStringLiteral("first_error, first_error_at")
        : QStringLiteral("NULL, NULL");
    const QString outboxSource = QStringLiteral(
        "event_id, destination, attempts, next_attempt_at, last_error, created_at, ") + firstErrors;
    const QString deadSource =
        QStringLiteral("event_id, destination, attempts, last_error, dead_at, ") + firstErrors;
    QSqlQuery insertEvent(db);
    QSqlQuery insertStatus(db);
    QSqlQuery insertOutbox(db);
    QSqlQuery insertDead(db);
    const auto fail = [&](const Result<void> &failed) -> Result<void> {
        return Failure {QStringLiteral("Cannot write the repaired store %1: %2")
                            .arg(freshPath, failed.error())};
    };
    const std::pair<QSqlQuery *, QString> inserts[] = {
        {&insertEvent,
         QStringLiteral(
             "INSERT INTO events (seq, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
             .arg(eventColumns)},
        {&insertStatus,
         QStringLiteral("INSERT INTO event_status (%1) VALUES (?, ?, ?, ?)").arg(statusColumns)},
        {&insertOutbox,
         QStringLiteral("INSERT INTO outbox (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
             .arg(outboxColumns)},
        {&insertDead,
         QStringLiteral("INSERT INTO dead_letters (%1) VALUES (?, ?, ?, ?, ?, ?, ?)")
             .arg(deadColumns)},
    };
    for (const auto &[insert, sql] : inserts) {
        if (const Result<void> prepared = prepare(*insert, sql); !prepared)
            return fail(prepared);
    }
    if (const Result<void> begun = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return fail(begun);

    // The log first, with its local order (seq): every other row is kept only for an event that
    // was salvaged.
    QSet<QString> salvaged;
    QHash<QString, qint64> localRecordedAt; // this console's own events, for requeueing
    QHash<QString, QString> localOrderOf; // their orders
    QHash<QString, QString> posOrders; // orders rung up at a POS: their source
    const std::optional<qint64> lastSeq = std::max(
        scalar(source, QStringLiteral("SELECT max(seq) FROM events")),
        scalar(source, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'events'")));
    const qint64 unreadableRows = salvageTable(
        source, QStringLiteral("events"), eventColumns, lastSeq, [&](const QSqlQuery &row) {
            // A row SQLite can read may still be garbage: only whole events are kept.
            const Result<OrderEvent> event = RowCodec::decodeEvent(row, 2);
            if (!event || !copyRow(insertEvent, row, 0, 13)) {
                ++report->unreadableEvents;
                return;
            }
            salvaged.insert(row.value(2).toString());
            if (event->kind == EventKind::Placed) {
                const QString orderSource = event->payload.value(QLatin1String("source")).toString();
                if (orderSource.startsWith(QLatin1String("pos:")))
                    posOrders.insert(event->orderId, orderSource);
            }
            if (!m_localOrigin.isEmpty() && event->origin == m_localOrigin) {
                localRecordedAt.insert(row.value(2).toString(), row.value(1).toLongLong());
                localOrderOf.insert(row.value(2).toString(), event->orderId);
            }
        });
    report->unreadableEvents += unreadableRows;
    report->eventsSalvaged = salvaged.size();

    // What the platform said about each event; an answered event needs no resending.
    QSet<QString> answered;
    QSet<QString> queued; // in the outbox again, or a dead letter waiting for a manager
    salvageTable(source, QStringLiteral("event_status"), statusColumns,
                 scalar(source, QStringLiteral("SELECT max(rowid) FROM event_status")),
                 [&](const QSqlQuery &row) {
                     const QString eventId = row.value(1).toString();
                     if (!salvaged.contains(eventId) || !copyRow(insertStatus, row, 1, 4))
                         return;
                     if (!row.value(2).isNull() || !row.value(3).isNull())
                         answered.insert(eventId);
                 });
    report->unreadablePending = salvageTable(
        source, QStringLiteral("outbox"), outboxSource,
        scalar(source, QStringLiteral("SELECT max(rowid) FROM outbox")), [&](const QSqlQuery &row) {
            const QString eventId = row.value(1).toString();
            if (!salvaged.contains(eventId) || answered.contains(eventId))
                return;
            for (int i = 0; i < 8; ++i)
                insertOutbox.bindValue(i, row.value(1 + i));
            // Due now: the platform may never have had it.
            insertOutbox.bindValue(3, qMin(row.value(4).toLongLong(), now));
            if (insertOutbox.exec()) {
                ++report->pendingSalvaged;
                queued.insert(eventId);
            }
        });
    salvageTable(source, QStringLiteral("dead_letters"), deadSource,
                 scalar(source, QStringLiteral("SELECT max(rowid) FROM dead_letters")),
                 [&](const QSqlQuery &row) {
                     if (salvaged.contains(row.value(1).toString())
                         && copyRow(insertDead, row, 1, 7)) {
                         ++report->deadLettersSalvaged;
                         queued.insert(row.value(1).toString());
                     }
                 });
    // This console's own events the platform never answered, whose outbox rows were on damaged
    // pages: sent again. The platform keeps the first copy of an event id; a second ack is
    // harmless.
    for (auto it = localRecordedAt.constBegin(); it != localRecordedAt.constEnd(); ++it) {
        if (answered.contains(it.key()) || queued.contains(it.key()))
            continue;
        // A POS's order goes back to that POS only: a platform that never heard of it would
        // refuse (and undo) its steps. (One the platform holds, relayed, is not sent there
        // again: docs/pos.md, Not yet.)
        const QString posSource = posOrders.value(localOrderOf.value(it.key()));
        const QStringList destinations =
                posSource.isEmpty() ? m_localDestinations : QStringList {posSource};
        for (const QString &destination : destinations) {
            insertOutbox.bindValue(0, it.key());
            insertOutbox.bindValue(1, destination);
            insertOutbox.bindValue(2, 0);
            insertOutbox.bindValue(3, now);
            insertOutbox.bindValue(4, QVariant());
            insertOutbox.bindValue(5, it.value());
            insertOutbox.bindValue(6, QVariant());
            insertOutbox.bindValue(7, QVariant());
            if (insertOutbox.exec())
                ++report->requeued;
        }
    }
    if (const Result<void> committed = exec(db, QStringLiteral("COMMIT")); !committed)
        return fail(committed);

    if (const Result<void> rebuilt = ProjectionVerifier(fresh).rebuild(); !rebuilt)
        return fail(rebuilt);
    report->ordersRebuilt = fresh.orders(false).size();
    // Everything into the main file, so the one file that is renamed holds it all.
    if (const Result<void> checkpointed =
            exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        !checkpointed)
        return fail(checkpointed);
    return {};
}

Result<void> StoreRepair::swapIn(const QString &freshPath, const QString &asidePath) const
{
    // The fresh file's connection is closed. An empty -wal may stay behind it; anything more
    // would belong to it and must not be separated from it.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo leftover(freshPath + suffix);
        if (leftover.exists() && (suffix == QLatin1String("-shm") || leftover.size() == 0))
            QDir().remove(leftover.filePath());
    }
    if (QFileInfo::exists(freshPath + QStringLiteral("-wal")))
        return Failure {
            QStringLiteral("The repaired store %1 was not closed cleanly.").arg(freshPath)};

    // The damaged file and its companions aside (a stale -wal must never meet the fresh file),
    // then the fresh file in its place. Renames only: nothing opens either file.
    QDir dir;
    QStringList moved;
    const auto undo = [&] {
        for (const QString &suffix : std::as_const(moved))
            dir.rename(asidePath + suffix, m_path + suffix);
        removeFileSet(freshPath);
    };
    for (const QString &suffix : companionSuffixes) {
        if (!QFileInfo::exists(m_path + suffix))
            continue;
        if (!dir.rename(m_path + suffix, asidePath + suffix)) {
            undo();
            return Failure {QStringLiteral("Cannot move %1 aside to %2.")
                                .arg(m_path + suffix, asidePath + suffix)};
        }
        moved.append(suffix);
    }
    if (!dir.rename(freshPath, m_path)) {
        undo();
        return Failure {
            QStringLiteral("Cannot put the repaired store in place of %1.").arg(m_path)};
    }
    return {};
}
