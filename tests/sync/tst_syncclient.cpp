// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "faultproxy.h"
#include "hub/hub.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"
#include "hub/storage/sqlitehubstorage.h"
#include "hub/submitter.h"
#include "sim/ordergenerator.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/historybackfill.h"
#include "sync/syncclient.h"
#include "hubtestsupport.h"
#include "synctestbed.h"

#include <QAbstractSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Consoles and a real hub on 127.0.0.1, end to end: fan-out per store, outage and convergence,
// conflicts decided by the platform, and links that die without saying so.
namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
constexpr qint64 pingMs = SyncTest::testPingMs;

using SyncTest::Console;
using SyncTest::secretOf;
} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bumpReachesOnlyConsolesOfTheSameStore();
    void stationBumpsReachTheOtherConsole();
    void lastStationsBumpedAtOnceMakeItReadyOnce();
    void outageConvergesWithNothingLostOrDoubled();
    void aLongCatchUpWaitsOnTheHubNotInMemory();
    void aCatchUpIsSummedUpOnceItIsAllIn();
    void customerCancelWhileOfflineWinsAndAlerts();
    void halfOpenLinkIsDroppedAndRecovers();
    void linkCutMidFrameRecovers();
    void lostAckIsResentWithoutDoubling();
    void slowLinkStillConverges();
    void plainWebSocketOnlyToLoopback();
    void pauseReachesThePlatformAndTheOtherConsoles();
    void aManagersCancelStandsWhereThePlatformAllowsIt();
    void aFreshConsoleStartsFromASnapshot();
    void withoutBootstrapAFreshConsoleReplaysEverything();
    void aBootstrappedConsoleFetchesItsHistoryInTheBackground();
    void aHistoryCutShortGoesOnFromItsCursor();
    void aSnapshotOfTheWholeLogLeavesNoHistoryToFetch();

private:
    std::unique_ptr<Console> console(const QString &storeId, const QString &consoleId,
                                     bool throughProxy = false);
    QString placeOnHub(const QString &storeId);
    /** A burger (grill) and fries (fry) placed on the hub for store A; empty id if refused. */
    Order placeGrillAndFryOrder();
    void checkConverged(Console &console, const QString &storeId);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_bed;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<OrderGenerator> m_generator;
};

void TestSyncClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSyncClient::init()
{
    m_bed = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_bed->start({{storeA, {QStringLiteral("a1"), QStringLiteral("a2")}},
                          {storeB, {QStringLiteral("b1")}}}));
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, m_bed->port()));
    m_generator = std::make_unique<OrderGenerator>(storeA, 11);
}

void TestSyncClient::cleanup()
{
    m_proxy.reset();
    m_bed.reset();
}

std::unique_ptr<Console> TestSyncClient::console(const QString &storeId, const QString &consoleId,
                                                 bool throughProxy)
{
    const QUrl url = throughProxy ? m_proxy->url() : m_bed->url();
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    auto result = std::make_unique<Console>(storeId, consoleId, url, m_clock, options);
    if (const Result<void> started = result->client().start(); !started)
        qFatal("the link did not start: %s", qUtf8Printable(started.error()));
    return result;
}

QString TestSyncClient::placeOnHub(const QString &storeId)
{
    return m_bed->place(*m_generator, storeId);
}

void TestSyncClient::checkConverged(Console &console, const QString &storeId)
{
    SyncTest::checkConverged(console, m_bed->log(), storeId);
}

Order TestSyncClient::placeGrillAndFryOrder()
{
    Order order = m_generator->next(m_clock.nowMs());
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.station = QStringLiteral("grill");
    OrderItem fries;
    fries.name = QStringLiteral("Fries");
    fries.station = QStringLiteral("fry");
    order.items = {burger, fries};
    const bool acked =
        m_bed->hub()
            .submit(OrderEvent::placed(order, Actor::platform(), QStringLiteral("test-platform"),
                                       m_clock.nowMs()))
            .acked();
    if (!acked)
        order.id.clear();
    return order;
}

