// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One POS-like destination's delivery guarantees on a simulated clock: an outage drained in order
// per order with nothing doubled, a poison event dead-lettered with its order parked behind it and
// redriven, a Retry-After that holds the whole destination, and all of it across a restart.
#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "fakechannel.h"
#include "store/outbox.h"
#include "store/store.h"
#include "storetestsupport.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace StoreTest;

namespace {
const QString pos = QStringLiteral("pos:fake");
constexpr qint64 minute = 60 * 1000;

RetryPolicy testPolicy()
{
    RetryPolicy policy;
    policy.baseMs = 1000;
    policy.capMs = 4000;
    policy.maxAttempts = 3;
    policy.seed = 7; // the jitter, the same on every run
    return policy;
}
} // namespace

class TestChannelDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void anOutageDrainsInOrderPerOrderAndParksThePoisonedOne();
    void aDiscardedDeadLetterLetsItsParkedEventsGo();
    void aRetryAfterHoldsEveryEventOfTheDestination();
    void theHoldAndTheParkedOrderOutliveARestart();

private:
    void openStore();
    void startChannel();
    void stopChannel();
    /** Queues one order's next event for the POS: placed, then accepted, then preparing. */
    QUuid queue(const QString &orderId);
    /**
     * Moves the simulated clock on by stepMs at a time, letting the dispatcher look after each
     * step, until done() or the steps run out. The dispatcher's own timers count real time; the
     * outbox's retry times and holds count the simulated clock, so the test moves it.
     */
    bool driveUntil(const std::function<bool()> &done, qint64 stepMs, int steps = 400);
    void settle();
    ChannelHealth health() const { return m_dispatcher->health(); }
    void checkInOrder(const QList<QList<QUuid>> &orders) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<FakeChannel> m_fake;
    std::unique_ptr<ChannelRegistry> m_registry;
    ChannelDispatcher *m_dispatcher = nullptr;
    QHash<QString, int> m_steps; // events queued per order so far
};

void TestChannelDispatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    openStore();
    startChannel();
}

void TestChannelDispatcher::cleanup()
{
    stopChannel();
    m_store.reset();
    m_dir.reset();
    m_steps.clear();
}

