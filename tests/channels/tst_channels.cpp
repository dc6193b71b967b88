// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "channels/orderchannel.h"
#include "fakechannel.h"
#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/outbox.h"
#include "synctestbed.h"

#include <QHash>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

// A second destination beside the platform, through the same seam a POS adapter will use: a fake
// channel registered with the engine next to a real order-hub on 127.0.0.1. Each destination has
// its own queue, retries and dead letters, and one's outage holds up nothing on the other.
namespace {
const QString storeA = QStringLiteral("store-a");
const QString fakeName = QStringLiteral("pos:fake");

using SyncTest::Console;

} // namespace

class TestChannels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bothDestinationsGetEveryStaffEventThroughTheirOwnQueues();
    void anOfflineChannelDelaysNothingOnThePlatform();
    void aFailingChannelRetriesOnItsOwnScheduleThenCatchesUp();
    void failuresUpToTheLimitEndInTheDeadLetters();
    void aRefusalGoesToTheDeadLettersAtOnce();
    void aRedriveThroughTheRegistryDrainsTheParkedOrder();
    void anUnansweredEventIsSentAgain();
    void aDownPlatformDelaysNothingOnTheOtherChannel();
    void anotherScreensStepsReachThisConsolesPos();
    void storeEventsGoToThePlatformAlone();
    void aChannelTornDownRightAfterADeliveryKeepsItsAcks();
    void anEndingReachesThePosOnlyOnceThePlatformTookIt();

private:
    /** Places orders on the hub and waits until the console has them. */
    QStringList placeOrders(int count);
    /** Accepts and starts every order: two staff events each. */
    QList<QUuid> workOn(const QStringList &orders);
    void checkReceivedOnce(const QList<QUuid> &events);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<FakeChannel> m_fake;
    ChannelDispatcher *m_fakeDispatcher = nullptr;
    std::unique_ptr<OrderGenerator> m_generator;
};

void TestChannels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestChannels::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{storeA, {QStringLiteral("a1"), QStringLiteral("a2")}}}));
    m_console = m_hub->console(storeA, QStringLiteral("a1"));
    m_fake = std::make_unique<FakeChannel>(fakeName);
    RetryPolicy quick;
    quick.baseMs = 20;
    quick.capMs = 80;
    quick.maxAttempts = 4;
    m_fakeDispatcher = &m_console->engine().channels().add(*m_fake, quick);
    m_fakeDispatcher->setAnswerTimeoutMs(300);
    m_generator = std::make_unique<OrderGenerator>(storeA, 7);
    QTRY_VERIFY(m_console->isLive());
}

void TestChannels::cleanup()
{
    m_fake.reset(); // unregisters itself
    m_console.reset();
    m_hub.reset();
}

QStringList TestChannels::placeOrders(int count)
{
    QStringList orders;
    for (int i = 0; i < count; ++i)
        orders.append(m_hub->place(*m_generator, storeA));
    [&] { QTRY_COMPARE(m_console->store().orders(true).size(), count); }();
    return orders;
}

QList<QUuid> TestChannels::workOn(const QStringList &orders)
{
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QList<QUuid> events;
    for (const QString &id : orders) {
        const CommandResult accepted = m_console->engine().advance(id, cook, details);
        const CommandResult started = m_console->engine().advance(id, cook);
        if (!accepted.ok || !started.ok)
            return {};
        events << accepted.event.id << started.event.id;
    }
    return events;
}

void TestChannels::checkReceivedOnce(const QList<QUuid> &events)
{
    QList<QUuid> received;
    for (const OrderEvent &event : m_fake->received())
        received.append(event.id);
    QCOMPARE(received.size(), events.size()); // nothing lost, nothing doubled
    // Each order's events arrive in the order they happened.
    for (qsizetype i = 0; i + 1 < events.size(); i += 2)
        QVERIFY(received.indexOf(events.at(i)) < received.indexOf(events.at(i + 1)));
}

void TestChannels::bothDestinationsGetEveryStaffEventThroughTheirOwnQueues()
{
    QCOMPARE(m_console->engine().channels().destinations(),
             (QStringList{QStringLiteral("platform"), fakeName}));
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(3));
    QCOMPARE(events.size(), 6);
    QTRY_VERIFY(m_console->client().health().pending == 0
                && Outbox(m_console->store()).pendingCount(fakeName) == 0);
    checkReceivedOnce(events);
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
    const ChannelHealth health = m_fakeDispatcher->health();
    QCOMPARE(health.destination, fakeName);
    QCOMPARE(health.state, OrderChannel::State::Live);
    QCOMPARE(health.pending, 0);
    QCOMPARE(health.deadLetters, 0);
    QVERIFY(health.lastError.isEmpty());
    // The platform's own health comes from its dispatcher in the same registry.
    const ChannelHealth platform = m_console->client().health();
    QCOMPARE(platform.destination, QStringLiteral("platform"));
    QCOMPARE(platform.state, OrderChannel::State::Live);
    QCOMPARE(platform.deadLetters, 0);
    QVERIFY(!platform.oldestPendingAt);
}

