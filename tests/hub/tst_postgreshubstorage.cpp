// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgresHubStorage: what only the PostgreSQL backend promises (the jobs' behaviour on it is
// tested through the backend rows of tst_hublog, tst_hubrecords and tst_hubsimulator): words for
// people when it cannot open, and several writers (connections, threads) on one database, as
// several order-hub processes would be.
#include "hubstoragebackends.h"
#include "hubtestsupport.h"

#include "hub/storage/postgreshubschema.h"

#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <functional>
#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
constexpr int writers = 4;

// Runs fn in `writers` threads at once, each with its own records on the database (its own
// connection: a process of its own, as far as PostgreSQL can tell). fn gets the writer's index.
void inParallel(const PostgresAddress &address, const std::function<void(int, HubRecords &)> &fn)
{
    QSemaphore ready;
    QSemaphore go;
    QList<QThread *> threads;
    for (int i = 0; i < writers; ++i) {
        threads.append(QThread::create([&, i] {
            ManualClock clock {HubTest::startMs()};
            HubRecords records(std::make_unique<PostgresHubStorage>(address), clock, 10'000);
            const bool opened = bool(records.open());
            ready.release();
            go.acquire(); // every writer starts together
            if (opened)
                fn(i, records);
        }));
        threads.last()->start();
    }
    ready.acquire(writers);
    go.release(writers);
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
}
} // namespace

class TestPostgresHubStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void unreachableServerIsSaidInWords();
    void newerSchemaIsRefused();
    void foreignDatabaseIsRefused();
    void eventLogIsAppendOnly();
    void processesOpeningTogetherMigrateOnce();
    void twoRecordsTakeTurnsOnOneStore();
    void concurrentWritersNumberWithoutGaps();
    void sameEventFromEveryWriterIsLoggedOnce();
    void batchesOverTheSameStoresDoNotDeadlock();
    void sameIdInTwoStoresAtOnceIsLoggedOnce();
    void conflictingAppendFailsAndChangesNothing();
    void idempotencyKeyKeepsTheFirstWriter();
    void carriesOnAfterTheServerRestarts();
    void theSnapshotIsReadThroughItsIndex();

private:
    std::unique_ptr<HubRecords> open();
    // Runs SQL on the test's database through a connection of its own.
    bool withDatabase(const std::function<void(QSqlQuery &)> &run);

    HubTest::StorageBackends m_backends;
    std::unique_ptr<HubTest::StorageBackend> m_backend;
    PostgresAddress m_address;
    ManualClock m_clock {HubTest::startMs()};
};

void TestPostgresHubStorage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_backends.cluster(&error), qPrintable(error));
}

void TestPostgresHubStorage::init()
{
    QString error;
    m_backend = m_backends.make(QStringLiteral("postgres"), &error);
    QVERIFY2(m_backend, qPrintable(error));
    m_address = static_cast<HubTest::PostgresBackend &>(*m_backend).address();
}

void TestPostgresHubStorage::cleanup()
{
    m_backend.reset();
}

std::unique_ptr<HubRecords> TestPostgresHubStorage::open()
{
    auto records = HubTest::openRecords(*m_backend, m_clock);
    if (records && (!records->stores().add(storeA) || !records->stores().add(storeB)))
        return nullptr;
    return records;
}

bool TestPostgresHubStorage::withDatabase(const std::function<void(QSqlQuery &)> &run)
{
    const QString name = QStringLiteral("test-peek");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_address.host);
        db.setPort(m_address.port);
        db.setDatabaseName(m_address.database);
        db.setUserName(m_address.user);
        if (!db.open()) {
            qWarning().noquote() << db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        run(query);
    }
    QSqlDatabase::removeDatabase(name);
    return true;
}

void TestPostgresHubStorage::unreachableServerIsSaidInWords()
{
    // A port on which nothing listens: taken from the OS, then given back.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    const PostgresAddress nowhere {QStringLiteral("127.0.0.1"), port, QStringLiteral("hub"),
                                   QStringLiteral("kc")};
    HubRecords records(std::make_unique<PostgresHubStorage>(nowhere), m_clock);
    const Result<void> opened = records.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QStringLiteral("cannot be reached")),
             qPrintable(opened.error()));
    QVERIFY(!records.isOpen());
}