void TestSyncClient::stationBumpsReachTheOtherConsole()
{
    auto grill = console(storeA, QStringLiteral("a1"));
    auto expo = console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(grill->isLive() && expo->isLive());

    const Order order = placeGrillAndFryOrder();
    QVERIFY(!order.id.isEmpty());
    QTRY_COMPARE(grill->stateOf(order.id), OrderState::Placed);
    QTRY_COMPARE(expo->stateOf(order.id), OrderState::Placed);
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QVERIFY(expo->engine().advance(order.id, Actor::staff(QStringLiteral("ana")), details).ok);
    QTRY_COMPARE(grill->stateOf(order.id), OrderState::Accepted);

    // The grill's bump starts the order and ticks the grill on expo's screen.
    const Actor cook = Actor::staff(QStringLiteral("ben"));
    QVERIFY(grill->engine().bumpStation(order.id, QStringLiteral("grill"), cook).ok);
    QTRY_COMPARE(expo->store().order(order.id)->stationsDone,
                 QStringList {QStringLiteral("grill")});
    QCOMPARE(expo->stateOf(order.id), OrderState::Preparing);
    QTRY_COMPARE(m_bed->log().order(storeA, order.id)->stationsDone,
                 QStringList {QStringLiteral("grill")});

    // The hub judges station bumps by the same rules: nothing at the bar on this order.
    const SubmitOutcome bar = m_bed->hub().submit(
        OrderEvent::stationBumped(*m_bed->log().order(storeA, order.id), QStringLiteral("bar"),
                                  true, cook, QStringLiteral("bar-1"), m_clock.nowMs()));
    QVERIFY(!bar.acked());
    QVERIFY2(bar.reason.contains(QLatin1String("bar")), qPrintable(bar.reason));

    // The last station, bumped on the other console, makes it ready everywhere.
    QVERIFY(expo->engine().bumpStation(order.id, QStringLiteral("fry"), cook).ok);
    QTRY_COMPARE(grill->stateOf(order.id), OrderState::Ready);
    QTRY_COMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Ready);
    QTRY_VERIFY(grill->client().health().pending == 0 && expo->client().health().pending == 0);

    QTRY_COMPARE(grill->client().cursor(), m_bed->log().head(storeA));
    QTRY_COMPARE(expo->client().cursor(), m_bed->log().head(storeA));
    checkConverged(*grill, storeA);
    checkConverged(*expo, storeA);
    QCOMPARE(grill->store().order(order.id)->stationsDone,
             (QStringList {QStringLiteral("grill"), QStringLiteral("fry")}));
}

void TestSyncClient::lastStationsBumpedAtOnceMakeItReadyOnce()
{
    auto grill = console(storeA, QStringLiteral("a1"));
    auto fry = console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(grill->isLive() && fry->isLive());
    const Order order = placeGrillAndFryOrder();
    QVERIFY(!order.id.isEmpty());
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QTRY_COMPARE(grill->stateOf(order.id), OrderState::Placed);
    QVERIFY(grill->engine().advance(order.id, Actor::staff(QStringLiteral("ana")), details).ok);
    QVERIFY(grill->engine().advance(order.id, Actor::staff(QStringLiteral("ana")), {}).ok);
    QTRY_COMPARE(fry->stateOf(order.id), OrderState::Preparing);
    QSignalSpy grillAlerts(&grill->engine(), &OrderEngine::alert);
    QSignalSpy fryAlerts(&fry->engine(), &OrderEngine::alert);
    QVERIFY(grillAlerts.isValid() && fryAlerts.isValid());

    // Both bump in the same turn of the event loop: neither has seen the other's station done.
    const Actor cook = Actor::staff(QStringLiteral("ben"));
    QCOMPARE(grill->engine().bumpStation(order.id, QStringLiteral("grill"), cook).order->state,
             OrderState::Preparing);
    QCOMPARE(fry->engine().bumpStation(order.id, QStringLiteral("fry"), cook).order->state,
             OrderState::Preparing);

    // The console whose bump the platform logged last makes it ready; nobody is refused.
    QTRY_COMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Ready);
    QTRY_COMPARE(grill->stateOf(order.id), OrderState::Ready);
    QTRY_COMPARE(fry->stateOf(order.id), OrderState::Ready);
    QTRY_VERIFY(grill->client().health().pending == 0 && fry->client().health().pending == 0);
    QTRY_COMPARE(grill->client().cursor(), m_bed->log().head(storeA));
    QTRY_COMPARE(fry->client().cursor(), m_bed->log().head(storeA));
    int readies = 0;
    for (const OrderEvent &event : grill->store().events(order.id))
        readies += event.to == OrderState::Ready ? 1 : 0;
    QCOMPARE(readies, 1);
    QCOMPARE(grillAlerts.size(), 0);
    QCOMPARE(fryAlerts.size(), 0);
    checkConverged(*grill, storeA);
    checkConverged(*fry, storeA);
}

