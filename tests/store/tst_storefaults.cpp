// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "faultydisk.h"
#include "lockholder.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace StoreTest;

// Every write the store makes, against a disk that is full, a disk that fails, and a file another
// process holds locked: the write fails as that fault, changes nothing, and succeeds once the
// fault clears. And a sequenced stream never stores past a hole, whatever the caller asks.
namespace {
enum class Write { LocalCommand, IncomingBatch, Confirm, Reject, OutboxAck };
enum class Injected { DiskFull, IoError, LockedByAnotherProcess };
const QString platform = QStringLiteral("platform");
} // namespace

class TestStoreFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aFailedWriteChangesNothingAndWorksOnceHealed_data();
    void aFailedWriteChangesNothingAndWorksOnceHealed();
    void aStreamNeverStoresPastAHole();
    void everyBatchOfAStreamSavesItsCursor();
    void aSnapshotMayJumpTheCursor();
    void aSecondRefusalIsADuplicate();
    void aConfirmationUndoesARefusalAndARefusalNeverUndoesAConfirmation();
    void staffReadWordsNotSqlite_data();
    void staffReadWordsNotSqlite();

private:
    struct Outcome
    {
        bool ok = false;
        StoreFault fault = StoreFault::None;
    };
    Outcome run(Write write);
    QString snapshot() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    QString m_orderId = QStringLiteral("order-1");
    QUuid m_localAccept; // a local event waiting for the platform's verdict
};

void TestStoreFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(FaultyDisk::install());
}

void TestStoreFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    m_store->setBusyTimeoutMs(100);
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
    IncomingEvent placed = incoming(placedEvent(sampleOrder(m_orderId, QStringLiteral("101"))));
    placed.hubSeq = 1;
    const QList<AppendResult> stored = m_store->appendIncomingBatch({placed}, std::nullopt);
    QVERIFY(stored.constFirst().committed());
    const OrderEvent accept = transitionEvent(m_orderId, OrderState::Placed, OrderState::Accepted);
    QVERIFY(m_store->append(accept, {platform}).committed());
    m_localAccept = accept.id;
}

void TestStoreFaults::cleanup()
{
    FaultyDisk::heal();
    m_store.reset();
    m_dir.reset();
}

