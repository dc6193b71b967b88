// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeopener.h"

#include "common/sqliteconnection.h"
#include "storeconnection.h"
#include "storeintegrity.h"
#include "storelogging.h"
#include "storeschema.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Only what stat() says: opening the file here, even to read its header, and closing it again
// would drop every POSIX lock this process's SQLite connections hold on it (SQLite's "How To
// Corrupt", 2.2), and then any other process could delete the live write-ahead log.
QString checkPath(const QString &path)
{
    const QFileInfo info(path);
    const QFileInfo dir(info.absolutePath());
    if (!dir.exists())
        return QStringLiteral("The folder %1 does not exist.").arg(dir.absoluteFilePath());
    if (info.exists() && !info.isFile())
        return QStringLiteral("%1 is not a file.").arg(path);
    return {};
}
// SQLite's quick check through a read-only connection of its own. A read-write connection to a
// damaged file would checkpoint the file's -wal into it when it closes, changing the very file
// that is to be set aside for support; a read-only one never writes.
Result<QStringList> quickCheckReadOnly(const QString &path)
{
    // Qt's own default wait for a lock, as before this connection set one.
    constexpr int busyTimeoutMs = 5000;
    SqliteConnection check(QStringLiteral("kc-store-check"));
    if (const Result<void> opened =
            check.open(path, SqliteConnection::Access::ReadOnly, busyTimeoutMs);
        !opened)
        return Failure {opened.error()};
    return StoreIntegrity::check(check.database(), StoreIntegrity::Depth::Quick);
}
} // namespace

StoreOpener::StoreOpener(StoreConnection &connection, const QString &path, int busyTimeoutMs)
    : m_connection(connection)
    , m_path(path)
    , m_busyTimeoutMs(busyTimeoutMs)
{ }

Result<void> StoreOpener::open(Store::OpenMode mode, Store::IntegrityCheck integrity)
{
    m_connection.close();
    m_openError = Store::OpenError::None;
    m_damage.clear();
    if (const QString unusable = checkPath(m_path); !unusable.isEmpty())
        return fail(unusable);
    const bool readOnly = mode == Store::OpenMode::ReadOnly;
    if (readOnly && !QFileInfo::exists(m_path))
        return fail(QStringLiteral("There is no store at %1.").arg(m_path));
    // Before anything is written to it: a damaged file would hide tickets (unreadable rows are
    // skipped) and every write could spread the damage. A read-only open checks on its own
    // connection below, and so does this one if the read-only look failed for another reason
    // (which the open itself then reports, "not an SQLite file" among them).
    bool checked = integrity == Store::IntegrityCheck::Skip;
    if (!checked && !readOnly && QFileInfo(m_path).size() > 0) {
        const Result<QStringList> findings = quickCheckReadOnly(m_path);
        if (findings && !findings->isEmpty())
            return damaged(*findings);
        checked = findings.ok();
    }

    const Result<void> opened = m_connection.sqlite.open(
        m_path, readOnly ? SqliteConnection::Access::ReadOnly : SqliteConnection::Access::ReadWrite,
        m_busyTimeoutMs);
    m_connection.db = m_connection.sqlite.database();
    if (!opened)
        return fail(QStringLiteral("Cannot open the store %1.").arg(m_path), opened.error());
    // The first read of the file: SQLite itself says whether it is a database at all.
    QSqlError firstRead;
    {
        QSqlQuery probe(m_connection.db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next())
            firstRead = probe.lastError();
    }
    if (firstRead.isValid()) {
        switch (StoreIntegrity::verdict(firstRead)) {
        case StoreIntegrity::Verdict::NotADatabase:
            return fail(QStringLiteral("%1 is not a Kitchen Console store (not an SQLite file).")
                            .arg(m_path));
        case StoreIntegrity::Verdict::Damaged:
            return damaged({firstRead.databaseText()});
        case StoreIntegrity::Verdict::Other:
            return fail(QStringLiteral("%1 is not a readable SQLite file.").arg(m_path),
                        firstRead.text());
        }
    }
    // Durability first: every commit is synced to the WAL before it is reported (DESIGN.md).
    if (const Result<void> durable = m_connection.sqlite.makeDurable(); !durable)
        return fail(QStringLiteral("Cannot read the store %1.").arg(m_path), durable.error());
    const Result<SqliteFileStamp> stamp = m_connection.sqlite.stamp();
    if (!stamp)
        return fail(QStringLiteral("%1 is not a readable SQLite file.").arg(m_path), stamp.error());
    const bool empty = stamp->empty;
    if (!empty && stamp->applicationId != StoreSchema::applicationId)
        return fail(
            QStringLiteral("%1 is an SQLite file but not a Kitchen Console store.").arg(m_path));
    const int version = stamp->version;
    if (version > Store::latestSchemaVersion)
        return fail(QStringLiteral("The store %1 has schema version %2, newer than this "
                                   "Kitchen Console understands (up to %3). It was not changed; "
                                   "use a newer Kitchen Console to open it.")
                        .arg(m_path)
                        .arg(version)
                        .arg(Store::latestSchemaVersion));
    if (readOnly && version < Store::latestSchemaVersion)
        return fail(QStringLiteral("The store %1 has schema version %2 and needs an upgrade to %3; "
                                   "open it once read-write to upgrade it.")
                        .arg(m_path)
                        .arg(version)
                        .arg(Store::latestSchemaVersion));
    if (!checked && !empty) {
        const Result<QStringList> findings =
            StoreIntegrity::check(m_connection.db, StoreIntegrity::Depth::Quick);
        if (!findings)
            return fail(QStringLiteral("Cannot check the store %1.").arg(m_path), findings.error());
        if (!findings->isEmpty())
            return damaged(*findings);
    }
    if (!readOnly) {
        if (const Result<void> wal = m_connection.sqlite.useWriteAheadLog(); !wal)
            return fail(QStringLiteral("Cannot switch the store %1 to write-ahead logging; is "
                                       "its folder writable?")
                            .arg(m_path),
                        wal.error());
        if (const Result<void> migrated =
                StoreSchema::migrate(m_connection.db, Store::latestSchemaVersion);
            !migrated)
            return fail(QStringLiteral("Cannot prepare the store %1.").arg(m_path),
                        migrated.error());
    }
    if (const Result<void> prepared = m_connection.prepareAll(); !prepared)
        return fail(QStringLiteral("Cannot prepare queries on the store %1.").arg(m_path),
                    prepared.error());
    qCInfo(lcStore).noquote() << "opened store" << m_path << "schema" << version << "→"
                              << Store::latestSchemaVersion;
    return {};
}

Result<void> StoreOpener::fail(const QString &message, const QString &cause, Store::OpenError why)
{
    // Logged here, in the words it returns: the caller decides what staff see.
    m_openError = why;
    const QString reason =
        cause.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, cause);
    qCWarning(lcStore).noquote() << reason;
    m_connection.close();
    return Failure {reason};
}

Result<void> StoreOpener::damaged(const QStringList &findings)
{
    m_damage = findings;
    return fail(QStringLiteral("The store %1 is damaged: SQLite cannot read all of it (%2). "
                               "It was not used or changed.")
                    .arg(m_path, findings.constFirst()),
                {}, Store::OpenError::Damaged);
}