void TestSyncClient::bumpReachesOnlyConsolesOfTheSameStore()
{
    auto a1 = console(storeA, QStringLiteral("a1"));
    auto a2 = console(storeA, QStringLiteral("a2"));
    auto b1 = console(storeB, QStringLiteral("b1"));
    QTRY_VERIFY(a1->isLive() && a2->isLive() && b1->isLive());

    const QString orderId = placeOnHub(storeA);
    QVERIFY(!orderId.isEmpty());
    QTRY_COMPARE(a1->stateOf(orderId), OrderState::Placed);
    QTRY_COMPARE(a2->stateOf(orderId), OrderState::Placed);

    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QVERIFY(a1->engine().advance(orderId, Actor::staff(QStringLiteral("ana")), details).ok);
    QTRY_COMPARE(a2->stateOf(orderId), OrderState::Accepted);
    QTRY_COMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Accepted);
    QTRY_COMPARE(a1->client().health().pending, 0);

    // Every TCP socket under the hub and the links sends small frames at once (no Nagle).
    const QList<QAbstractSocket *> hubSockets = m_bed->server().findChildren<QAbstractSocket *>();
    QVERIFY(hubSockets.size() >= 3);
    for (QAbstractSocket *socket : hubSockets)
        QCOMPARE(socket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
    for (Console *console : {a1.get(), a2.get()}) {
        const QList<QAbstractSocket *> sockets =
                console->link().findChildren<QAbstractSocket *>();
        QVERIFY(!sockets.isEmpty());
        for (QAbstractSocket *socket : sockets)
            QCOMPARE(socket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
    }

    // Store B's console never hears of store A's order.
    QCOMPARE(b1->store().eventCount(), 0);
    QVERIFY(!b1->stateOf(orderId));
    checkConverged(*a1, storeA);
    checkConverged(*a2, storeA);
}

void TestSyncClient::outageConvergesWithNothingLostOrDoubled()
{
    auto a1 = console(storeA, QStringLiteral("a1"));
    auto a2 = console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(a1->isLive() && a2->isLive());
    QStringList orders;
    for (int i = 0; i < 5; ++i)
        orders.append(placeOnHub(storeA));
    // a1 advances these orders below: it must hold them too, not only a2.
    QTRY_COMPARE(a1->store().orders(true).size(), 5);
    QTRY_COMPARE(a2->store().orders(true).size(), 5);

    // The hub goes away; the kitchen keeps working and the platform keeps taking orders.
    m_bed->stopListening();
    QTRY_VERIFY(!a1->isLive() && !a2->isLive());
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    for (const QString &id : orders.mid(0, 3))
        QVERIFY(a1->engine().advance(id, cook, details).ok);
    QVERIFY(a2->engine().advance(orders.at(4), cook, details).ok);
    QVERIFY(a2->engine().advance(orders.at(4), cook, details).ok);
    for (int i = 0; i < 4; ++i)
        orders.append(placeOnHub(storeA));
    QCOMPARE(a1->client().health().pending, 3);
    QCOMPARE(a2->client().health().pending, 2);

    QVERIFY(m_bed->listenAgain());
    QTRY_VERIFY_WITH_TIMEOUT(a1->isLive() && a2->isLive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(a1->client().health().pending == 0
                                 && a2->client().health().pending == 0
                                 && a1->client().cursor() == m_bed->log().head(storeA)
                                 && a2->client().cursor() == m_bed->log().head(storeA),
                             10000);
    QCOMPARE(m_bed->log().orders(storeA).size(), 9);
    checkConverged(*a1, storeA);
    checkConverged(*a2, storeA);
}

void TestSyncClient::aLongCatchUpWaitsOnTheHubNotInMemory()
{
    constexpr int orders = 1500;
    QList<OrderEvent> placements;
    for (int i = 0; i < orders; ++i)
        placements.append(OrderEvent::placed(m_generator->next(m_clock.nowMs()), Actor::platform(),
                                             QStringLiteral("test-platform"), m_clock.nowMs()));
    QCOMPARE(m_bed->hub().submitAll(placements).constLast().seq, orders);

    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    options.replayWindow = Protocol::minReplayWindow;
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    // What the console holds unwritten, each time a frame arrives: at most the window, and the
    // batch the engine may have written but not yet announced.
    int mostHeld = 0;
    QObject scope;
    connect(&a1.link(), &PlatformLink::received, &scope, [&] {
        mostHeld = std::max(mostHeld, a1.engine().incomingBacklog());
    });
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(a1.client().cursor(), qint64(orders), 30'000);
    checkConverged(a1, storeA);
    QVERIFY2(mostHeld > 0, "no frame was watched");
    QVERIFY2(mostHeld <= Protocol::minReplayWindow + EngineConfig().incomingBatchSize,
             qPrintable(QString::number(mostHeld)));
}

void TestSyncClient::aCatchUpIsSummedUpOnceItIsAllIn()
{
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    // A batch as large as the window: the console drains its queue at every window's end.
    options.replayWindow = Protocol::minReplayWindow;
    options.incomingBatchSize = Protocol::minReplayWindow;
    options.services = SessionConfig::Services::Kitchen;
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    QSignalSpy raised(&a1.session().kitchenAlerts(), &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    // The console joins the store and then goes offline.
    placeOnHub(storeA);
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE(a1.client().cursor(), 1);
    QTRY_COMPARE(raised.count(), 1);
    a1.client().stop();
    QTRY_VERIFY(!a1.isLive());

    // What happened while it was away: 600 orders, all but the last 20 handed over.
    constexpr int orders = 600;
    constexpr int open = 20;
    QList<OrderEvent> history;
    QStringList numbers;
    for (int i = 0; i < orders; ++i) {
        const Order order = m_generator->next(m_clock.nowMs());
        numbers.append(order.number);
        history.append(OrderEvent::placed(order, Actor::platform(),
                                          QStringLiteral("test-platform"), m_clock.nowMs()));
        if (i >= orders - open)
            continue;
        OrderState from = OrderState::Placed;
        const OrderState handedOver = order.type == OrderType::Delivery
                ? OrderState::OutForDelivery
                : OrderState::PickedUp;
        for (const OrderState to : {OrderState::Accepted, OrderState::Preparing,
                                    OrderState::Ready, handedOver}) {
            OrderEvent step = OrderEvent::transition(order.id, storeA, from, to,
                                                     Actor::staff(QStringLiteral("ana")),
                                                     QStringLiteral("a2"), m_clock.nowMs());
            if (to == OrderState::Accepted)
                step.payload.insert(QStringLiteral("promised_at"), m_clock.nowMs() + 900'000);
            history.append(step);
            from = to;
        }
    }
    for (const SubmitOutcome &outcome : m_bed->hub().submitAll(history))
        QVERIFY2(outcome.acked(), qPrintable(outcome.reason));

    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(a1.client().cursor(), qint64(history.size()) + 1, 30'000);
    QTRY_COMPARE(raised.count(), 2);
    const KitchenAlert alert = raised.at(1).at(0).value<KitchenAlert>();
    QCOMPARE(alert.kind, KitchenAlert::Kind::NewOrder);
    QCOMPARE(alert.title, QStringLiteral("600 orders arrived while offline: 20 still open "
                                         "(%1 and 15 more)")
                                  .arg(numbers.mid(orders - open, KitchenAlert::maxNamedOrders)
                                               .join(QStringLiteral(", "))));
    QCOMPARE(alert.orderIds.size(), open);
    // Live again: the next order is news of its own.
    placeOnHub(storeA);
    QTRY_COMPARE(raised.count(), 3);
    QVERIFY2(raised.at(2).at(0).value<KitchenAlert>().title.startsWith(QStringLiteral("New order")),
             qPrintable(raised.at(2).at(0).value<KitchenAlert>().title));
}

void TestSyncClient::customerCancelWhileOfflineWinsAndAlerts()
{
    auto a1 = console(storeA, QStringLiteral("a1"));
    QTRY_VERIFY(a1->isLive());
    const QString orderId = placeOnHub(storeA);
    QTRY_COMPARE(a1->stateOf(orderId), OrderState::Placed);
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QVERIFY(a1->engine().advance(orderId, cook, details).ok);
    QTRY_COMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Accepted);

    // Offline, the kitchen starts it; meanwhile the customer cancels on the platform.
    a1->client().stop();
    QVERIFY(a1->engine().advance(orderId, cook, details).ok);
    QCOMPARE(a1->stateOf(orderId), OrderState::Preparing);
    const OrderEvent cancel = OrderEvent::transition(
            orderId, storeA, OrderState::Accepted, OrderState::Cancelled, Actor::platform(),
            QStringLiteral("customer-app"), m_clock.nowMs(), QStringLiteral("Customer cancelled"));
    QVERIFY(m_bed->hub().submit(cancel).acked());

    QSignalSpy alerts(&a1->engine(), &OrderEngine::alert);
    QVERIFY(alerts.isValid());
    QVERIFY(a1->client().start());
    QTRY_COMPARE(a1->stateOf(orderId), OrderState::Cancelled);
    QTRY_COMPARE(a1->client().health().pending, 0);
    QVERIFY(!alerts.isEmpty());
    const QString message = alerts.constFirst().at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("cancelled by the customer")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("stop preparing")), qPrintable(message));
    QCOMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Cancelled);
    checkConverged(*a1, storeA);
}

void TestSyncClient::halfOpenLinkIsDroppedAndRecovers()
{
    auto a1 = console(storeA, QStringLiteral("a1"), true);
    QTRY_VERIFY(a1->isLive());
    QSignalSpy states(&a1->link(), &PlatformLink::stateChanged);
    QVERIFY(states.isValid());

    // Both TCP connections stay open but nothing passes: only the pings can tell.
    m_proxy->setBlackHole();
    QElapsedTimer silent;
    silent.start();
    QTRY_VERIFY_WITH_TIMEOUT(!a1->isLive(), 5000);
    qInfo() << "half-open link dropped after" << silent.elapsed() << "ms, ping interval" << pingMs;

    m_proxy->setPass();
    const QString orderId = placeOnHub(storeA);
    QTRY_VERIFY_WITH_TIMEOUT(a1->isLive(), 5000);
    QTRY_COMPARE(a1->stateOf(orderId), OrderState::Placed);
    checkConverged(*a1, storeA);
}

void TestSyncClient::linkCutMidFrameRecovers()
{
    auto a1 = console(storeA, QStringLiteral("a1"), true);
    QTRY_VERIFY(a1->isLive());
    // The next frames are cut after 10 bytes: a partial frame must never be applied.
    m_proxy->setDropAfterBytes(10);
    const QString first = placeOnHub(storeA);
    QTRY_VERIFY_WITH_TIMEOUT(!a1->isLive(), 5000);
    QVERIFY(!a1->stateOf(first));
    m_proxy->setPass();
    const QString second = placeOnHub(storeA);
    QTRY_VERIFY_WITH_TIMEOUT(a1->stateOf(first) && a1->stateOf(second), 10000);
    checkConverged(*a1, storeA);
}

void TestSyncClient::lostAckIsResentWithoutDoubling()
{
    auto a1 = console(storeA, QStringLiteral("a1"), true);
    QTRY_VERIFY(a1->isLive());
    const QString orderId = placeOnHub(storeA);
    QTRY_COMPARE(a1->stateOf(orderId), OrderState::Placed);

    // The submit reaches the hub, which commits it; its answer is cut on the way back.
    m_proxy->setDropAfterBytes(0);
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QVERIFY(a1->engine().advance(orderId, Actor::staff(QStringLiteral("ana")), details).ok);
    QTRY_COMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Accepted);
    QTRY_VERIFY(!a1->isLive());
    QCOMPARE(a1->client().health().pending, 1);

    // After reconnecting the console sends it again; the hub acks the first copy's sequence.
    m_proxy->setPass();
    // Caught up: nothing to send, the replay stored and heard (the ack waits behind it).
    QTRY_VERIFY_WITH_TIMEOUT(a1->isLive() && a1->client().health().pending == 0
                                 && a1->client().cursor() == m_bed->log().head(storeA)
                                 && a1->engine().incomingBacklog() == 0,
                             10000);
    QCOMPARE(m_bed->log().eventCount(storeA), 2);
    QCOMPARE(m_bed->log().order(storeA, orderId)->eventCount, 2);
    checkConverged(*a1, storeA);
}

void TestSyncClient::slowLinkStillConverges()
{
    auto a1 = console(storeA, QStringLiteral("a1"), true);
    QTRY_VERIFY(a1->isLive());
    // Every chunk held back for a third of a ping interval: slow, but alive.
    m_proxy->setDelay(std::chrono::milliseconds(pingMs / 3));
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60 * 1000;
    QStringList orders;
    for (int i = 0; i < 3; ++i)
        orders.append(placeOnHub(storeA));
    QTRY_COMPARE_WITH_TIMEOUT(a1->store().orders(true).size(), 3, 10000);
    for (const QString &id : std::as_const(orders))
        QVERIFY(a1->engine().advance(id, cook, details).ok);
    QTRY_VERIFY_WITH_TIMEOUT(a1->client().health().pending == 0
                                 && a1->client().cursor() == m_bed->log().head(storeA),
                             10000);
    QVERIFY(a1->isLive());
    checkConverged(*a1, storeA);
}

void TestSyncClient::plainWebSocketOnlyToLoopback()
{
    QVERIFY(PlatformLink::isAllowedUrl(QUrl(QStringLiteral("ws://127.0.0.1:9"))));
    QVERIFY(PlatformLink::isAllowedUrl(QUrl(QStringLiteral("ws://[::1]:9"))));
    QVERIFY(PlatformLink::isAllowedUrl(QUrl(QStringLiteral("ws://localhost:9"))));
    QVERIFY(PlatformLink::isAllowedUrl(QUrl(QStringLiteral("wss://hub.example.com"))));
    const Result<void> remote =
        PlatformLink::isAllowedUrl(QUrl(QStringLiteral("ws://hub.example.com")));
    QVERIFY(!remote);
    QVERIFY(remote.error().contains(QStringLiteral("wss://")));
    QVERIFY(!PlatformLink::isAllowedUrl(QUrl(QStringLiteral("http://127.0.0.1"))));

    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://hub.example.com:9")); // refused before any lookup
    PlatformLink link(config);
    QSignalSpy problems(&link, &PlatformLink::problem);
    QVERIFY(problems.isValid());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("only allowed")));
    const Result<void> started = link.start();
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QStringLiteral("wss://")), qPrintable(started.error()));
    QCOMPARE(problems.count(), 1); // the same words for the board
    QCOMPARE(problems.constFirst().constFirst().toString(), started.error());
    QCOMPARE(link.state(), PlatformLink::State::Offline);
}