TestStoreFaults::Outcome TestStoreFaults::run(Write write)
{
    const auto outcome = [](const AppendResult &result) {
        return Outcome {result.applied(), result.fault};
    };
    switch (write) {
    case Write::LocalCommand:
        return outcome(m_store->append(
                transitionEvent(m_orderId, OrderState::Accepted, OrderState::Preparing),
                {platform}));
    case Write::IncomingBatch: {
        OrderEvent note = OrderEvent::transition(m_orderId, storeId, OrderState::Placed,
                                                 OrderState::Accepted, Actor::platform(),
                                                 QStringLiteral("hub"), t0 + 500);
        note.payload.insert(QStringLiteral("promised_at"), t0 + 900'000);
        IncomingEvent event = incoming(note);
        event.hubSeq = 2;
        const QList<AppendResult> results =
                m_store->appendIncomingBatch({event}, SourceCursor {platform, QStringLiteral("2")});
        return outcome(results.constFirst());
    }
    case Write::Confirm:
        return outcome(m_store->confirm(m_localAccept, 2));
    case Write::Reject:
        return outcome(m_store->markRejected(m_localAccept, QStringLiteral("cancelled first")));
    case Write::OutboxAck: {
        const Result<void> acknowledged = Outbox(*m_store).acknowledge(m_localAccept, platform);
        // The outbox says why in words, not as a fault; a failed ack leaves the entry to be sent
        // again.
        return {acknowledged.ok(), acknowledged ? StoreFault::None : StoreFault::Other};
    }
    }
    return {};
}

QString TestStoreFaults::snapshot() const
{
    RawConnection raw(m_store->path());
    return tableCounts(raw.db()) + QLatin1Char(' ')
            + QString::fromLatin1(projectionHash(raw.db()).toHex()) + QLatin1Char(' ')
            + raw.scalar(QStringLiteral("SELECT group_concat(event_id || ':' || "
                                        "coalesce(hub_seq, '-') || ':' || "
                                        "coalesce(rejected_reason, '-')) FROM event_status"))
                      .toString()
            + QLatin1Char(' ') + m_store->cursor(platform);
}

void TestStoreFaults::aFailedWriteChangesNothingAndWorksOnceHealed_data()
{
    QTest::addColumn<Write>("write");
    QTest::addColumn<Injected>("injected");
    QTest::addColumn<StoreFault>("expected");
    const std::pair<const char *, Write> writes[] = {
        {"local command", Write::LocalCommand}, {"incoming batch", Write::IncomingBatch},
        {"platform's ack", Write::Confirm},      {"platform's refusal", Write::Reject},
        {"outbox ack", Write::OutboxAck},
    };
    const std::tuple<const char *, Injected, StoreFault> faults[] = {
        {"disk full", Injected::DiskFull, StoreFault::DiskFull},
        {"I/O error", Injected::IoError, StoreFault::IoError},
        {"locked by another process", Injected::LockedByAnotherProcess, StoreFault::Busy},
    };
    for (const auto &[writeName, write] : writes) {
        for (const auto &[faultName, injected, expected] : faults) {
            const StoreFault reported = write == Write::OutboxAck ? StoreFault::Other : expected;
            QTest::addRow("%s, %s", writeName, faultName) << write << injected << reported;
        }
    }
}

void TestStoreFaults::aFailedWriteChangesNothingAndWorksOnceHealed()
{
    QFETCH(Write, write);
    QFETCH(Injected, injected);
    QFETCH(StoreFault, expected);

    const QString before = snapshot();
    LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
    switch (injected) {
    case Injected::DiskFull:
        FaultyDisk::fail(m_dir->path(), FaultyDisk::Fault::Full);
        break;
    case Injected::IoError:
        FaultyDisk::fail(m_dir->path(), FaultyDisk::Fault::IoError);
        break;
    case Injected::LockedByAnotherProcess:
        QVERIFY(holder.lock(m_store->path()));
        break;
    }
    const int refusedBefore = FaultyDisk::refusedWrites();
    const Outcome failed = run(write);
    QVERIFY(!failed.ok);
    QCOMPARE(StoreFaults::name(failed.fault), StoreFaults::name(expected));
    if (injected != Injected::LockedByAnotherProcess)
        QVERIFY(FaultyDisk::refusedWrites() > refusedBefore); // the fault was really hit

    FaultyDisk::heal();
    QVERIFY(holder.release());
    QCOMPARE(snapshot(), before);
    const Outcome healed = run(write);
    QVERIFY(healed.ok);
    QCOMPARE(StoreFaults::name(healed.fault), StoreFaults::name(StoreFault::None));
    QVERIFY(snapshot() != before);
}

void TestStoreFaults::aStreamNeverStoresPastAHole()
{
    // Seq 1 is stored; 3 and 4 arrive without 2: nothing of them is stored, the cursor stays.
    QList<IncomingEvent> batch;
    for (qint64 seq : {3, 4}) {
        OrderEvent event = OrderEvent::transition(m_orderId, storeId, OrderState::Placed,
                                                  OrderState::Accepted, Actor::platform(),
                                                  QStringLiteral("hub"), t0 + seq);
        event.payload.insert(QStringLiteral("promised_at"), t0 + 900'000);
        IncomingEvent in = incoming(event);
        in.hubSeq = seq;
        batch.append(in);
    }
    const QString before = snapshot();
    const QList<AppendResult> results =
            m_store->appendIncomingBatch(batch, SourceCursor {platform, QStringLiteral("4")});
    QCOMPARE(results.size(), 2);
    for (const AppendResult &result : results)
        QCOMPARE(result.status, AppendResult::Status::Failed);
    QVERIFY2(results.constFirst().error.contains(QStringLiteral("missing")),
             qPrintable(results.constFirst().error));
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_store->cursor(platform), QStringLiteral("1"));
}

void TestStoreFaults::everyBatchOfAStreamSavesItsCursor()
{
    // A batch named no cursor (the caller's cursor came with a later batch): it still saves how
    // far its unbroken run got, and a replay of what is stored moves nothing back.
    QList<IncomingEvent> batch;
    for (int i = 0; i < 3; ++i) {
        const Order order = sampleOrder(QStringLiteral("o-%1").arg(i), QString::number(200 + i));
        IncomingEvent in = incoming(placedEvent(order));
        in.hubSeq = 2 + i;
        batch.append(in);
    }
    QVERIFY(m_store->appendIncomingBatch(batch, std::nullopt).constFirst().committed());
    QCOMPARE(m_store->cursor(platform), QStringLiteral("4"));
    const QList<AppendResult> replayed = m_store->appendIncomingBatch(batch.mid(0, 2), std::nullopt);
    QCOMPARE(replayed.constFirst().status, AppendResult::Status::Duplicate);
    QCOMPARE(m_store->cursor(platform), QStringLiteral("4"));
}

// A bootstrap snapshot leaves out, on purpose, the seqs a new console need not have: its
// events are stored past them and the cursor goes where the platform says the snapshot reaches.
void TestStoreFaults::aSnapshotMayJumpTheCursor()
{
    QList<IncomingEvent> batch;
    for (const qint64 seq : {5, 8}) {
        const Order order = sampleOrder(QStringLiteral("o-%1").arg(seq), QString::number(300 + seq));
        IncomingEvent in = incoming(placedEvent(order));
        in.hubSeq = seq;
        in.fromSnapshot = true;
        batch.append(in);
    }
    const QList<AppendResult> results =
            m_store->appendIncomingBatch(batch, SourceCursor {platform, QStringLiteral("9")});
    for (const AppendResult &result : results)
        QVERIFY2(result.committed(), qPrintable(result.error));
    QCOMPARE(m_store->cursor(platform), QStringLiteral("9"));
    QVERIFY(m_store->order(QStringLiteral("o-8")));
}

void TestStoreFaults::aSecondRefusalIsADuplicate()
{
    const AppendResult first = m_store->markRejected(m_localAccept, QStringLiteral("too late"));
    QCOMPARE(first.status, AppendResult::Status::Committed);
    const QString after = snapshot();
    const AppendResult second = m_store->markRejected(m_localAccept, QStringLiteral("too late"));
    QCOMPARE(second.status, AppendResult::Status::Duplicate);
    QVERIFY(second.order.has_value());
    QCOMPARE(snapshot(), after);
}

void TestStoreFaults::aConfirmationUndoesARefusalAndARefusalNeverUndoesAConfirmation()
{
    // The platform's log is the truth: a refusal of an event it logged changes nothing, and a
    // place in its log clears an earlier refusal (the event counts again).
    QCOMPARE(m_store->confirm(m_localAccept, 2).status, AppendResult::Status::Committed);
    const AppendResult refusal = m_store->markRejected(m_localAccept, QStringLiteral("late"));
    QCOMPARE(refusal.status, AppendResult::Status::Refused);
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Accepted);

    const OrderEvent start = transitionEvent(m_orderId, OrderState::Accepted, OrderState::Preparing);
    QVERIFY(m_store->append(start, {platform}).committed());
    QCOMPARE(m_store->markRejected(start.id, QStringLiteral("no")).status,
             AppendResult::Status::Committed);
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Accepted);
    QCOMPARE(m_store->confirm(start.id, 3).status, AppendResult::Status::Committed);
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Preparing);
    RawConnection raw(m_store->path());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM event_status WHERE hub_seq IS NOT "
                                       "NULL AND rejected_reason IS NOT NULL"))
                     .toInt(),
             0);
}

void TestStoreFaults::staffReadWordsNotSqlite_data()
{
    QTest::addColumn<StoreFault>("fault");
    QTest::newRow("disk full") << StoreFault::DiskFull;
    QTest::newRow("busy") << StoreFault::Busy;
    QTest::newRow("I/O error") << StoreFault::IoError;
    QTest::newRow("damaged") << StoreFault::Damaged;
    QTest::newRow("read-only") << StoreFault::ReadOnly;
    QTest::newRow("other") << StoreFault::Other;
}

void TestStoreFaults::staffReadWordsNotSqlite()
{
    QFETCH(StoreFault, fault);
    const QString words = StoreFaults::forStaff(fault);
    QVERIFY(!words.isEmpty());
    for (const char *sqlite : {"SQLITE", "sqlite", "database or disk", "disk I/O", "locked"})
        QVERIFY2(!words.contains(QLatin1String(sqlite)), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("manager")) || words.contains(QStringLiteral("again")),
             qPrintable(words)); // says what to do
}

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "tst_storefaults.moc"