void TestChannelDispatcher::openStore()
{
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestChannelDispatcher::startChannel()
{
    m_fake = std::make_unique<FakeChannel>(pos, m_clock.get());
    m_registry = std::make_unique<ChannelRegistry>(*m_store, *m_clock, QStringList{pos});
    m_dispatcher = &m_registry->add(*m_fake, testPolicy());
}

void TestChannelDispatcher::stopChannel()
{
    m_registry.reset();
    m_fake.reset();
    m_dispatcher = nullptr;
}

QUuid TestChannelDispatcher::queue(const QString &orderId)
{
    const int step = m_steps.value(orderId);
    m_steps.insert(orderId, step + 1);
    const OrderEvent event = stepEvent(orderId, step, m_clock->nowMs());
    const AppendResult appended = m_store->append(event, {pos});
    if (!appended.committed())
        qWarning() << "not queued:" << appended.error;
    m_dispatcher->dispatchSoon(); // as the engine does after each local command
    return event.id;
}

void TestChannelDispatcher::settle()
{
    // Each hop (dispatch, send, answer, the dispatch it prompts) is one turn of the event loop.
    for (int turn = 0; turn < 8; ++turn)
        QCoreApplication::processEvents();
}

bool TestChannelDispatcher::driveUntil(const std::function<bool()> &done, qint64 stepMs,
                                       int steps)
{
    settle();
    for (int step = 0; step < steps && !done(); ++step) {
        m_clock->advanceMs(stepMs);
        m_dispatcher->dispatchSoon();
        settle();
    }
    return done();
}

void TestChannelDispatcher::checkInOrder(const QList<QList<QUuid>> &orders) const
{
    const QList<QUuid> received = m_fake->receivedIds();
    for (const QList<QUuid> &events : orders) {
        for (qsizetype i = 0; i + 1 < events.size(); ++i)
            QVERIFY(received.indexOf(events.at(i)) < received.indexOf(events.at(i + 1)));
    }
}

void TestChannelDispatcher::anOutageDrainsInOrderPerOrderAndParksThePoisonedOne()
{
    // Ten minutes offline while the kitchen works on three orders, one event a minute.
    QList<QList<QUuid>> orders(3);
    const QStringList ids{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    for (int round = 0; round < 3; ++round) {
        for (int o = 0; o < 3; ++o) {
            m_clock->advanceMs(minute);
            orders[o].append(queue(ids.at(o)));
        }
    }
    m_clock->advanceMs(minute);
    settle();
    QVERIFY(m_fake->attemptTimes().isEmpty());
    QCOMPARE(health().pending, 9);
    QCOMPARE(*health().oldestPendingAt, t0 + minute);

    // The POS comes back, but it fails b's first event every time.
    const QList<QUuid> &poisoned = orders.at(1);
    m_fake->poison(poisoned.at(0), FakeChannel::Mode::Failing);
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil([this] { return health().deadLetters == 1 && health().pending == 2; },
                       1000));
    QCOMPARE(m_fake->attemptsOf(poisoned.at(0)), testPolicy().maxAttempts);
    QCOMPARE(m_fake->attemptsOf(poisoned.at(1)), 0); // parked, never tried
    QCOMPARE(m_fake->attemptsOf(poisoned.at(2)), 0);
    const ChannelHealth parked = health();
    QCOMPARE(parked.parkedEvents, 2);
    QCOMPARE(parked.parkedOrders, 1);
    QCOMPARE(parked.lastError, QStringLiteral("POS busy"));
    // The others drained, each in its order, each once.
    QCOMPARE(m_fake->received().size(), 6);
    checkInOrder({orders.at(0), orders.at(2)});
    for (const QUuid &id : orders.at(0) + orders.at(2))
        QCOMPARE(m_fake->deliveriesOf(id), 1);

    // Fixed at the POS, redriven by a manager: the poisoned order drains in order.
    m_fake->cure(poisoned.at(0));
    const QList<DeadLetter> letters = Outbox(*m_store).deadLetters();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters.constFirst().event.id, poisoned.at(0));
    const AppendResult redriven = m_registry->redrive(
            letters.constFirst().id, Actor::manager(QStringLiteral("maria")), QStringLiteral("k1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QVERIFY(driveUntil([this] { return health().pending == 0; }, 1000));
    QCOMPARE(m_fake->received().size(), 9);
    QCOMPARE(m_fake->receivedIds().mid(6), poisoned);
    for (const QList<QUuid> &events : orders) {
        for (const QUuid &id : events)
            QCOMPARE(m_fake->deliveriesOf(id), 1); // nothing doubled
    }
    const ChannelHealth drained = health();
    QCOMPARE(drained.deadLetters, 0);
    QCOMPARE(drained.parkedEvents, 0);
    QVERIFY(drained.lastError.isEmpty());
    // The redrive is in the log, by the manager, naming the dead letter.
    const OrderEvent logged = m_store->allEvents().constLast();
    QCOMPARE(logged.kind, EventKind::DeadLetterRedriven);
    QCOMPARE(logged.actor, Actor::manager(QStringLiteral("maria")));
    QCOMPARE(logged.payload.value(QStringLiteral("event_id")).toString(),
             poisoned.at(0).toString(QUuid::WithoutBraces));
    QCOMPARE(logged.payload.value(QStringLiteral("destination")).toString(), pos);
}

void TestChannelDispatcher::aDiscardedDeadLetterLetsItsParkedEventsGo()
{
    const QUuid first = queue(QStringLiteral("a"));
    const QUuid second = queue(QStringLiteral("a"));
    const QUuid third = queue(QStringLiteral("a"));
    m_fake->poison(first, FakeChannel::Mode::Refusing);
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil([this] { return health().deadLetters == 1; }, 1000));
    QCOMPARE(health().parkedEvents, 2);
    QSignalSpy changed(m_dispatcher, &ChannelDispatcher::healthChanged);
    QVERIFY(changed.isValid());

    const qint64 letter = Outbox(*m_store).deadLetters().constFirst().id;
    const AppendResult discarded = m_registry->discard(
            letter, Actor::manager(QStringLiteral("maria")), QStringLiteral("k1"),
            QStringLiteral("the till has it already"));
    QVERIFY2(discarded.committed(), qPrintable(discarded.error));
    QCOMPARE(discarded.event.kind, EventKind::DeadLetterDiscarded);
    QVERIFY(!changed.isEmpty());
    QVERIFY(driveUntil([this] { return health().pending == 0; }, 1000));
    QCOMPARE(m_fake->receivedIds(), (QList<QUuid>{second, third}));
    QCOMPARE(m_fake->attemptsOf(first), 1); // let go, never sent again
    QCOMPARE(health().deadLetters, 0);
}

void TestChannelDispatcher::aRetryAfterHoldsEveryEventOfTheDestination()
{
    // A 429 storm: every event of the first batch is turned away with "come back in a minute".
    const QList<QUuid> first{queue(QStringLiteral("a")), queue(QStringLiteral("b")),
                             queue(QStringLiteral("c"))};
    m_fake->setMode(FakeChannel::Mode::Throttling);
    m_fake->setRetryAfterMs(minute);
    const qint64 throttledAt = m_clock->nowMs();
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil([this] { return health().heldUntil.has_value(); }, 0));
    settle();
    QCOMPARE(*health().heldUntil, throttledAt + minute);
    const qsizetype turnedAway = m_fake->attemptTimes().size();
    QCOMPARE(turnedAway, 3);

    // Nothing goes before the minute is up: not the three, not an event queued meanwhile.
    m_fake->setMode(FakeChannel::Mode::Accepting);
    m_clock->advanceMs(10'000);
    const QUuid meanwhile = queue(QStringLiteral("d"));
    QVERIFY(!driveUntil([this, turnedAway] { return m_fake->attemptTimes().size() > turnedAway; },
                        1000, 49));
    QCOMPARE(m_clock->nowMs(), throttledAt + minute - 1000);
    QCOMPARE(health().pending, 4);

    QVERIFY(driveUntil([this] { return health().pending == 0; }, 1000));
    for (qsizetype i = turnedAway; i < m_fake->attemptTimes().size(); ++i)
        QVERIFY(m_fake->attemptTimes().at(i).at >= throttledAt + minute);
    for (const QUuid &id : first + QList<QUuid>{meanwhile})
        QCOMPARE(m_fake->deliveriesOf(id), 1);
    QVERIFY(!health().heldUntil);
}

void TestChannelDispatcher::theHoldAndTheParkedOrderOutliveARestart()
{
    // a's first event is refused (dead letter, a's second parked); b's is throttled for a minute.
    const QUuid aFirst = queue(QStringLiteral("a"));
    const QUuid aSecond = queue(QStringLiteral("a"));
    const QUuid bFirst = queue(QStringLiteral("b"));
    m_fake->poison(aFirst, FakeChannel::Mode::Refusing);
    m_fake->setMode(FakeChannel::Mode::Throttling);
    m_fake->setRetryAfterMs(minute);
    const qint64 throttledAt = m_clock->nowMs();
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil(
            [this] { return health().deadLetters == 1 && health().heldUntil.has_value(); }, 0));

    // The console stops and starts again ten seconds later.
    stopChannel();
    m_store.reset();
    m_clock->advanceMs(10'000);
    openStore();
    startChannel();
    const ChannelHealth restored = health();
    QCOMPARE(restored.heldUntil, std::optional<qint64>(throttledAt + minute));
    QCOMPARE(restored.deadLetters, 1);
    QCOMPARE(restored.parkedEvents, 1);
    QCOMPARE(restored.pending, 2);

    m_fake->setState(OrderChannel::State::Live); // accepting now
    const QUuid cFirst = queue(QStringLiteral("c"));
    QVERIFY(!driveUntil([this] { return !m_fake->attemptTimes().isEmpty(); }, 1000, 49));
    QVERIFY(driveUntil([this] { return health().pending == 1; }, 1000));
    QCOMPARE(m_fake->receivedIds(), (QList<QUuid>{bFirst, cFirst}));
    for (const FakeChannel::Attempt &attempt : m_fake->attemptTimes())
        QVERIFY(attempt.at >= throttledAt + minute);
    QCOMPARE(m_fake->attemptsOf(aSecond), 0); // still parked

    const qint64 letter = Outbox(*m_store).deadLetters().constFirst().id;
    QVERIFY(m_registry
                    ->redrive(letter, Actor::manager(QStringLiteral("maria")),
                              QStringLiteral("k1"))
                    .committed());
    QVERIFY(driveUntil([this] { return health().pending == 0; }, 1000));
    QCOMPARE(m_fake->receivedIds(), (QList<QUuid>{bFirst, cFirst, aFirst, aSecond}));
}

QTEST_GUILESS_MAIN(TestChannelDispatcher)
#include "tst_channeldispatcher.moc"
