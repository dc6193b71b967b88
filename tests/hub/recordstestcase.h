// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubstoragebackends.h"
#include "hubtestsupport.h"

#include "common/clock.h"
#include "hub/hubrecords.h"

#include <QObject>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

namespace HubTest {

/**
 * What each test of the hub's records starts from (made in init()): the backend its global row
 * names, a clock at startMs() and the records opened on it, with two stores registered.
 */
class RecordsBed final
{
public:
    static inline const QString storeA = QStringLiteral("store-a");
    static inline const QString storeB = QStringLiteral("store-b");

    /** Call in a test function or init(): fetches the global "backend" row; empty or why not. */
    QString start(StorageBackends &backends)
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_backend = backends.make(backend, &error);
        if (!m_backend)
            return error;
        if (!reopen() || !m_records->stores().add(storeA) || !m_records->stores().add(storeB))
            return QStringLiteral("cannot open the %1 records (see the warning above)").arg(backend);
        return {};
    }
    /** Opens the same records again, as a restarted hub would. */
    bool reopen()
    {
        m_records.reset();
        m_records = openRecords(*m_backend, m_clock);
        return m_records != nullptr;
    }
    /** Closes the records (a backend may then be inspected on its own). */
    void close() { m_records.reset(); }

    HubRecords &records() { return *m_records; }
    ManualClock &clock() { return m_clock; }
    StorageBackend &backend() { return *m_backend; }

private:
    ManualClock m_clock {startMs()};
    std::unique_ptr<StorageBackend> m_backend;
    std::unique_ptr<HubRecords> m_records;
};

/**
 * The base of a test class for the hub's records: every test function runs once per backend
 * (the global rows), each on a fresh RecordsBed.
 */
class RecordsTestCase : public QObject
{
    Q_OBJECT

protected:
    static inline const QString &storeA = RecordsBed::storeA;
    static inline const QString &storeB = RecordsBed::storeB;

    RecordsBed &bed() { return *m_bed; }
    HubRecords &records() { return m_bed->records(); }
    StorageBackends &backends() { return m_backends; }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void initTestCase_data() { addStorageBackendRows(); }
    void init()
    {
        m_bed = std::make_unique<RecordsBed>();
        const QString problem = m_bed->start(m_backends);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanup() { m_bed.reset(); }

private:
    StorageBackends m_backends; // before the bed: its cluster outlives every test's records
    std::unique_ptr<RecordsBed> m_bed;
};

} // namespace HubTest
