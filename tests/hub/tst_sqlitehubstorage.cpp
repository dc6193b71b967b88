// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteHubStorage: what only the SQLite backend promises about its file (the jobs' behaviour on
// it is tested through the backend rows of tst_hublog and tst_hubrecords).
#include "hubstoragebackends.h"
#include "hubtestsupport.h"

#include "common/sqliteconnection.h"
#include "hub/storage/sqlitehubschema.h"
#include "hub/submitter.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QVariant>

#include <functional>
#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");

// Runs SQL on the file through a connection of its own, with the hub's records closed.
bool withFile(const QString &path, const std::function<void(QSqlQuery &)> &run)
{
    SqliteConnection peek(QStringLiteral("test-peek"));
    if (const Result<void> opened = peek.open(path, SqliteConnection::Access::ReadWrite, 0);
        !opened) {
        qWarning().noquote() << opened.error();
        return false;
    }
    QSqlQuery query(peek.database());
    run(query);
    return true;
}
} // namespace

class TestSqliteHubStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void credentialsAreStoredAsHashes();
    void consoleRightsAreGrantedKeptAndWithdrawn();
    void refusalsAreFinalInTheFile();
    void migratesAVersion2Log();
    void refusesForeignFiles();
    void theSnapshotIsReadThroughItsIndex();

private:
    std::unique_ptr<HubTest::SqliteBackend> m_backend;
    ManualClock m_clock {HubTest::startMs()};
    std::unique_ptr<HubRecords> m_records;
};

void TestSqliteHubStorage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSqliteHubStorage::init()
{
    m_backend = std::make_unique<HubTest::SqliteBackend>();
    m_records = HubTest::openRecords(*m_backend, m_clock);
    QVERIFY(m_records);
    QVERIFY(m_records->stores().add(storeA));
}

void TestSqliteHubStorage::cleanup()
{
    m_records.reset();
    m_backend.reset();
}

void TestSqliteHubStorage::credentialsAreStoredAsHashes()
{
    const QByteArray secret = "correct horse battery staple";
    QVERIFY(m_records->credentials().add(storeA, QStringLiteral("c1"), secret));
    QVERIFY(m_records->credentials().authenticate(storeA, QStringLiteral("c1"), secret));
    m_records.reset();

    QFile file(m_backend->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret));
    QFile wal(m_backend->path() + QStringLiteral("-wal"));
    if (wal.open(QIODevice::ReadOnly))
        QVERIFY(!wal.readAll().contains(secret));
}

// A right is the hub's to give: to registered consoles only, kept across a new secret and a
// restart, gone when withdrawn.
void TestSqliteHubStorage::consoleRightsAreGrantedKeptAndWithdrawn()
{
    ConsoleCredentials &credentials = m_records->credentials();
    const QString relay = Submitter::posRelayRight;
    QVERIFY(credentials.add(storeA, QStringLiteral("c1"), "first secret"));
    QVERIFY(credentials.rights(storeA, QStringLiteral("c1")).isEmpty());
    QVERIFY(!credentials.setRight(storeA, QStringLiteral("nobody"), relay, true));
    QVERIFY(credentials.rights(storeA, QStringLiteral("nobody")).isEmpty());

    QVERIFY(credentials.setRight(storeA, QStringLiteral("c1"), relay, true));
    QVERIFY(credentials.setRight(storeA, QStringLiteral("c1"), relay, true)); // twice is once
    QCOMPARE(credentials.rights(storeA, QStringLiteral("c1")), QStringList {relay});
    QVERIFY(credentials.add(storeA, QStringLiteral("c1"), "second secret"));
    m_records = HubTest::openRecords(*m_backend, m_clock);
    QVERIFY(m_records);
    QCOMPARE(m_records->credentials().rights(storeA, QStringLiteral("c1")), QStringList {relay});

    QVERIFY(m_records->credentials().setRight(storeA, QStringLiteral("c1"), relay, false));
    QVERIFY(m_records->credentials().rights(storeA, QStringLiteral("c1")).isEmpty());
}

