// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

struct sqlite3;

/** What an SQLite file says about itself before any of our schema is read. */
struct SqliteFileStamp
{
    bool empty = true; // no tables yet: a new file, ours to stamp
    int applicationId = 0; // PRAGMA application_id: whose file it is
    int version = 0; // PRAGMA user_version: our schema version
};

/**
 * One named QSQLITE connection, opened the way every Kitchen Console file is (the console's store
 * and the hub's log): each step is its own call because the store classifies a damaged file
 * between them. Each open() gets a connection name of its own; close() (or the destructor)
 * removes it, so nothing may keep a copy of database() past that.
 */
class SqliteConnection final
{
public:
    enum class Access { ReadWrite, ReadOnly };

    /** namePrefix: how this kind of connection shows in Qt's registry ("kc-store", "kc-hub"). */
    explicit SqliteConnection(const QString &namePrefix);
    ~SqliteConnection();
    Q_DISABLE_COPY_MOVE(SqliteConnection)

    /**
     * Opens path under a fresh connection name. A writer on another connection makes this one
     * wait up to busyTimeoutMs instead of fail, looking again every millisecond: SQLite's own
     * busy_timeout sleeps longer and longer (up to 25 ms a look, then 50 and 100), so a board
     * waiting out a 20 ms commit of the incoming writer lost 33 ms instead of 21.
     */
    Result<void> open(const QString &path, Access access, int busyTimeoutMs);
    /** PRAGMA synchronous = FULL and foreign_keys = ON: every commit is on disk when reported. */
    Result<void> makeDurable();
    /** PRAGMA journal_mode = WAL; fails if the file stays in another mode (a read-only folder). */
    Result<void> useWriteAheadLog();
    /** Reads the file's tables count, application id and schema version. */
    Result<SqliteFileStamp> stamp() const;
    /** Closes and removes the named connection; queries on it must be gone already. */
    void close();

    /** True between a successful open() and close(). */
    bool isOpen() const { return m_db.isOpen(); }
    /** The open connection, for queries and migrations; invalid once closed. */
    QSqlDatabase &database() { return m_db; }
    const QSqlDatabase &database() const { return m_db; }
    /** Runs one statement; its failure names the statement. */
    Result<void> exec(const QString &sql) { return exec(m_db, sql); }
    /** The same on any connection (a migration's). */
    static Result<void> exec(const QSqlDatabase &db, const QString &sql);

    /** How many times this connection has looked again for a lock another one held. */
    int busyRetries() const { return m_busyRetries.load(std::memory_order_relaxed); }
    /** SQLite's own handle of a QSQLITE connection, for its C API; null for any other. */
    static sqlite3 *handleOf(const QSqlDatabase &db);

private:
    static int retryWhileBusy(void *connection, int attempt);

    QString m_namePrefix;
    QString m_name;
    QSqlDatabase m_db;
    int m_busyTimeoutMs = 0;
    QElapsedTimer m_busySince; // since the first look of the current wait
    std::atomic<int> m_busyRetries = 0; // read by tests from another thread
};