void TestChannels::anOfflineChannelDelaysNothingOnThePlatform()
{
    const QList<QUuid> events = workOn(placeOrders(4));
    QCOMPARE(events.size(), 8);
    // The platform logs every event while the other destination is away; its queue keeps them.
    QTRY_COMPARE(m_console->client().health().pending, 0);
    QCOMPARE(m_hub->log().eventCount(storeA), 4 + 8);
    const ChannelHealth away = m_fakeDispatcher->health();
    QCOMPARE(away.state, OrderChannel::State::Offline);
    QCOMPARE(away.pending, 8);
    QVERIFY(away.oldestPendingAt.has_value());
    QVERIFY(m_fake->received().isEmpty());

    // Back: it gets everything, once, in order.
    QSignalSpy health(m_fakeDispatcher, &ChannelDispatcher::healthChanged);
    QVERIFY(health.isValid());
    m_fake->setState(OrderChannel::State::Live);
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    checkReceivedOnce(events);
    QVERIFY(!health.isEmpty());
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
}

void TestChannels::aFailingChannelRetriesOnItsOwnScheduleThenCatchesUp()
{
    // Enough tries that the jittered retries (some at once) never reach the dead letters here.
    RetryPolicy patient = m_fakeDispatcher->retryPolicy();
    patient.maxAttempts = 100;
    m_fakeDispatcher->setRetryPolicy(patient);
    m_fake->setMode(FakeChannel::Mode::Failing);
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(2));
    QTRY_COMPARE(m_console->client().health().pending, 0);
    // Each order's first event failed and waits for its retry, holding back the order's second.
    QTRY_VERIFY(m_fake->attemptsOf(events.at(0)) >= 2 && m_fake->attemptsOf(events.at(2)) >= 2);
    QCOMPARE(m_fake->attemptsOf(events.at(1)), 0);
    QCOMPARE(m_fakeDispatcher->health().lastError, QStringLiteral("POS busy"));
    QCOMPARE(m_fakeDispatcher->health().pending, 4);

    m_fake->setMode(FakeChannel::Mode::Accepting);
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    checkReceivedOnce(events);
    QCOMPARE(m_fakeDispatcher->health().deadLetters, 0);
    QVERIFY(m_fakeDispatcher->health().lastError.isEmpty());
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
}

void TestChannels::failuresUpToTheLimitEndInTheDeadLetters()
{
    m_fake->setMode(FakeChannel::Mode::Failing);
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(1));
    QTRY_COMPARE(m_fakeDispatcher->health().deadLetters, 1);
    QCOMPARE(m_fake->attemptsOf(events.at(0)), 4); // the policy's maxAttempts, then no more
    // The order's later event is parked behind its dead letter: never sent, still queued.
    const ChannelHealth health = m_fakeDispatcher->health();
    QCOMPARE(health.pending, 1);
    QCOMPARE(health.parkedEvents, 1);
    QCOMPARE(health.parkedOrders, 1);
    QCOMPARE(m_fake->attemptsOf(events.at(1)), 0);
    const QList<DeadLetter> letters = Outbox(m_console->store()).deadLetters();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters.constFirst().destination, fakeName);
    QCOMPARE(letters.constFirst().lastError, QStringLiteral("POS busy"));
    QCOMPARE(letters.constFirst().event.id, events.at(0));
    // The platform has every event, untouched by the other destination's trouble.
    QTRY_COMPARE(m_console->client().health().pending, 0);
    QCOMPARE(m_hub->log().eventCount(storeA), 1 + 2);

    // A manager lets the dead letter go: the parked event goes after it.
    m_fake->setMode(FakeChannel::Mode::Accepting);
    QVERIFY(m_console->engine()
                    .channels()
                    .discard(letters.constFirst().id, Actor::manager(QStringLiteral("maria")),
                             QStringLiteral("a1"), QStringLiteral("sent to the till by hand"))
                    .committed());
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QCOMPARE(m_fake->receivedIds(), QList<QUuid>{events.at(1)});
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
}

