// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

/**
 * A real PostgreSQL cluster for tests, in a temporary folder: initdb, then a server that listens
 * only on a unix socket in that folder (no port to collide with), trust authentication for one
 * superuser, durability off for speed unless asked for. PostgreSQL refuses to run as root, so as
 * root the folder goes to `nobody` and initdb/pg_ctl run through runuser. Stopped (and removed) on destruction.
 * One per test process: start() takes a second or two; createDatabase() a fraction of that.
 * start() also stops the clusters of test processes that died without stopping theirs.
 */
class PostgresCluster final
{
public:
    /** Off: no fsync (tests). Full: PostgreSQL's durable defaults (benches). */
    enum class Durability { Off, Full };

    explicit PostgresCluster(Durability durability = Durability::Off)
        : m_durability(durability)
    { }
    ~PostgresCluster();
    Q_DISABLE_COPY_MOVE(PostgresCluster)

    /** initdb and start; false with *error saying what is missing or what failed. */
    bool start(QString *error);
    /** Stops the server at once (pg_ctl -m immediate). */
    void stop();
    /** Restarts the server, dropping every connection to it (as a failover would). */
    bool restart(QString *error);
    bool isRunning() const { return m_running; }

    /** A new empty database with a name unique in this cluster; empty with *error on failure. */
    QString createDatabase(QString *error);
    /**
     * The cluster's scratch database, emptied (its schema dropped and made again): as good as a
     * new one for a test whose connections to it are all closed, and ten times quicker to get
     * than createDatabase(). Empty with *error on failure.
     */
    QString emptyDatabase(QString *error);

    /** The folder of the server's socket: the host to connect to. */
    QString socketFolder() const { return m_dir.path(); }
    /** The port that names the socket (.s.PGSQL.PORT); nothing listens on TCP. */
    int port() const { return 5432; }
    /** The superuser to connect as (no password). */
    QString user() const { return QStringLiteral("kc_test"); }
    /** "postgresql:///DATABASE?host=...&port=...&user=...", as order-hub's --database takes. */
    QString url(const QString &database) const;

private:
    bool run(const QString &program, const QStringList &arguments, QString *error) const;

    QTemporaryDir m_dir {QStringLiteral("/tmp/kc-pg-XXXXXX")}; // short: a socket path's limit
    QString m_binDir;
    QString m_adminConnection;
    QString m_scratchConnection; // to the scratch database, once it exists
    int m_databases = 0;
    bool m_running = false;
    Durability m_durability = Durability::Off;
};