void TestSyncClient::pauseReachesThePlatformAndTheOtherConsoles()
{
    auto a1 = console(storeA, QStringLiteral("a1"));
    auto a2 = console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(a1->isLive() && a2->isLive());
    StorePause pauseA1(a1->engine(), m_clock);
    StorePause pauseA2(a2->engine(), m_clock);
    // As main.cpp wires it: each console re-reads the pause after a burst from the platform.
    connect(&a1->engine(), &OrderEngine::incomingDrained, &pauseA1, &StorePause::restore);
    connect(&a2->engine(), &OrderEngine::incomingDrained, &pauseA2, &StorePause::restore);

    const qint64 until = m_clock.nowMs() + 20 * 60 * 1000;
    QVERIFY(pauseA1.pause(until, Actor::staff(QStringLiteral("ana"))).ok);
    QTRY_COMPARE(a1->client().health().pending, 0); // acked by the platform
    QCOMPARE(m_bed->log().eventCount(storeA), 1);
    QTRY_VERIFY(pauseA2.isPaused());
    QCOMPARE(pauseA2.pausedUntil(), until);

    QVERIFY(pauseA2.resume(Actor::staff(QStringLiteral("ben"))).ok);
    QTRY_COMPARE(a2->client().health().pending, 0);
    QCOMPARE(m_bed->log().eventCount(storeA), 2);
    QTRY_VERIFY(!pauseA1.isPaused());
}

