// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"
#include "enginetestbed.h"

#include "engine/orderengine.h"
#include "faultydisk.h"
#include "lockholder.h"
#include "store/store.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace StoreTest;

// The engine over a store that cannot write: an incoming burst that cannot be stored is dropped
// whole (never stored past the hole) and reported once, so its source sends it again; a staff
// command fails in words; verdicts are recorded once, however often the platform repeats them.
namespace {
enum class Injected { DiskFull, IoError, LockedByAnotherProcess };
const QString platform = QStringLiteral("platform");

/** The platform's events seq first…last: orders placed on it. */
QList<IncomingEvent> hubOrders(qint64 first, qint64 last)
{
    QList<IncomingEvent> events;
    for (qint64 seq = first; seq <= last; ++seq) {
        const Order order = sampleOrder(QStringLiteral("hub-%1").arg(seq), QString::number(seq));
        IncomingEvent in = incoming(placedEvent(order, t0 + seq));
        in.hubSeq = seq;
        events.append(in);
    }
    return events;
}
} // namespace

class TestEngineFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void burstThatCannotBeStoredIsDroppedWholeAndFetchedAgain_data();
    void burstThatCannotBeStoredIsDroppedWholeAndFetchedAgain();
    void staffCommandFailsInWordsAndWorksOnceHealed();
    void aRefusalHeldBehindABurstAlertsOnceHoweverOftenItComes();
    void aVerdictThatCannotBeRecordedIsReportedNotLost();

private:
    void openBed(bool writerThread);
    void inject(Injected injected, LockHolder &holder);
    QString dir() const { return QFileInfo(m_bed->store().path()).absolutePath(); }
    void drain(const QList<IncomingEvent> &events, const SourceCursor &cursor);
    /** A fresh bed with the platform's order hub-1, accepted here; the accept's event id. */
    QUuid acceptOneHubOrder();

    std::unique_ptr<EngineTestbed> m_bed;
};

void TestEngineFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(FaultyDisk::install());
}

void TestEngineFaults::cleanup()
{
    FaultyDisk::heal();
    m_bed.reset();
}

void TestEngineFaults::openBed(bool writerThread)
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.incomingBatchSize = 100;
    config.writeIncomingOnOwnThread = writerThread;
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    m_bed->store().setBusyTimeoutMs(100);
    QVERIFY(m_bed->open());
}

void TestEngineFaults::inject(Injected injected, LockHolder &holder)
{
    switch (injected) {
    case Injected::DiskFull:
        FaultyDisk::fail(dir(), FaultyDisk::Fault::Full);
        break;
    case Injected::IoError:
        FaultyDisk::fail(dir(), FaultyDisk::Fault::IoError);
        break;
    case Injected::LockedByAnotherProcess:
        QVERIFY(holder.lock(m_bed->store().path()));
        break;
    }
}

void TestEngineFaults::drain(const QList<IncomingEvent> &events, const SourceCursor &cursor)
{
    QSignalSpy drained(&m_bed->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_bed->engine().applyIncoming(events, cursor);
    QTRY_VERIFY(!drained.isEmpty() && m_bed->engine().incomingBacklog() == 0);
}

QUuid TestEngineFaults::acceptOneHubOrder()
{
    openBed(true);
    drain(hubOrders(1, 1), {platform, QStringLiteral("1")});
    TransitionDetails promise;
    promise.promisedAt = t0 + 900'000;
    const CommandResult accept = m_bed->engine().advance(
            QStringLiteral("hub-1"), Actor::staff(QStringLiteral("ana")), promise);
    return accept.ok ? accept.event.id : QUuid();
}

void TestEngineFaults::burstThatCannotBeStoredIsDroppedWholeAndFetchedAgain_data()
{
    QTest::addColumn<Injected>("injected");
    QTest::addColumn<StoreFault>("expected");
    QTest::addColumn<bool>("writerThread");
    for (bool thread : {true, false}) {
        const char *where = thread ? "writer thread" : "engine thread";
        QTest::addRow("disk full, %s", where) << Injected::DiskFull << StoreFault::DiskFull << thread;
        QTest::addRow("I/O error, %s", where) << Injected::IoError << StoreFault::IoError << thread;
        QTest::addRow("locked, %s", where)
                << Injected::LockedByAnotherProcess << StoreFault::Busy << thread;
    }
}

void TestEngineFaults::burstThatCannotBeStoredIsDroppedWholeAndFetchedAgain()
{
    QFETCH(Injected, injected);
    QFETCH(StoreFault, expected);
    QFETCH(bool, writerThread);
    openBed(writerThread);
    OrderEngine &engine = m_bed->engine();
    Store &store = m_bed->store();
    drain(hubOrders(1, 5), {platform, QStringLiteral("5")});
    QCOMPARE(store.cursor(platform), QStringLiteral("5"));
    const qint64 eventsBefore = store.eventCount();

    QSignalSpy failed(&engine, &OrderEngine::incomingFailed);
    QSignalSpy stored(&engine, &OrderEngine::incomingStored);
    QSignalSpy faults(&engine, &OrderEngine::storeFaultChanged);
    QSignalSpy refused(&engine, &OrderEngine::refused);
    QSignalSpy changed(&engine, &OrderEngine::orderChanged);
    QVERIFY(failed.isValid() && stored.isValid() && faults.isValid() && refused.isValid()
            && changed.isValid());
    LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
    inject(injected, holder);
    // 250 events, three batches: the first fails, and the two queued behind it must not be
    // stored past it (the store would refuse them too, but they are dropped before that).
    const QList<IncomingEvent> burst = hubOrders(6, 255);
    drain(burst, {platform, QStringLiteral("255")});
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.constFirst().at(0).toString(), platform);
    QCOMPARE(StoreFaults::name(failed.constFirst().at(1).value<StoreFault>()),
             StoreFaults::name(expected));
    QCOMPARE(StoreFaults::name(engine.storeFault()), StoreFaults::name(expected));
    QCOMPARE(stored.count(), 0);
    QCOMPARE(refused.count(), 0); // one report, not one per event
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.cursor(platform), QStringLiteral("5"));
    QCOMPARE(store.eventCount(), eventsBefore);

    FaultyDisk::heal();
    QVERIFY(holder.release());
    drain(burst, {platform, QStringLiteral("255")});
    QCOMPARE(store.cursor(platform), QStringLiteral("255"));
    QCOMPARE(store.eventCount(), eventsBefore + 250);
    QCOMPARE(stored.count(), 3);
    QCOMPARE(StoreFaults::name(engine.storeFault()), StoreFaults::name(StoreFault::None));
    QCOMPARE(StoreFaults::name(faults.constLast().constFirst().value<StoreFault>()),
             StoreFaults::name(StoreFault::None));
    QCOMPARE(refused.count(), 0);
}

