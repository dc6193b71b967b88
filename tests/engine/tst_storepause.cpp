// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

// Busy mode against a real store and a manual clock: the log is the memory, the clock the timer.
class TestStorePause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void pauseIsLoggedAndSentToThePlatform();
    void resumesByItselfAsTheClockPasses();
    void resumeEarly();
    void refusesPastTimesAndResumingWhenOpen();
    void restartKeepsARunningPause();
    void pauseThatEndedWhileOffResumesAtStart();
    void freshStoreIsOpen();
    void followsAPauseFromAnotherConsole();
    void anotherConsolesPauseIsResumedByItsConsoleFirst();

private:
    std::unique_ptr<StorePause> makePause();
    QList<OrderEvent> storeEvents() const;
    OrderEvent pauseFromConsole2(qint64 until) const;

    std::unique_ptr<EngineTestbed> m_bed;
    ManualClock *m_clock = nullptr;
    Store *m_store = nullptr;
    OrderEngine *m_engine = nullptr;
    const Actor m_manager = Actor::staff(QStringLiteral("ana"));
};

constexpr qint64 minute = 60'000;

void TestStorePause::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_clock = &m_bed->clock();
    m_store = &m_bed->store();
    m_engine = &m_bed->engine();
}

void TestStorePause::cleanup()
{
    m_bed.reset();
}

std::unique_ptr<StorePause> TestStorePause::makePause()
{
    auto pause = std::make_unique<StorePause>(*m_engine, *m_clock);
    pause->setTickIntervalMs(5);
    pause->restore();
    return pause;
}

QList<OrderEvent> TestStorePause::storeEvents() const
{
    QList<OrderEvent> result;
    for (const OrderEvent &event : m_store->allEvents()) {
        if (EventKinds::isStoreLevel(event.kind))
            result.append(event);
    }
    return result;
}

void TestStorePause::pauseIsLoggedAndSentToThePlatform()
{
    auto pause = makePause();
    QSignalSpy changed(pause.get(), &StorePause::pauseChanged);
    QVERIFY(changed.isValid());
    QSignalSpy appended(m_engine, &OrderEngine::storeEventAppended);
    QVERIFY(appended.isValid());
    const qint64 until = t0 + 20 * minute;
    const CommandResult result = pause->pause(until, m_manager);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(pause->isPaused());
    QCOMPARE(pause->pausedUntil(), until);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().constFirst().toLongLong(), until);

    const QList<OrderEvent> events = storeEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().kind, EventKind::StorePaused);
    QCOMPARE(events.constFirst().storeId, storeId);
    QVERIFY(events.constFirst().orderId.isEmpty());
    QCOMPARE(events.constFirst().actor, m_manager);
    QCOMPARE(events.constFirst().payload.value(QStringLiteral("until")).toInteger(), until);
    QCOMPARE(Outbox(*m_store).pendingCount(QStringLiteral("platform")), 1);
    QCOMPARE(appended.count(), 1); // the sync client hears of it at once
}

void TestStorePause::resumesByItselfAsTheClockPasses()
{
    auto pause = makePause();
    QVERIFY(pause->pause(t0 + 20 * minute, m_manager).ok);
    QSignalSpy changed(pause.get(), &StorePause::pauseChanged);
    QVERIFY(changed.isValid());

    m_clock->advanceMs(19 * minute);
    QVERIFY(!changed.wait(50)); // ticks pass, the time has not come
    QVERIFY(pause->isPaused());

    m_clock->advanceMs(minute);
    QTRY_VERIFY(!pause->isPaused());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().constFirst().toLongLong(), 0);
    const QList<OrderEvent> events = storeEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.constLast().kind, EventKind::StoreResumed);
    QCOMPARE(events.constLast().actor, Actor::system());
    QCOMPARE(events.constLast().occurredAt, t0 + 20 * minute);
    QVERIFY(!changed.wait(50)); // and only once
    QCOMPARE(storeEvents().size(), 2);
}

void TestStorePause::resumeEarly()
{
    auto pause = makePause();
    QVERIFY(pause->pause(t0 + 40 * minute, m_manager).ok);
    m_clock->advanceMs(5 * minute);
    const CommandResult result = pause->resume(m_manager);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!pause->isPaused());
    QCOMPARE(storeEvents().constLast().kind, EventKind::StoreResumed);
    QCOMPARE(storeEvents().constLast().actor, m_manager);

    m_clock->advanceMs(40 * minute); // the old end time passes quietly
    QTest::qWait(30);
    QCOMPARE(storeEvents().size(), 2);
}

