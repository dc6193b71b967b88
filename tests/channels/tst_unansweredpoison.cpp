// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A poison the far end never answers, over a real store: it is dead-lettered after K attempts
// counted only while the far end answers later events, its order's later events park behind it,
// other orders are never held back (not even when the far end fails a whole batch for it), and a
// far end that answers nothing at all is an outage that dead-letters nothing.
#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "fakechannel.h"
#include "store/outbox.h"
#include "store/store.h"
#include "storetestsupport.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace StoreTest;

namespace {
const QString destination = QStringLiteral("pos:fake");
// Real time: the answer deadline counts a monotonic clock, not the simulated one.
constexpr int answerTimeoutMs = 60;

RetryPolicy testPolicy()
{
    RetryPolicy policy;
    policy.baseMs = 1000;
    policy.capMs = 2000;
    policy.maxAttempts = 3;
    policy.seed = 11;
    return policy;
}
} // namespace

class TestUnansweredPoison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void aPoisonNobodyAnswersIsDeadLetteredWhileOthersFlow();
    void aBatchFailedWholeForOneEventHoldsNoOtherOrder();
    void silenceFromTheWholeDestinationCountsNothing();

private:
    /** Queues the order's next event (placed, accepted, preparing) and prompts the dispatcher. */
    QUuid queue(const QString &orderId);
    /**
     * Lets real time pass (the answer deadline) and the simulated clock move (the retry times),
     * queueing a new order every round when busy, until done() or the deadline.
     */
    bool runUntil(const std::function<bool()> &done, bool busy, int timeoutMs = 20'000);
    ChannelHealth health() const { return m_dispatcher->health(); }
    /** The events of orders other than skip each reached the far end exactly once. */
    void checkOthersDeliveredOnce(const QString &skip) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<FakeChannel> m_fake;
    std::unique_ptr<ChannelRegistry> m_registry;
    ChannelDispatcher *m_dispatcher = nullptr;
    QHash<QString, int> m_steps;
    QHash<QString, QList<QUuid>> m_events; // per order, in the order queued
    int m_busyOrders = 0;
};

void TestUnansweredPoison::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
    m_fake = std::make_unique<FakeChannel>(destination, m_clock.get());
    m_registry = std::make_unique<ChannelRegistry>(*m_store, *m_clock, QStringList{destination});
    m_dispatcher = &m_registry->add(*m_fake, testPolicy());
    m_dispatcher->setAnswerTimeoutMs(answerTimeoutMs);
}

void TestUnansweredPoison::cleanup()
{
    m_registry.reset();
    m_fake.reset();
    m_store.reset();
    m_dir.reset();
    m_steps.clear();
    m_events.clear();
    m_busyOrders = 0;
}

QUuid TestUnansweredPoison::queue(const QString &orderId)
{
    const int step = m_steps.value(orderId);
    m_steps.insert(orderId, step + 1);
    const OrderEvent event = stepEvent(orderId, step, m_clock->nowMs());
    const AppendResult appended = m_store->append(event, {destination});
    if (!appended.committed())
        qWarning() << "not queued:" << appended.error;
    m_events[orderId].append(event.id);
    m_dispatcher->dispatchSoon();
    return event.id;
}

bool TestUnansweredPoison::runUntil(const std::function<bool()> &done, bool busy, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        if (busy)
            queue(QStringLiteral("busy-%1").arg(++m_busyOrders));
        // Past any retry's simulated wait (the policy's cap), so only the answers pace the run.
        m_clock->advanceMs(testPolicy().capMs);
        m_dispatcher->dispatchSoon();
        QTest::qWait(answerTimeoutMs / 3);
    }
    return done();
}

void TestUnansweredPoison::checkOthersDeliveredOnce(const QString &skip) const
{
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (it.key() == skip)
            continue;
        // The newest may still be on its way when the run stops (its answer is a queued call).
        for (const QUuid &id : it.value())
            QTRY_COMPARE(m_fake->deliveriesOf(id), 1);
    }
}