void TestEngineFaults::staffCommandFailsInWordsAndWorksOnceHealed()
{
    openBed(true);
    OrderEngine &engine = m_bed->engine();
    drain(hubOrders(1, 1), {platform, QStringLiteral("1")});
    const QString orderId = QStringLiteral("hub-1");
    TransitionDetails promise;
    promise.promisedAt = t0 + 900'000;
    QSignalSpy refused(&engine, &OrderEngine::refused);
    QVERIFY(refused.isValid());

    FaultyDisk::fail(dir(), FaultyDisk::Fault::Full);
    const CommandResult failed = engine.advance(orderId, Actor::staff(QStringLiteral("ana")), promise);
    QVERIFY(!failed.ok);
    QCOMPARE(failed.message, OrderEngine::tr("Nothing was done. %1")
                                     .arg(StoreFaults::forStaff(StoreFault::DiskFull)));
    QVERIFY2(!failed.message.contains(QStringLiteral("database or disk")),
             qPrintable(failed.message));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(StoreFaults::name(engine.storeFault()), StoreFaults::name(StoreFault::DiskFull));
    QCOMPARE(m_bed->store().order(orderId)->state, OrderState::Placed);

    FaultyDisk::heal();
    const CommandResult healed = engine.advance(orderId, Actor::staff(QStringLiteral("ana")), promise);
    QVERIFY2(healed.ok, qPrintable(healed.message));
    QCOMPARE(m_bed->store().order(orderId)->state, OrderState::Accepted);
    QCOMPARE(StoreFaults::name(engine.storeFault()), StoreFaults::name(StoreFault::None));
}

void TestEngineFaults::aRefusalHeldBehindABurstAlertsOnceHoweverOftenItComes()
{
    const QUuid accepted = acceptOneHubOrder();
    QVERIFY(!accepted.isNull());
    OrderEngine &engine = m_bed->engine();

    QSignalSpy alerts(&engine, &OrderEngine::alert);
    QSignalSpy recorded(&engine, &OrderEngine::verdictRecorded);
    QVERIFY(alerts.isValid() && recorded.isValid());
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    engine.applyIncoming(hubOrders(2, 400), SourceCursor {platform, QStringLiteral("400")});
    // The platform says no three times (a resend, a replayed answer) while the burst is queued.
    for (int i = 0; i < 3; ++i)
        engine.rejectByPlatform(accepted, QStringLiteral("the customer cancelled"));
    QCOMPARE(recorded.count(), 0); // held behind the burst
    QTRY_VERIFY(!drained.isEmpty() && engine.incomingBacklog() == 0);
    QTRY_COMPARE(recorded.count(), 3);
    for (const QList<QVariant> &signal : std::as_const(recorded))
        QVERIFY(signal.at(1).toBool());
    QCOMPARE(alerts.count(), 1);
    QVERIFY(alerts.constFirst().at(1).toString().contains(QStringLiteral("the customer cancelled")));
    QCOMPARE(m_bed->store().order(QStringLiteral("hub-1"))->state, OrderState::Placed);
}

void TestEngineFaults::aVerdictThatCannotBeRecordedIsReportedNotLost()
{
    const QUuid accepted = acceptOneHubOrder();
    QVERIFY(!accepted.isNull());
    OrderEngine &engine = m_bed->engine();
    QSignalSpy alerts(&engine, &OrderEngine::alert);
    QSignalSpy recorded(&engine, &OrderEngine::verdictRecorded);
    QVERIFY(alerts.isValid() && recorded.isValid());

    FaultyDisk::fail(dir(), FaultyDisk::Fault::IoError);
    engine.rejectByPlatform(accepted, QStringLiteral("too late"));
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(recorded.constLast().at(1).toBool(), false);
    QCOMPARE(alerts.count(), 0); // nothing changed, so nothing to tell yet

    FaultyDisk::heal();
    engine.rejectByPlatform(accepted, QStringLiteral("too late"));
    QCOMPARE(recorded.constLast().at(1).toBool(), true);
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(m_bed->store().order(QStringLiteral("hub-1"))->state, OrderState::Placed);
}

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_enginefaults.moc"
