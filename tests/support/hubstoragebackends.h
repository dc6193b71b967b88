// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

// The storage backends the tests of the hub's records run against: SQLite today. A PostgreSQL
// backend is one more StorageBackend class and one more row in addStorageBackendRows().
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

/** For initTestCase_data(): one global row per backend, so every test function runs on each. */
inline void addStorageBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
}

/** A fresh backend of the kind a global row names (QFETCH_GLOBAL(QString, backend)). */
inline std::unique_ptr<StorageBackend> storageBackend(const QString &name)
{
    if (name == QLatin1String("sqlite"))
        return std::make_unique<SqliteBackend>();
    return nullptr;
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