void TestPostgresHubStorage::newerSchemaIsRefused()
{
    QVERIFY(open());
    QVERIFY(withDatabase([](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                               .arg(PostgresHubSchema::latestVersion + 1)));
    }));
    HubRecords records(m_backend->storage(), m_clock);
    const Result<void> opened = records.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("newer than this order-hub")),
             qPrintable(opened.error()));
}

void TestPostgresHubStorage::foreignDatabaseIsRefused()
{
    QVERIFY(withDatabase([](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER)")));
    }));
    HubRecords records(m_backend->storage(), m_clock);
    const Result<void> opened = records.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("not an order-hub log")),
             qPrintable(opened.error()));
}

void TestPostgresHubStorage::eventLogIsAppendOnly()
{
    const auto records = open();
    QVERIFY(records);
    QCOMPARE(
        records->log().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("1")))).seq, 1);
    QVERIFY(withDatabase([](QSqlQuery &query) {
        QVERIFY(!query.exec(QStringLiteral("UPDATE events SET body = '{}'")));
        QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM events")));
    }));
    QCOMPARE(records->log().eventCount(storeA), 1);
}

void TestPostgresHubStorage::processesOpeningTogetherMigrateOnce()
{
    std::atomic<int> opened {0};
    inParallel(m_address, [&opened](int, HubRecords &records) {
        if (records.isOpen())
            ++opened;
    });
    QCOMPARE(opened.load(), writers);
    QVERIFY(withDatabase([](QSqlQuery &query) {
        // One row per migration: each applied once, however many processes raced.
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), max(version) FROM schema_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), PostgresHubSchema::latestVersion);
        QCOMPARE(query.value(1).toInt(), PostgresHubSchema::latestVersion);
    }));
}

// Two connections, as two processes: each sees what the other committed before its turn.
void TestPostgresHubStorage::twoRecordsTakeTurnsOnOneStore()
{
    const auto first = open();
    const auto second = open();
    QVERIFY(first && second);
    QList<qint64> seqs;
    for (int i = 0; i < 6; ++i) {
        HubRecords &records = i % 2 == 0 ? *first : *second;
        const OrderEvent event = HubTest::placed(HubTest::order(storeA, QString::number(i)));
        seqs.append(records.log().submitAll({event}).constFirst().seq);
    }
    QCOMPARE(seqs, QList<qint64>({1, 2, 3, 4, 5, 6}));
    // A batch over both stores from one, a single event from the other: both heads move on.
    const QList<SubmitOutcome> batch =
        first->log().submitAll({HubTest::placed(HubTest::order(storeB, QStringLiteral("b1"))),
                                HubTest::placed(HubTest::order(storeA, QStringLiteral("a7")))});
    QCOMPARE(batch.at(0).seq, 1);
    QCOMPARE(batch.at(1).seq, 7);
    QCOMPARE(
        second->log().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("a8")))).seq, 8);
    QCOMPARE(first->log().head(storeA), 8);
}

void TestPostgresHubStorage::concurrentWritersNumberWithoutGaps()
{
    QVERIFY(open()); // the stores
    constexpr int perWriter = 24; // even: half to each store
    std::atomic<int> accepted {0};
    inParallel(m_address, [&accepted](int writer, HubRecords &records) {
        for (int i = 0; i < perWriter; ++i) {
            // One order per event, alternating stores, so batches cross both stores' locks.
            const QString store = i % 2 == 0 ? storeA : storeB;
            const SubmitOutcome outcome = records.log().submit(
                HubTest::placed(HubTest::order(store, QStringLiteral("%1-%2").arg(writer).arg(i))));
            if (outcome.status == SubmitOutcome::Status::Accepted)
                ++accepted;
        }
    });
    QCOMPARE(accepted.load(), writers * perWriter);
    const auto records = open();
    QVERIFY(records);
    for (const QString &store : {storeA, storeB}) {
        const QList<Protocol::SequencedEvent> events = records->log().eventsAfter(store, 0, 1000);
        QList<qint64> seqs;
        for (const Protocol::SequencedEvent &event : events)
            seqs.append(event.seq);
        QList<qint64> expected;
        for (qint64 seq = 1; seq <= writers * perWriter / 2; ++seq)
            expected.append(seq);
        QCOMPARE(seqs, expected); // in order, no gap, no seq twice
    }
}

