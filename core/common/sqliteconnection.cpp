// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliteconnection.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

namespace {
// Qt keeps connections in one process-wide registry by name; every object gets its own.
QAtomicInt connectionCounter;
// How long a connection sleeps before it looks again for a lock another connection holds: short,
// because the holder is almost always our own incoming writer with a commit of a few ms.
constexpr unsigned long busyPollUs = 1000;

Result<int> pragmaInt(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return Failure {query.lastError().text()};
    return query.value(0).toInt();
}
} // namespace

SqliteConnection::SqliteConnection(const QString &namePrefix)
    : m_namePrefix(namePrefix)
{ }

SqliteConnection::~SqliteConnection()
{
    close();
}

Result<void> SqliteConnection::open(const QString &path, Access access, int busyTimeoutMs)
{
    close();
    m_name = QStringLiteral("%1-%2").arg(m_namePrefix).arg(connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (access == Access::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open())
        return Failure {m_db.lastError().text()};
    sqlite3 *handle = handleOf(m_db);
    if (!handle)
        return Failure {QStringLiteral("the SQLite driver gave no connection handle")};
    m_busyTimeoutMs = busyTimeoutMs;
    // Replaces the busy_timeout Qt's driver set; PRAGMA busy_timeout would replace this one.
    if (sqlite3_busy_handler(handle, &SqliteConnection::retryWhileBusy, this) != SQLITE_OK)
        return Failure {QString::fromUtf8(sqlite3_errmsg(handle))};
    return {};
}

int SqliteConnection::retryWhileBusy(void *connection, int attempt)
{
    // SQLite calls this on the thread using the connection, attempt 0 first for each wait.
    auto *self = static_cast<SqliteConnection *>(connection);
    if (attempt == 0)
        self->m_busySince.start();
    if (self->m_busySince.elapsed() >= self->m_busyTimeoutMs)
        return 0; // SQLITE_BUSY: "database is locked", which the store reports as busy
    self->m_busyRetries.fetch_add(1, std::memory_order_relaxed);
    QThread::usleep(busyPollUs);
    return 1;
}

sqlite3 *SqliteConnection::handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Result<void> SqliteConnection::makeDurable()
{
    if (Result<void> synced = exec(QStringLiteral("PRAGMA synchronous = FULL")); !synced)
        return synced;
    return exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

Result<void> SqliteConnection::useWriteAheadLog()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
        || query.value(0).toString() != QLatin1String("wal"))
        return Failure {query.lastError().text()};
    return {};
}

Result<SqliteFileStamp> SqliteConnection::stamp() const
{
    QSqlQuery count(m_db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !count.next())
        return Failure {count.lastError().text()};
    SqliteFileStamp result;
    result.empty = count.value(0).toInt() == 0;
    count.finish();
    const Result<int> appId = pragmaInt(m_db, QStringLiteral("application_id"));
    if (!appId)
        return Failure {appId.error()};
    const Result<int> version = pragmaInt(m_db, QStringLiteral("user_version"));
    if (!version)
        return Failure {version.error()};
    result.applicationId = *appId;
    result.version = *version;
    return result;
}

void SqliteConnection::close()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

Result<void> SqliteConnection::exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Failure {QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified())};
    return {};
}
