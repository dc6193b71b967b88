// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storerepair.h"

#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace StoreTest;

// Real store files, really damaged (garbage over whole pages of the closed file), repaired.
class TestStoreRepair : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void salvagesWhatCanBeRead_data();
    void salvagesWhatCanBeRead();
    void refusesASoundStore();
    void salvagesAFileFromSchemaFour();
    void aPosOrdersStepsAreQueuedAgainForItsPosOnly();
    void completesARepairCutShortBetweenItsRenames();
    void refusesAFileThatIsNotAStore();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("store.sqlite")); }
    void createStore();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    QHash<QUuid, OrderEvent> m_events; // every event the store was given
    QSet<QUuid> m_confirmed; // of those, the ones the platform logged
    QUuid m_deadLetter;
};

void TestStoreRepair::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The repair's own account of itself is checked through its report.
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false\nkc.store.warning=false"));
}

void TestStoreRepair::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(t0);
    m_events.clear();
    m_confirmed.clear();
    createStore();
}

void TestStoreRepair::cleanup()
{
    m_dir.reset();
}

// Orders the platform placed and confirmed, each accepted here and not yet confirmed (so in the
// outbox), a dead letter, and the platform's cursor; then closed, so the file holds it all.
void TestStoreRepair::createStore()
{
    Store store(path(), m_clock.get());
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    qint64 hubSeq = 0;
    for (int i = 0; i < 150; ++i) {
        const Order order = sampleOrder(QStringLiteral("o-%1").arg(i), QString::number(100 + i));
        IncomingEvent placed = incoming(placedEvent(order, t0 + i * 1000));
        placed.hubSeq = ++hubSeq;
        const std::optional<SourceCursor> cursor =
            SourceCursor {QStringLiteral("platform"), QString::number(hubSeq)};
        QVERIFY(store.appendIncomingBatch({placed}, cursor).constFirst().committed());
        m_events.insert(placed.event.id, placed.event);
        m_confirmed.insert(placed.event.id);
        const OrderEvent accept = transitionEvent(order.id, OrderState::Placed,
                                                  OrderState::Accepted, t0 + i * 1000 + 500);
        QVERIFY(store.append(accept, {QStringLiteral("platform")}).committed());
        m_events.insert(accept.id, accept);
        m_clock->advanceMs(1000);
    }
    const OrderEvent first = store.events(QStringLiteral("o-0")).constLast(); // its accept
    m_deadLetter = first.id;
    QVERIFY(Outbox(store).recordFailure(first.id, QStringLiteral("platform"),
                                        QStringLiteral("HTTP 503"), 0));
    QVERIFY(Outbox(store).moveToDeadLetter(first.id, QStringLiteral("platform"),
                                           QStringLiteral("HTTP 500"), m_clock->nowMs()));
    QCOMPARE(store.cursor(QStringLiteral("platform")), QStringLiteral("150"));
    QVERIFY(ProjectionVerifier(store).verify().ok());
}

void TestStoreRepair::salvagesWhatCanBeRead_data()
{
    QTest::addColumn<int>("firstPage"); // -1: the middle of the file
    QTest::addColumn<int>("pages"); // -1: to the end of the file
    QTest::addColumn<bool>("someSalvaged");
    QTest::addColumn<bool>("requeue"); // this console's unanswered events, as the console asks
    QTest::newRow("pages in the middle") << -1 << 6 << true << true;
    QTest::newRow("pages in the middle, outbox rows only") << -1 << 6 << true << false;
    QTest::newRow("the schema page") << 0 << 1 << false << true;
    QTest::newRow("everything after the schema") << 1 << -1 << false << true;
}