void TestPostgresHubStorage::sameEventFromEveryWriterIsLoggedOnce()
{
    QVERIFY(open()); // the stores
    constexpr int rounds = 10;
    QList<OrderEvent> events;
    for (int i = 0; i < rounds; ++i)
        events.append(HubTest::placed(HubTest::order(storeA, QString::number(i))));
    QList<QList<SubmitOutcome>> outcomes(writers);
    inParallel(m_address, [&events, &outcomes](int writer, HubRecords &records) {
        for (const OrderEvent &event : std::as_const(events))
            outcomes[writer].append(records.log().submit(event));
    });
    for (int i = 0; i < rounds; ++i) {
        int firsts = 0;
        QSet<qint64> seqs;
        for (int writer = 0; writer < writers; ++writer) {
            QCOMPARE(outcomes.at(writer).size(), rounds);
            const SubmitOutcome &outcome = outcomes.at(writer).at(i);
            if (outcome.status == SubmitOutcome::Status::Accepted)
                ++firsts;
            else
                QCOMPARE(outcome.status, SubmitOutcome::Status::Duplicate);
            seqs.insert(outcome.seq);
        }
        QCOMPARE(firsts, 1);
        QCOMPARE(seqs.size(), 1); // every writer was told the one seq it got
    }
    const auto records = open();
    QVERIFY(records);
    QCOMPARE(records->log().eventCount(storeA), rounds);
    QCOMPARE(records->log().head(storeA), rounds);
}

// Batches naming two stores in opposite orders would deadlock if each locked its stores as it
// met them (PostgreSQL would break it by failing one after a second); sorted, they take turns.
void TestPostgresHubStorage::batchesOverTheSameStoresDoNotDeadlock()
{
    QVERIFY(open()); // the stores
    constexpr int batches = 10;
    std::atomic<int> failed {0};
    inParallel(m_address, [&failed](int writer, HubRecords &records) {
        for (int i = 0; i < batches; ++i) {
            QList<OrderEvent> batch {HubTest::placed(HubTest::order(
                                         storeA, QStringLiteral("a%1-%2").arg(writer).arg(i))),
                                     HubTest::placed(HubTest::order(
                                         storeB, QStringLiteral("b%1-%2").arg(writer).arg(i)))};
            if (writer % 2 == 1)
                std::swap(batch[0], batch[1]);
            for (const SubmitOutcome &outcome : records.log().submitAll(batch)) {
                if (outcome.status != SubmitOutcome::Status::Accepted)
                    ++failed;
            }
        }
    });
    QCOMPARE(failed.load(), 0);
    const auto records = open();
    QVERIFY(records);
    QCOMPARE(records->log().head(storeA), writers * batches);
    QCOMPARE(records->log().head(storeB), writers * batches);
}

// Two stores take two locks: the event id's uniqueness still lets only one of them have it.
// The loser is refused (it saw the winner) or fails (it raced the winner's commit) and retries.
void TestPostgresHubStorage::sameIdInTwoStoresAtOnceIsLoggedOnce()
{
    QVERIFY(open()); // the stores
    const QUuid id = QUuid::createUuid();
    QList<SubmitOutcome> outcomes(writers);
    inParallel(m_address, [&id, &outcomes](int writer, HubRecords &records) {
        OrderEvent event = HubTest::placed(
            HubTest::order(writer % 2 == 0 ? storeA : storeB, QString::number(writer)));
        event.id = id;
        outcomes[writer] = records.log().submit(event);
    });
    int accepted = 0;
    for (const SubmitOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.status == SubmitOutcome::Status::Accepted) {
            ++accepted;
            continue;
        }
        QVERIFY(outcome.status != SubmitOutcome::Status::Duplicate || outcome.seq == 1);
        QVERIFY(!outcome.reason.isEmpty() || outcome.status == SubmitOutcome::Status::Duplicate);
    }
    QCOMPARE(accepted, 1);
    const auto records = open();
    QVERIFY(records);
    QCOMPARE(records->log().eventCount(), 1);
}

