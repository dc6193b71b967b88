// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "hub/hubrecords.h"
#include "hub/storage/postgreshubstorage.h"
#include "hub/storage/sqlitehubstorage.h"
#include "postgrescluster.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

// The storage backends the tests of the hub's records run against: an SQLite file, and a
// database of a real PostgreSQL cluster that the test process starts once (StorageBackends).
namespace HubTest {

/** Where one test function keeps its hub's records. */
class StorageBackend
{
public:
    virtual ~StorageBackend() = default;
    /** A new, unopened storage on this test's records: empty at first, the same ones after. */
    virtual std::unique_ptr<HubStorage> storage() = 0;
};

/** Records in an SQLite file of a fresh temporary folder. */
class SqliteBackend final : public StorageBackend
{
public:
    QString path() const { return m_dir.filePath(QStringLiteral("hub.sqlite")); }
    std::unique_ptr<HubStorage> storage() override
    {
        return std::make_unique<SqliteHubStorage>(path());
    }

private:
    QTemporaryDir m_dir;
};

/** Records in an empty database of a running PostgresCluster. */
class PostgresBackend final : public StorageBackend
{
public:
    PostgresBackend(PostgresCluster &cluster, QString database)
        : m_cluster(cluster)
        , m_database(std::move(database))
    { }
    PostgresAddress address() const
    {
        return {m_cluster.socketFolder(), m_cluster.port(), m_database, m_cluster.user()};
    }
    std::unique_ptr<HubStorage> storage() override
    {
        return std::make_unique<PostgresHubStorage>(address());
    }

private:
    PostgresCluster &m_cluster;
    QString m_database;
};

/**
 * Makes backends for a test process: the PostgreSQL cluster is started at the first "postgres"
 * backend and serves every later one (its scratch database, emptied for each), until this goes.
 * One backend at a time: making the next one empties the database of the last.
 */
class StorageBackends final
{
public:
    /** A fresh backend of the kind a global row names; null with *error for people. */
    std::unique_ptr<StorageBackend> make(const QString &name, QString *error)
    {
        if (name == QLatin1String("sqlite"))
            return std::make_unique<SqliteBackend>();
        if (name != QLatin1String("postgres")) {
            *error = QStringLiteral("no storage backend %1").arg(name);
            return nullptr;
        }
        PostgresCluster *running = cluster(error);
        if (!running)
            return nullptr;
        const QString database = running->emptyDatabase(error);
        if (database.isEmpty())
            return nullptr;
        return std::make_unique<PostgresBackend>(*running, database);
    }
    /** The test process's cluster, started on first use; null with *error if it cannot run. */
    PostgresCluster *cluster(QString *error)
    {
        if (!m_cluster && m_clusterError.isEmpty()) {
            m_cluster = std::make_unique<PostgresCluster>();
            if (!m_cluster->start(&m_clusterError))
                m_cluster.reset();
        }
        *error = m_clusterError;
        return m_cluster.get();
    }

private:
    std::unique_ptr<PostgresCluster> m_cluster;
    QString m_clusterError; // once the cluster failed to start, every later test says why
};

/** For initTestCase_data(): one global row per backend, so every test function runs on each. */
inline void addStorageBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

/** The backend's records, opened; null after a warning naming what failed. */
inline std::unique_ptr<HubRecords> openRecords(StorageBackend &backend, const Clock &clock)
{
    auto records = std::make_unique<HubRecords>(backend.storage(), clock, 10'000);
    if (const Result<void> opened = records->open(); !opened) {
        qWarning().noquote() << opened.error();
        return nullptr;
    }
    return records;
}

} // namespace HubTest