// The manager's PIN is checked at the console; the platform takes the manager's word only from
// a console it trusts with it, and says so at the welcome, which the console keeps.
void TestSyncClient::aManagersCancelStandsWhereThePlatformAllowsIt()
{
    QVERIFY(m_bed->records().credentials().setRight(storeA, QStringLiteral("a1"),
                                                    Submitter::managerRight, true));
    auto a1 = console(storeA, QStringLiteral("a1"));
    auto a2 = console(storeA, QStringLiteral("a2"));
    QTRY_VERIFY(a1->isLive() && a2->isLive());
    QTRY_VERIFY(a1->engine().channels().mayActAsManager());
    QVERIFY(!a1->engine().channels().mayRelayPos());
    QVERIFY(!a2->engine().channels().mayActAsManager());

    const Actor manager = Actor::manager(QStringLiteral("maria"));
    TransitionDetails details;
    details.reason = QStringLiteral("out of buns");
    const QString kept = placeOnHub(storeA);
    const QString refused = placeOnHub(storeA);
    QTRY_VERIFY(a1->stateOf(kept) && a2->stateOf(refused));
    QVERIFY(a1->engine().transition(kept, OrderState::Cancelled, manager, details).ok);
    QTRY_COMPARE(a2->stateOf(kept), OrderState::Cancelled);
    QCOMPARE(m_bed->log().order(storeA, kept)->state, OrderState::Cancelled);

    // At a console without the right, the same cancel happens here first, then the platform
    // refuses it: the order follows the platform, and the alert names what would allow it.
    QSignalSpy alerts(&a2->engine(), &OrderEngine::alert);
    QVERIFY(alerts.isValid());
    QVERIFY(a2->engine().transition(refused, OrderState::Cancelled, manager, details).ok);
    QTRY_VERIFY(!alerts.isEmpty());
    const QString message = alerts.constFirst().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("--grant-manager store-a:a2")), qPrintable(message));
    QTRY_COMPARE(a2->stateOf(refused), OrderState::Placed);
    QCOMPARE(m_bed->log().order(storeA, refused)->state, OrderState::Placed);

    // Withdrawn on the platform: the console learns it at its next welcome.
    QVERIFY(m_bed->records().credentials().setRight(storeA, QStringLiteral("a1"),
                                                    Submitter::managerRight, false));
    QSignalSpy status(&a1->client(), &SyncClient::statusChanged);
    QVERIFY(status.isValid());
    a1->link().reconnect();
    QTRY_VERIFY(!a1->engine().channels().mayActAsManager());
    QVERIFY(!status.isEmpty());
}