// A refusal is as append-only as the log, down to the file (checked with the records closed:
// one opener at a time).
void TestSqliteHubStorage::refusalsAreFinalInTheFile()
{
    const Order order = HubTest::order(storeA, QStringLiteral("88"));
    QVERIFY(m_records->log().submit(HubTest::placed(order)).acked());
    const SubmitOutcome refused = m_records->log().submit(HubTest::transition(
        order, OrderState::Accepted, OrderState::Preparing, Actor::staff(QStringLiteral("ana"))));
    QCOMPARE(refused.status, SubmitOutcome::Status::Rejected);
    m_records.reset();
    QVERIFY(withFile(m_backend->path(), [](QSqlQuery &query) {
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM refusals")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE refusals SET reason = 'fine'")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM events")));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM refusals")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }));
}

// Migration 3 (refusals) on a log written before it: the events stay, refusals start working.
void TestSqliteHubStorage::migratesAVersion2Log()
{
    const Order order = HubTest::order(storeA, QStringLiteral("6"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_records->log().submit(place).acked());
    m_records.reset();
    // What a version 2 file is: the same, without the tables, triggers and index of 3 and on.
    QVERIFY(withFile(m_backend->path(), [](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("DROP INDEX orders_for_snapshot")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER refusals_final_update")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER refusals_final_delete")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE refusals")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE console_rights")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE pairing_codes")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 2")));
    }));

    m_records = HubTest::openRecords(*m_backend, m_clock);
    QVERIFY(m_records);
    HubLog &log = m_records->log();
    QCOMPARE(log.head(storeA), 1);
    QCOMPARE(log.eventsAfter(storeA, 0, 10).constFirst().event, place);
    const OrderEvent early = HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                                                 Actor::staff(QStringLiteral("ana")));
    const SubmitOutcome refused = log.submit(early);
    QCOMPARE(refused.status, SubmitOutcome::Status::Rejected);
    QVERIFY(log.submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                           Actor::staff(QStringLiteral("ana"))))
                .acked());
    QCOMPARE(log.submit(early).reason, refused.reason);
    QCOMPARE(log.head(storeA), 2);
    m_records.reset();
    QVERIFY(withFile(m_backend->path(), [](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), HubSchema::latestVersion);
    }));
}

void TestSqliteHubStorage::refusesForeignFiles()
{
    const QString foreign = m_backend->path() + QStringLiteral(".foreign");
    QVERIFY(withFile(foreign, [](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x)")));
    }));
    HubRecords records(std::make_unique<SqliteHubStorage>(foreign), m_clock);
    const Result<void> opened = records.open();
    QVERIFY(!opened);
    QVERIFY(!records.isOpen());
    QVERIFY2(opened.error().contains(QStringLiteral("not an order-hub log")),
             qPrintable(opened.error()));
}

// A new console's snapshot must not cost a walk over the whole log: the plan starts from the
// snapshot index on the projection and reaches the events through events_by_order.
void TestSqliteHubStorage::theSnapshotIsReadThroughItsIndex()
{
    m_records.reset();
    QVERIFY(withFile(m_backend->path(), [](QSqlQuery &query) {
        QVERIFY(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + HubSchema::snapshotSeqsQuery()));
        query.addBindValue(storeA);
        query.addBindValue(qint64(0));
        query.addBindValue(qint64(100));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QStringList plan;
        while (query.next())
            plan.append(query.value(3).toString());
        QCOMPARE(plan.size(), 3);
        QVERIFY2(plan.at(0).contains(QStringLiteral("USING INDEX orders_for_snapshot")),
                 qPrintable(plan.join(QLatin1Char('|'))));
        QVERIFY2(plan.at(1).contains(QStringLiteral("events_by_order")),
                 qPrintable(plan.join(QLatin1Char('|'))));
    }));
}

QTEST_GUILESS_MAIN(TestSqliteHubStorage)
#include "tst_sqlitehubstorage.moc"