// What lockStore() prevents, shown on the storage itself: a writer that numbered an event from
// a stale head fails on the seq the other took, and nothing of its transaction stays.
void TestPostgresHubStorage::conflictingAppendFailsAndChangesNothing()
{
    QVERIFY(open());
    auto late = m_backend->storage();
    auto early = m_backend->storage();
    QVERIFY(late->open());
    QVERIFY(early->open());
    QVERIFY(late->beginWrite());
    QCOMPARE(late->head(storeA), 0);
    QVERIFY(early->beginWrite());
    QVERIFY(early->appendEvent(
        {storeA, 1, QStringLiteral("e1"), QStringLiteral("o1"), QStringLiteral("{}"), 1}));
    QVERIFY(early->commit());
    QVERIFY(late->upsertOrder(storeA, QStringLiteral("o2"), QStringLiteral("{}")));
    const Result<void> appended = late->appendEvent(
        {storeA, 1, QStringLiteral("e2"), QStringLiteral("o2"), QStringLiteral("{}"), 2});
    QVERIFY(!appended);
    QVERIFY2(appended.error().contains(QStringLiteral("another writer stored the same key first")),
             qPrintable(appended.error()));
    late->rollback();
    QCOMPARE(late->eventCount(storeA), 1);
    QVERIFY(late->orderBody(storeA, QStringLiteral("o2")).isEmpty());
}

void TestPostgresHubStorage::idempotencyKeyKeepsTheFirstWriter()
{
    const auto first = open();
    const auto second = open();
    QVERIFY(first && second);
    const IdempotentResponse winner {"aa", 201, "{\"seq\":1}"};
    QVERIFY(first->idempotency().save(storeA, QStringLiteral("k"), winner));
    QVERIFY(!second->idempotency().save(storeA, QStringLiteral("k"), {"aa", 409, "{}"}));
    const std::optional<IdempotentResponse> stored =
        second->idempotency().response(storeA, QStringLiteral("k"));
    QVERIFY(stored);
    QCOMPARE(stored->status, 201);
    QCOMPARE(stored->body, winner.body);
}

// A restart (or failover) drops every connection; the hub connects again by itself: reads and
// writes after it work, and a transaction it cut is failed, not half-kept.
void TestPostgresHubStorage::carriesOnAfterTheServerRestarts()
{
    const auto records = open();
    QVERIFY(records);
    const Order first = HubTest::order(storeA, QStringLiteral("1"));
    QCOMPARE(records->log().submit(HubTest::placed(first)).seq, 1);
    QString error;
    PostgresCluster *cluster = m_backends.cluster(&error);
    QVERIFY2(cluster && cluster->restart(&error), qPrintable(error));
    QCOMPARE(records->log().eventsAfter(storeA, 0, 10).size(), 1); // a replay is not cut short
    QVERIFY(records->stores().contains(storeA));
    QVERIFY2(cluster->restart(&error), qPrintable(error));
    const Order second = HubTest::order(storeA, QStringLiteral("2"));
    QCOMPARE(records->log().submit(HubTest::placed(second)).seq, 2);
    QCOMPARE(records->log().head(storeA), 2);
    QVERIFY(records->log().order(storeA, second.id));
}

// A new console's snapshot must be able to start from the snapshot index on the projection
// rather than the whole log (sequential scans off: tables this small would be scanned anyway).
void TestPostgresHubStorage::theSnapshotIsReadThroughItsIndex()
{
    QVERIFY(open());
    QVERIFY(withDatabase([](QSqlQuery &query) {
        QVERIFY(query.exec(QStringLiteral("SET enable_seqscan = off")));
        // EXPLAIN takes no parameters: the values go in as literals.
        QString sql = PostgresHubSchema::snapshotSeqsQuery();
        for (const QString &value : {QStringLiteral("'store-a'"), QStringLiteral("0::bigint"),
                                     QStringLiteral("100::bigint")})
            sql.replace(sql.indexOf(QLatin1Char('?')), 1, value);
        QVERIFY2(query.exec(QStringLiteral("EXPLAIN ") + sql), qPrintable(query.lastError().text()));
        QStringList plan;
        while (query.next())
            plan.append(query.value(0).toString());
        QVERIFY2(plan.join(QLatin1Char('\n')).contains(QStringLiteral("orders_for_snapshot")),
                 qPrintable(plan.join(QLatin1Char('\n'))));
    }));
}

QTEST_GUILESS_MAIN(TestPostgresHubStorage)
#include "tst_postgreshubstorage.moc"