// A console joining a store with a long history gets the open orders (and today's) instead of
// every event: its board shows exactly the open tickets, its cursor is the head, no gap is
// seen, a new order arrives live, and a restart goes on from the cursor without a snapshot.
// (The older history is left out here: the next test has it.)
void TestSyncClient::aFreshConsoleStartsFromASnapshot()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("gap in the platform's sequence")));
    const QStringList open = m_bed->seedHistory(storeA, 400, 12);
    const qint64 head = m_bed->log().head(storeA);
    QCOMPARE(head, 400 * 5 + 12);

    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    options.services = SessionConfig::Services::Kitchen;
    options.historyPageEvents = 0;
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    QList<Protocol::Welcome> welcomes;
    qint64 eventsReceived = 0;
    QObject scope;
    connect(&a1.link(), &PlatformLink::received, &scope, [&](const Protocol::Message &message) {
        if (const auto *welcome = std::get_if<Protocol::Welcome>(&message.body))
            welcomes.append(*welcome);
        else if (const auto *events = std::get_if<Protocol::Events>(&message.body))
            eventsReceived += events->events.size();
    });
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE(a1.client().cursor(), head);
    QCOMPARE(welcomes.size(), 1);
    QVERIFY(welcomes.constFirst().snapshot);
    QCOMPARE(eventsReceived, qint64(open.size()));
    QStringList shown;
    for (const Order &order : a1.store().orders(true))
        shown.append(order.id);
    shown.sort();
    QCOMPARE(shown, open);
    QCOMPARE(a1.store().orders(false).size(), open.size()); // none of the old ones

    // Live from the snapshot's head: the next order follows at once, in sequence.
    const QString next = placeOnHub(storeA);
    QTRY_COMPARE(a1.client().cursor(), head + 1);
    QVERIFY(a1.store().order(next));

    // A restart resumes from its cursor: the log since, and no snapshot.
    a1.client().stop();
    QTRY_VERIFY(!a1.isLive());
    const QString whileAway = placeOnHub(storeA);
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE(a1.client().cursor(), head + 2);
    QCOMPARE(welcomes.size(), 2);
    QVERIFY(!welcomes.constLast().snapshot);
    QVERIFY(a1.store().order(whileAway));
    QCOMPARE(eventsReceived, qint64(open.size()) + 2);
    QCOMPARE(a1.history().goal(), 0); // none was wanted
}