void TestChannels::aRefusalGoesToTheDeadLettersAtOnce()
{
    m_fake->setMode(FakeChannel::Mode::Refusing);
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(1));
    QTRY_COMPARE(m_fakeDispatcher->health().deadLetters, 1);
    QCOMPARE(m_fake->attemptsOf(events.at(0)), 1); // asking again would be refused again
    QCOMPARE(m_fake->attemptsOf(events.at(1)), 0); // parked behind it
    QCOMPARE(m_fakeDispatcher->health().parkedEvents, 1);
    QCOMPARE(m_fakeDispatcher->health().lastError, QStringLiteral("unknown menu item"));
    // A POS refusing an event is no verdict on the order: the platform's copy stands.
    QTRY_COMPARE(m_console->client().health().pending, 0);
    QCOMPARE(m_hub->log().eventCount(storeA), 1 + 2);
    QCOMPARE(m_console->store().orders(true).constFirst().state, OrderState::Preparing);
}

void TestChannels::aRedriveThroughTheRegistryDrainsTheParkedOrder()
{
    m_fake->setMode(FakeChannel::Mode::Refusing);
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(1));
    QTRY_COMPARE(m_fakeDispatcher->health().deadLetters, 1);
    m_fake->setMode(FakeChannel::Mode::Accepting); // the menu item exists now
    const qint64 letter = Outbox(m_console->store()).deadLetters().constFirst().id;
    QSignalSpy health(m_fakeDispatcher, &ChannelDispatcher::healthChanged);
    QVERIFY(health.isValid());

    // The running console's dispatcher takes it at once: first the redriven event, then the
    // one parked behind it, each once.
    const AppendResult redriven = m_console->engine().channels().redrive(
            letter, Actor::manager(QStringLiteral("maria")), QStringLiteral("a1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QCOMPARE(redriven.event.kind, EventKind::DeadLetterRedriven);
    QVERIFY(!health.isEmpty());
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QCOMPARE(m_fake->receivedIds(), events);
    const ChannelHealth after = m_fakeDispatcher->health();
    QCOMPARE(after.deadLetters, 0);
    QCOMPARE(after.parkedEvents, 0);
    // The decision is in this console's log, and the platform is not asked to log it.
    QCOMPARE(m_console->store().allEvents().constLast().id, redriven.event.id);
    QTRY_COMPARE(m_console->client().health().pending, 0);
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
    // Deciding on it again finds nothing to decide.
    QCOMPARE(m_console->engine()
                     .channels()
                     .discard(letter, Actor::manager(QStringLiteral("maria")), QStringLiteral("a1"),
                              QStringLiteral("not needed"))
                     .status,
             AppendResult::Status::Refused);
}

void TestChannels::anUnansweredEventIsSentAgain()
{
    m_fake->setMode(FakeChannel::Mode::Silent);
    m_fake->setState(OrderChannel::State::Live);
    const QList<QUuid> events = workOn(placeOrders(1));
    QTRY_VERIFY(m_fake->attemptsOf(events.at(0)) >= 2); // the answer timeout sent it again
    QCOMPARE(m_fakeDispatcher->health().pending, 2);
    m_fake->setMode(FakeChannel::Mode::Accepting);
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QCOMPARE(m_fakeDispatcher->health().deadLetters, 0);
}

void TestChannels::aDownPlatformDelaysNothingOnTheOtherChannel()
{
    m_fake->setState(OrderChannel::State::Live);
    const QStringList orders = placeOrders(2);
    m_console->client().stop();
    QVERIFY(!m_console->isLive());
    const QList<QUuid> events = workOn(orders);
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    checkReceivedOnce(events);
    QCOMPARE(m_console->client().health().pending, 4);

    QVERIFY(m_console->client().start());
    QTRY_VERIFY(m_console->isLive() && m_console->client().health().pending == 0);
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
    checkReceivedOnce(events); // the platform's return sends nothing to the other again
}

// The kitchen's steps taken on a screen without the POS reach the POS through the screen that
// runs it, as its own steps do; the platform's own events (the placing) are not passed on.
void TestChannels::anotherScreensStepsReachThisConsolesPos()
{
    m_fake->setState(OrderChannel::State::Live);
    const std::unique_ptr<SyncTest::Console> a2 = m_hub->console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(a2->isLive());
    const QString id = placeOrders(1).constFirst();
    QTRY_VERIFY(a2->store().order(id));
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    const CommandResult accepted =
            a2->engine().advance(id, Actor::staff(QStringLiteral("bea")), details);
    QVERIFY(accepted.ok);
    QTRY_COMPARE(m_console->stateOf(id), std::optional<OrderState>(OrderState::Accepted));
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QCOMPARE(m_fake->receivedIds(), QList<QUuid> {accepted.event.id});

    // Its own step goes as before, and nothing is passed on twice.
    const CommandResult started = m_console->engine().advance(id, Actor::staff(QStringLiteral("ana")));
    QVERIFY(started.ok);
    QTRY_COMPARE(m_fake->receivedIds(), (QList<QUuid> {accepted.event.id, started.event.id}));
    QTRY_VERIFY(m_console->client().health().pending == 0);
    QCOMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QCOMPARE(m_fake->receivedIds().size(), 2);
}

void TestChannels::storeEventsGoToThePlatformAlone()
{
    // A pause and the store's rules mean nothing to a till: a POS that was sent one would refuse
    // it every time and fill the dead letters.
    const CommandResult paused = m_console->engine().appendStoreEvent(
            EventKind::StorePaused, {{QStringLiteral("until"), m_clock.nowMs() + 600'000}},
            Actor::staff(QStringLiteral("ana")));
    QVERIFY2(paused.ok, qPrintable(paused.message));
    QCOMPARE(m_console->engine().channels().destinationsFor(paused.event),
             QStringList {QStringLiteral("platform")});
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(QStringLiteral("platform")), 0);
    QCOMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QVERIFY(m_fake->received().isEmpty());
}

void TestChannels::aChannelTornDownRightAfterADeliveryKeepsItsAcks()
{
    // A POS disconnected in the settings a moment after a delivery: its dispatcher goes with the
    // channel while the delivery's ack still waits to be written. The ack is written, and no one
    // watching the dispatcher's health (the session's uptime does) reads the dying channel.
    m_fake->setState(OrderChannel::State::Live);
    int answered = 0;
    connect(m_fake.get(), &OrderChannel::accepted, this, [this, &answered] {
        if (++answered == 2)
            QTimer::singleShot(0, this, [this] { m_fake.reset(); });
    });
    connect(m_fakeDispatcher, &ChannelDispatcher::healthChanged, this,
            [this] { (void)m_fakeDispatcher->health(); });
    const QList<QUuid> events = workOn(placeOrders(1));
    QCOMPARE(events.size(), 2);
    QTRY_VERIFY(!m_fake);
    QCOMPARE(answered, 2);
    QCOMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
}

void TestChannels::anEndingReachesThePosOnlyOnceThePlatformTookIt()
{
    // Found by the lunch-rush load run: a screen offline from the platform handed an order over;
    // its POS was told at once and showed it COMPLETED, which Square never takes back; the
    // platform then refused the hand-over (the customer had cancelled), and the POS and the
    // platform disagreed for good. Steps that can be taken back still go at once (above).
    m_fake->setState(OrderChannel::State::Live);
    const std::unique_ptr<SyncTest::Console> a2 = m_hub->console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(a2->isLive());
    const Actor ana = Actor::staff(QStringLiteral("ana"));
    const QStringList orders = placeOrders(2);
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    for (const QString &id : orders) {
        QVERIFY(m_console->engine().advance(id, ana, details).ok); // accepted
        QVERIFY(m_console->engine().advance(id, ana).ok); // preparing
        QVERIFY(m_console->engine().advance(id, ana).ok); // ready
    }
    QTRY_VERIFY(m_console->client().health().pending == 0
                && Outbox(m_console->store()).pendingCount(fakeName) == 0);
    for (const QString &id : orders)
        QTRY_COMPARE(a2->stateOf(id), std::optional<OrderState>(OrderState::Ready));

    // This screen loses the platform and hands both orders over; the other screen, still
    // online, hands the second one over first.
    m_console->client().stop();
    QVERIFY(!m_console->isLive());
    const CommandResult kept = m_console->engine().advance(orders.at(0), ana);
    const CommandResult beaten = m_console->engine().advance(orders.at(1), ana);
    QVERIFY(kept.ok && beaten.ok);
    const CommandResult won = a2->engine().advance(orders.at(1), Actor::staff(QStringLiteral("bea")));
    QVERIFY(won.ok);
    QTRY_COMPARE(m_hub->log().order(storeA, orders.at(1))->state, OrderState::PickedUp);
    // The POS's queue is read (a zero timer) and both hand-overs are held in it.
    m_fakeDispatcher->dispatchSoon();
    QCoreApplication::processEvents();
    QVERIFY(!m_fake->receivedIds().contains(kept.event.id));
    QVERIFY(!m_fake->receivedIds().contains(beaten.event.id));
    QCOMPARE(Outbox(m_console->store()).pendingCount(fakeName), 2);

    // Back online: the platform takes one hand-over and refuses the other; the POS gets the one
    // it took and, passed on from the platform, the other screen's that won, never the refused.
    QVERIFY(m_console->client().start());
    QTRY_VERIFY(m_console->isLive() && m_console->client().health().pending == 0);
    QTRY_COMPARE(Outbox(m_console->store()).pendingCount(fakeName), 0);
    QTRY_VERIFY(m_fake->receivedIds().contains(won.event.id));
    QVERIFY(m_fake->receivedIds().contains(kept.event.id));
    QVERIFY(!m_fake->receivedIds().contains(beaten.event.id));
    QVERIFY(m_console->store().verdict(beaten.event.id)->refusal);
    SyncTest::checkConverged(*m_console, m_hub->log(), storeA);
}

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