void TestStoreRepair::salvagesWhatCanBeRead()
{
    QFETCH(int, firstPage);
    QFETCH(int, pages);
    QFETCH(bool, someSalvaged);
    QFETCH(bool, requeue);
    QVERIFY(!QFileInfo::exists(path() + QStringLiteral("-wal"))); // checkpointed on close
    const qint64 total = pageCount(path());
    const qint64 first = firstPage < 0 ? total / 2 : firstPage;
    QVERIFY(damagePages(path(), first, pages < 0 ? total - first : pages));
    const QByteArray damaged = fileBytes(path());
    {
        Store store(path(), m_clock.get());
        QVERIFY(!store.open());
        QCOMPARE(store.openError(), Store::OpenError::Damaged);
    }

    // What a repair cut short by a power cut left behind is replaced, not trusted.
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile leftover(path() + QStringLiteral(".repairing") + suffix);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("half a store");
    }

    m_clock->setNowMs(1'764'000'123'000); // 2025-11-24T16:02:03Z
    StoreRepair repair(path(), *m_clock);
    if (requeue)
        repair.requeueLocal(QStringLiteral("console-test"), {QStringLiteral("platform")});
    const Result<RepairReport> report = repair.repair();
    QVERIFY2(report, qPrintable(report.error()));

    // The damaged file is kept, as it was, under a name that says what and when.
    QCOMPARE(report->setAsidePath, path() + QStringLiteral(".damaged-20251124T160203Z"));
    QCOMPARE(fileBytes(report->setAsidePath), damaged);
    QVERIFY(!report->damage.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*.repairing*")}, QDir::Files),
             QStringList());

    // In its place a sound store, with what could be read and nothing else.
    Store store(path(), m_clock.get());
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(report->startedEmpty(), !someSalvaged);
    QCOMPARE(store.eventCount(), report->eventsSalvaged);
    if (someSalvaged) {
        QVERIFY(report->eventsSalvaged > 0);
        QVERIFY2(report->eventsSalvaged < m_events.size(), "the damage missed the log");
    }
    const QList<OrderEvent> events = store.allEvents();
    for (const OrderEvent &event : events)
        QCOMPARE(event, m_events.value(event.id));
    QVERIFY(ProjectionVerifier(store).verify().ok());
    QCOMPARE(report->ordersRebuilt, store.orders(false).size());

    // No cursor: the platform replays everything, and what the store holds is dropped by id.
    QCOMPARE(store.cursor(QStringLiteral("platform")), QString());

    // What the platform said is kept; only what it has not answered waits to be sent again.
    RawConnection raw(path());
    qint64 confirmed = 0;
    qint64 unconfirmed = 0;
    qint64 queuedTotal = 0;
    for (const OrderEvent &event : events) {
        const QString id = event.id.toString(QUuid::WithoutBraces);
        const bool logged = !raw.scalar(QStringLiteral("SELECT hub_seq FROM event_status WHERE "
                                                       "event_id = '%1'")
                                            .arg(id))
                                 .isNull();
        QCOMPARE(logged, m_confirmed.contains(event.id));
        const int queued = raw.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                     "event_id = '%1'")
                                          .arg(id))
                               .toInt();
        // Never queued twice, never once the platform answered it, nor while it waits for a
        // manager as a dead letter. Its outbox row may have been on a damaged page: then only
        // the requeue of this console's own events brings it back.
        const bool waitsAsDeadLetter = event.id == m_deadLetter && report->deadLettersSalvaged == 1;
        if (logged || waitsAsDeadLetter)
            QCOMPARE(queued, 0);
        else if (requeue)
            QCOMPARE(queued, 1);
        else
            QVERIFY(queued <= 1);
        (logged ? confirmed : unconfirmed) += 1;
        queuedTotal += queued;
    }
    QCOMPARE(report->pendingSalvaged + report->requeued, queuedTotal);
    if (!requeue)
        QCOMPARE(report->requeued, 0);
    QCOMPARE(Outbox(store).pendingCount(), int(queuedTotal));
    // Queued again as due now: the platform may never have had them.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE next_attempt_at > %1")
                            .arg(m_clock->nowMs()))
                 .toInt(),
             0);
    QCOMPARE(report->deadLettersSalvaged, store.hasEvent(m_deadLetter) ? 1 : 0);
    if (report->deadLettersSalvaged == 1) {
        // With its first error as well as its last.
        const DeadLetter letter = Outbox(store).deadLetters().constFirst();
        QCOMPARE(letter.firstError, QStringLiteral("HTTP 503"));
        QCOMPARE(letter.firstErrorAt, t0 + 150 * 1000);
        QCOMPARE(letter.lastError, QStringLiteral("HTTP 500"));
    }
    if (someSalvaged)
        QVERIFY(confirmed > 0 && unconfirmed > 0 && report->pendingSalvaged > 0);
}

void TestStoreRepair::aPosOrdersStepsAreQueuedAgainForItsPosOnly()
{
    const QString square = QStringLiteral("pos:square");
    OrderEvent accept;
    {
        Store store(path(), m_clock.get());
        QVERIFY(store.open());
        Order counter = sampleOrder(QStringLiteral("sq-1"), QStringLiteral("C1"));
        counter.source = square;
        IncomingEvent placed = incoming(placedEvent(counter, m_clock->nowMs()));
        placed.source = square;
        QVERIFY(store.appendIncomingBatch({placed}, std::nullopt).constFirst().committed());
        accept = transitionEvent(counter.id, OrderState::Placed, OrderState::Accepted,
                                 m_clock->nowMs() + 500);
        // Its outbox row is as good as on a damaged page: only the requeue can bring it back.
        QVERIFY(store.append(accept, {}).committed());
    }
    QVERIFY(damagePages(path(), pageCount(path()) / 2, 6));
    StoreRepair repair(path(), *m_clock);
    repair.requeueLocal(QStringLiteral("console-test"), {QStringLiteral("platform")});
    const Result<RepairReport> report = repair.repair();
    QVERIFY2(report, qPrintable(report.error()));

    Store store(path(), m_clock.get());
    QVERIFY(store.open());
    QVERIFY2(store.hasEvent(accept.id), "the damage reached the POS order's step");
    RawConnection raw(path());
    const auto queuedFor = [&raw, &accept](const QString &destination) {
        return raw.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE event_id = '%1' AND "
                                         "destination = '%2'")
                                  .arg(accept.id.toString(QUuid::WithoutBraces), destination))
                .toInt();
    };
    // The platform never knew the till's order: it would refuse the step and undo it here.
    QCOMPARE(queuedFor(QStringLiteral("platform")), 0);
    QCOMPARE(queuedFor(square), 1);
}