// The rest of the store's history follows a snapshot in the background: only after the catch-up,
// a page at a time (each answer in several frames), and in the end the console's log is the
// hub's, event for event. Nobody hears of the old orders: the snapshot's summary is the only
// alert before the next live order's, and the engine reports no change to an old order.
void TestSyncClient::aBootstrappedConsoleFetchesItsHistoryInTheBackground()
{
    const QStringList open = m_bed->seedHistory(storeA, 400, 12);
    const qint64 head = m_bed->log().head(storeA);
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    options.services = SessionConfig::Services::Kitchen;
    options.historyPageEvents = 450; // 200 events a frame: three frames an answer
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    QSignalSpy raised(&a1.session().kitchenAlerts(), &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QStringList changed;
    bool caughtUp = false;
    bool historyDuringCatchUp = false;
    int answers = 0;
    int historyFrames = 0;
    QObject scope;
    connect(&a1.engine(), &OrderEngine::orderChanged, &scope,
            [&](const Order &order) { changed.append(order.id); });
    connect(&a1.link(), &PlatformLink::received, &scope, [&](const Protocol::Message &message) {
        const auto *events = std::get_if<Protocol::Events>(&message.body);
        if (!events)
            return;
        if (!events->history) {
            caughtUp = caughtUp || !events->more;
            return;
        }
        historyDuringCatchUp = historyDuringCatchUp || !caughtUp;
        ++historyFrames;
        if (!events->more)
            ++answers;
    });
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(a1.history().storedThrough(), head, 30'000);
    QCOMPARE(a1.history().goal(), head);
    QVERIFY(!a1.history().isIncomplete());
    QVERIFY(!historyDuringCatchUp);
    QCOMPARE(answers, int((head + 449) / 450));
    QVERIFY2(historyFrames > answers, qPrintable(QString::number(historyFrames)));
    QTRY_COMPARE(a1.engine().incomingBacklog(), 0);
    checkConverged(a1, storeA);
    QCOMPARE(a1.store().orders(true).size(), open.size());
    // The history is not a feed of orders: no chip on the board, and no alarm once it is over.
    for (const FeedStatus &feed : a1.session().feeds().feeds())
        QCOMPARE(feed.source, QStringLiteral("platform"));
    changed.removeDuplicates();
    changed.sort();
    QCOMPARE(changed, open);

    // Alerts come in order: had the history raised any, they would come before this one's.
    const QString next = placeOnHub(storeA);
    QTRY_COMPARE(raised.count(), 2);
    const KitchenAlert joined = raised.at(0).at(0).value<KitchenAlert>();
    QVERIFY2(joined.title.startsWith(QStringLiteral("Joined the store: 12 orders open")),
             qPrintable(joined.title));
    QCOMPARE(joined.orderIds.size(), open.size());
    QCOMPARE(raised.at(1).at(0).value<KitchenAlert>().orderId, next);
}

// A store whose whole log is within the day: the snapshot brings every seq from the first, so the
// history is complete with it, and the console never asks the hub for any.
void TestSyncClient::aSnapshotOfTheWholeLogLeavesNoHistoryToFetch()
{
    for (int i = 0; i < 30; ++i)
        placeOnHub(storeA);
    const qint64 head = m_bed->log().head(storeA);
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    int historyFrames = 0;
    QObject scope;
    connect(&a1.link(), &PlatformLink::received, &scope, [&](const Protocol::Message &message) {
        const auto *events = std::get_if<Protocol::Events>(&message.body);
        historyFrames += events && events->history ? 1 : 0;
    });
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE(a1.history().storedThrough(), head);
    QCOMPARE(a1.history().goal(), head);
    // A history answer would come before the next live event: there is none.
    const QString next = placeOnHub(storeA);
    QTRY_VERIFY(a1.store().order(next));
    QCOMPARE(historyFrames, 0);
    checkConverged(a1, storeA);
}

// A link cut in the middle of the history goes on from the history's own cursor (kept in the
// store, as a restart would find it): what was stored is not asked for again, and the log ends
// equal to the hub's, nothing doubled.
void TestSyncClient::aHistoryCutShortGoesOnFromItsCursor()
{
    m_bed->seedHistory(storeA, 300, 4);
    const qint64 head = m_bed->log().head(storeA);
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    options.historyPageEvents = 100;
    auto a1 = std::make_unique<Console>(storeA, QStringLiteral("a1"), m_bed->url(), m_clock,
                                        options);
    QObject scope;
    const QMetaObject::Connection cut =
            connect(&a1->history(), &HistoryBackfill::progressChanged, &scope, [&] {
                if (a1->history().storedThrough() >= 300 && a1->isLive())
                    a1->client().stop(); // cut in the middle, with pages still to come
            });
    QVERIFY(a1->client().start().ok());
    QTRY_VERIFY(!a1->isLive() && a1->history().storedThrough() >= 300);
    QTRY_COMPARE(a1->engine().incomingBacklog(), 0);
    const qint64 storedBefore = a1->history().storedThrough();
    QVERIFY(storedBefore < head);

    // Back on the link: the next answer starts after what is stored.
    disconnect(cut);
    qint64 firstAsked = 0;
    connect(&a1->link(), &PlatformLink::received, &scope, [&](const Protocol::Message &message) {
        const auto *events = std::get_if<Protocol::Events>(&message.body);
        if (events && events->history && firstAsked == 0 && !events->events.isEmpty())
            firstAsked = events->events.constFirst().seq;
    });
    QVERIFY(a1->client().start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(a1->history().storedThrough(), head, 30'000);
    QCOMPARE(firstAsked, storedBefore + 1);
    QTRY_COMPARE(a1->engine().incomingBacklog(), 0);
    checkConverged(*a1, storeA);
}

// The setting off (or an older hub, which ignores it) replays the whole log, as before.
void TestSyncClient::withoutBootstrapAFreshConsoleReplaysEverything()
{
    m_bed->seedHistory(storeA, 40, 3);
    const qint64 head = m_bed->log().head(storeA);
    SyncTest::ConsoleOptions options;
    options.pingMs = pingMs;
    options.bootstrap = false;
    Console a1(storeA, QStringLiteral("a1"), m_bed->url(), m_clock, options);
    QVERIFY(a1.client().start().ok());
    QTRY_COMPARE(a1.client().cursor(), head);
    checkConverged(a1, storeA);
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
