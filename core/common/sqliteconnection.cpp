// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliteconnection.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// Qt keeps connections in one process-wide registry by name; every object gets its own.
QAtomicInt connectionCounter;

std::optional<int> pragmaInt(const QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
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

bool SqliteConnection::open(const QString &path, Access access, int busyTimeoutMs, QString *error)
{
    close();
    m_name = QStringLiteral("%1-%2").arg(m_namePrefix).arg(connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (access == Access::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    return exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs), error);
}

bool SqliteConnection::makeDurable(QString *error)
{
    return exec(QStringLiteral("PRAGMA synchronous = FULL"), error)
        && exec(QStringLiteral("PRAGMA foreign_keys = ON"), error);
}

bool SqliteConnection::useWriteAheadLog(QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
        || query.value(0).toString() != QLatin1String("wal")) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<SqliteFileStamp> SqliteConnection::stamp(QString *error) const
{
    QSqlQuery count(m_db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !count.next()) {
        *error = count.lastError().text();
        return std::nullopt;
    }
    SqliteFileStamp result;
    result.empty = count.value(0).toInt() == 0;
    count.finish();
    const std::optional<int> appId = pragmaInt(m_db, QStringLiteral("application_id"), error);
    const std::optional<int> version = pragmaInt(m_db, QStringLiteral("user_version"), error);
    if (!appId || !version)
        return std::nullopt;
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

bool SqliteConnection::exec(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified());
        return false;
    }
    return true;
}