void TestStorePause::refusesPastTimesAndResumingWhenOpen()
{
    auto pause = makePause();
    CommandResult result = pause->resume(m_manager);
    QVERIFY(!result.ok);
    QVERIFY(!result.message.isEmpty());
    result = pause->pause(t0, m_manager);
    QVERIFY(!result.ok);
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(storeEvents().size(), 0);
    QVERIFY(!pause->isPaused());
}

void TestStorePause::restartKeepsARunningPause()
{
    {
        auto pause = makePause();
        QVERIFY(pause->pause(t0 + 40 * minute, m_manager).ok);
    }
    m_clock->advanceMs(10 * minute);
    auto restarted = makePause();
    QVERIFY(restarted->isPaused());
    QCOMPARE(restarted->pausedUntil(), t0 + 40 * minute);
    QCOMPARE(storeEvents().size(), 1);

    m_clock->advanceMs(30 * minute);
    QTRY_VERIFY(!restarted->isPaused());
    QCOMPARE(storeEvents().constLast().kind, EventKind::StoreResumed);
}

void TestStorePause::pauseThatEndedWhileOffResumesAtStart()
{
    {
        auto pause = makePause();
        QVERIFY(pause->pause(t0 + 20 * minute, m_manager).ok);
    }
    m_clock->advanceMs(3 * 60 * minute);
    auto restarted = makePause();
    QVERIFY(!restarted->isPaused());
    const QList<OrderEvent> events = storeEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.constLast().kind, EventKind::StoreResumed);
    QCOMPARE(events.constLast().actor, Actor::system());
    QCOMPARE(events.constLast().occurredAt, m_clock->nowMs());
}

void TestStorePause::freshStoreIsOpen()
{
    auto pause = makePause();
    QVERIFY(!pause->isPaused());
    QCOMPARE(pause->pausedUntil(), 0);
    QCOMPARE(storeEvents().size(), 0);
}

OrderEvent TestStorePause::pauseFromConsole2(qint64 until) const
{
    OrderEvent paused;
    paused.id = QUuid::createUuid();
    paused.storeId = storeId;
    paused.kind = EventKind::StorePaused;
    paused.actor = Actor::staff(QStringLiteral("ben"));
    paused.origin = QStringLiteral("console-2");
    paused.occurredAt = t0;
    paused.payload.insert(QStringLiteral("until"), until);
    return paused;
}

void TestStorePause::followsAPauseFromAnotherConsole()
{
    auto pause = makePause();
    QSignalSpy changed(pause.get(), &StorePause::pauseChanged);
    QVERIFY(changed.isValid());
    QVERIFY(m_store->appendIncoming(incoming(pauseFromConsole2(t0 + 20 * minute))).committed());

    pause->restore();
    QVERIFY(pause->isPaused());
    QCOMPARE(pause->pausedUntil(), t0 + 20 * minute);
    QCOMPARE(changed.count(), 1);
    pause->restore(); // nothing new: no second signal, no event
    QCOMPARE(changed.count(), 1);
    QCOMPARE(storeEvents().size(), 1);
}

void TestStorePause::anotherConsolesPauseIsResumedByItsConsoleFirst()
{
    const qint64 until = t0 + 20 * minute;
    QVERIFY(m_store->appendIncoming(incoming(pauseFromConsole2(until))).committed());
    auto pause = makePause();
    QVERIFY(pause->isPaused());

    // At the end time console-2 resumes; this console holds back so two resumes are not written.
    m_clock->setNowMs(until);
    QTest::qWait(30);
    QVERIFY(pause->isPaused());
    QCOMPARE(storeEvents().size(), 1);

    // console-2 is off: after the grace this console resumes the store itself.
    m_clock->setNowMs(until + StorePause::takeOverAfterMs);
    QTRY_VERIFY(!pause->isPaused());
    QCOMPARE(storeEvents().size(), 2);
    QCOMPARE(storeEvents().constLast().kind, EventKind::StoreResumed);
    QCOMPARE(storeEvents().constLast().actor, Actor::system());
}

QTEST_GUILESS_MAIN(TestStorePause)
#include "tst_storepause.moc"