void TestUnansweredPoison::aPoisonNobodyAnswersIsDeadLetteredWhileOthersFlow()
{
    m_fake->setState(OrderChannel::State::Live);
    const QUuid poison = queue(QStringLiteral("a"));
    m_fake->poison(poison, FakeChannel::Mode::Silent);
    const QUuid behind = queue(QStringLiteral("a"));
    queue(QStringLiteral("b"));

    // The kitchen keeps working, so the far end keeps answering other orders.
    QVERIFY(runUntil([this] { return health().deadLetters == 1; }, true));
    const DeadLetter dead = Outbox(*m_store).deadLetters().constFirst();
    QCOMPARE(dead.event.id, poison);
    QCOMPARE(dead.attempts, testPolicy().maxAttempts);
    QVERIFY2(dead.lastError.contains(QStringLiteral("answered later events")),
             qPrintable(dead.lastError));
    // Tried once first, then alone each time after its first unanswered attempt. Silence before
    // any later send was answered is not counted (an outage, as far as anyone can tell): on a
    // slow machine (a sanitizer) the first attempt's deadline can pass before the next send's
    // answer, and the poison goes once more than K.
    QVERIFY2(m_fake->attemptsOf(poison) >= testPolicy().maxAttempts,
             qPrintable(QString::number(m_fake->attemptsOf(poison))));
    const QList<int> batches = m_fake->batchSizesOf(poison);
    QVERIFY(std::all_of(batches.cbegin() + 1, batches.cend(), [](int size) { return size == 1; }));
    // Its order's next event never went; it waits, and the manager sees it waiting.
    QCOMPARE(m_fake->attemptsOf(behind), 0);
    QCOMPARE(health().parkedEvents, 1);
    QCOMPARE(health().parkedOrders, 1);
    // Nobody else waited: each other event went once and was answered the first time.
    checkOthersDeliveredOnce(QStringLiteral("a"));
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (it.key() != QLatin1String("a"))
            QCOMPARE(m_fake->attemptsOf(it.value().constFirst()), 1);
    }

    // The far end is mended and a manager sends it again: both go, in order, once.
    m_fake->cure(poison);
    const AppendResult redriven = m_registry->redrive(
            dead.id, Actor::manager(QStringLiteral("maria")), QStringLiteral("k1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QVERIFY(runUntil([this] { return health().pending == 0; }, false));
    QCOMPARE(m_fake->deliveriesOf(poison), 1);
    QCOMPARE(m_fake->deliveriesOf(behind), 1);
    const QList<QUuid> received = m_fake->receivedIds();
    QVERIFY(received.indexOf(poison) < received.indexOf(behind));
    QCOMPARE(health().parkedEvents, 0);
}

void TestUnansweredPoison::aBatchFailedWholeForOneEventHoldsNoOtherOrder()
{
    // As the hub does: one event it cannot store fails the whole frame, and it answers nothing
    // of it; the platform takes an order's later events before the earlier are answered.
    m_fake->setPipelines(true);
    const QStringList orders{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    const QUuid poison = queue(orders.at(0));
    m_fake->poison(poison, FakeChannel::Mode::SilencesItsBatch);
    for (const QString &order : orders.mid(1))
        queue(order);
    for (const QString &order : orders)
        queue(order); // each order's accept, in the same first frame
    m_fake->setState(OrderChannel::State::Live);
    QTRY_COMPARE(m_fake->sends(), 1);
    QCOMPARE(m_fake->batchSizesOf(poison), QList<int>{6});

    // Nothing else is going on, so nothing proves the far end alive: the frame's events are not
    // counted, only sent again each alone, and b and c go through without waiting for a.
    const auto othersDone = [&] {
        for (const QString &order : orders.mid(1)) {
            for (const QUuid &id : m_events.value(order)) {
                if (m_fake->deliveriesOf(id) != 1)
                    return false;
            }
        }
        return true;
    };
    QVERIFY(runUntil(othersDone, false));
    for (const QString &order : orders.mid(1)) {
        const QUuid first = m_events.value(order).constFirst();
        QCOMPARE(m_fake->attemptsOf(first), 2);
        QCOMPARE(m_fake->batchSizesOf(first), (QList<int>{6, 1}));
    }
    const QUuid behind = m_events.value(orders.at(0)).constLast();
    QCOMPARE(m_fake->attemptsOf(behind), 1); // since the first frame it waits behind the poison
    QCOMPARE(m_fake->deliveriesOf(behind), 0);

    // Once the kitchen's other work is answered while a is not, a's attempts count.
    QVERIFY(runUntil([this] { return health().deadLetters == 1; }, true));
    QCOMPARE(Outbox(*m_store).deadLetters().constFirst().event.id, poison);
    QCOMPARE(m_fake->attemptsOf(behind), 1);
    QCOMPARE(health().parkedEvents, 1);
    checkOthersDeliveredOnce(QStringLiteral("a"));
}

void TestUnansweredPoison::silenceFromTheWholeDestinationCountsNothing()
{
    m_fake->setMode(FakeChannel::Mode::Silent);
    m_fake->setState(OrderChannel::State::Live);
    const QUuid first = queue(QStringLiteral("a"));
    queue(QStringLiteral("b"));
    // Sent again and again while the far end says nothing about anything: an outage.
    QVERIFY(runUntil([&] { return m_fake->attemptsOf(first) > 2 * testPolicy().maxAttempts; },
                     false));
    QCOMPARE(health().deadLetters, 0);
    for (const OutboxEntry &entry : Outbox(*m_store).due(destination, m_clock->nowMs(), 10))
        QCOMPARE(entry.attempts, 0);

    m_fake->setMode(FakeChannel::Mode::Accepting);
    QVERIFY(runUntil([this] { return health().pending == 0; }, false));
    checkOthersDeliveredOnce({});
    QCOMPARE(health().deadLetters, 0);
}

QTEST_GUILESS_MAIN(TestUnansweredPoison)
#include "tst_unansweredpoison.moc"