void TestStoreRepair::refusesASoundStore()
{
    const QByteArray before = fileBytes(path());
    const Result<RepairReport> report = StoreRepair(path(), *m_clock).repair();
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QLatin1String("no damage")), qPrintable(report.error()));
    QCOMPARE(fileBytes(path()), before);
    // Its read-only look may leave SQLite's -wal and -shm beside it, as kc-admin's does.
    QCOMPARE(
        QDir(m_dir->path())
            .entryList({QStringLiteral("*.damaged*"), QStringLiteral("*.repairing*")}, QDir::Files),
        QStringList());
}

// A file damaged before this build migrated it (schema 4): it has no first errors to copy.
void TestStoreRepair::salvagesAFileFromSchemaFour()
{
    {
        RawConnection raw(path());
        for (const char *sql : {"ALTER TABLE outbox DROP COLUMN first_error",
                                "ALTER TABLE outbox DROP COLUMN first_error_at",
                                "ALTER TABLE dead_letters DROP COLUMN first_error",
                                "ALTER TABLE dead_letters DROP COLUMN first_error_at",
                                "PRAGMA user_version = 4", "PRAGMA wal_checkpoint(TRUNCATE)"})
            QVERIFY2(raw.exec(QLatin1String(sql)), sql);
    }
    QVERIFY(damagePages(path(), pageCount(path()) / 2, 6));
    const Result<RepairReport> report = StoreRepair(path(), *m_clock).repair();
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(report->eventsSalvaged > 0);
    QVERIFY(report->pendingSalvaged > 0);

    Store store(path(), m_clock.get());
    QVERIFY(store.open());
    QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion);
    QCOMPARE(Outbox(store).pendingCount(), int(report->pendingSalvaged));
    for (const DeadLetter &letter : Outbox(store).deadLetters()) {
        QCOMPARE(letter.firstErrorAt, 0); // not recorded
        QCOMPARE(letter.lastError, QStringLiteral("HTTP 500"));
    }
}

// A power cut after the damaged file went aside, before the repaired one took its place.
void TestStoreRepair::completesARepairCutShortBetweenItsRenames()
{
    QVERIFY(damagePages(path(), pageCount(path()) / 2, 6));
    const Result<RepairReport> report = StoreRepair(path(), *m_clock).repair();
    QVERIFY2(report, qPrintable(report.error()));
    const QString fresh = path() + QStringLiteral(".repairing");
    QVERIFY(QDir().rename(path(), fresh)); // as it was one rename before the end

    QVERIFY(StoreRepair::completeInterrupted(path()));
    QVERIFY(!QFileInfo::exists(fresh));
    Store store(path(), m_clock.get());
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(store.eventCount(), report->eventsSalvaged);
    QVERIFY(!StoreRepair::completeInterrupted(path())); // nothing left to complete

    // A store in place, or a -wal that is not the fresh file's, is never replaced.
    QVERIFY(QDir().rename(path(), fresh));
    QFile wal(path() + QStringLiteral("-wal"));
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.close();
    QVERIFY(!StoreRepair::completeInterrupted(path()));
    QVERIFY(QFileInfo::exists(fresh));
}

// Whatever it is, it is not a store this console wrote: not ours to move.
void TestStoreRepair::refusesAFileThatIsNotAStore()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(3 * pageSize, 'x'));
    file.close();
    const QByteArray before = fileBytes(path());
    const Result<RepairReport> report = StoreRepair(path(), *m_clock).repair();
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QLatin1String("not a database")),
             qPrintable(report.error()));
    QCOMPARE(fileBytes(path()), before);
    QCOMPARE(
        QDir(m_dir->path())
            .entryList({QStringLiteral("*.damaged*"), QStringLiteral("*.repairing*")}, QDir::Files),
        QStringList());
}

QTEST_GUILESS_MAIN(TestStoreRepair)
#include "tst_storerepair.moc"
