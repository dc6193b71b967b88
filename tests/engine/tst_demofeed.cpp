// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "engine/demofeed.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "store/projectionverifier.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestDemoFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void placesOrdersThroughTheEngine();
    void courierCollectsAndDeliversReadyDeliveries();
    void placesNothingWhileTheStoreIsPaused_data();
    void placesNothingWhileTheStoreIsPaused();
    void aRestartedFeedMakesNewIds();
};

namespace {
constexpr qint64 start = 1'764'000'000'000;

EngineConfig demoConfig()
{
    EngineConfig config;
    config.storeId = QStringLiteral("demo-store");
    config.consoleId = QStringLiteral("console-1");
    return config;
}
} // namespace

void TestDemoFeed::placesOrdersThroughTheEngine()
{
    QTemporaryDir dir;
    ManualClock clock(start);
    Store store(dir.filePath(QStringLiteral("s.sqlite")), &clock);
    QVERIFY(store.open());
    OrderEngine engine(store, clock, demoConfig());
    DemoFeed feed(engine, clock, 6, 1);
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    feed.placeNow(6);
    QVERIFY(drained.wait());
    const QList<Order> open = engine.openOrders();
    QCOMPARE(open.size(), 6);
    for (const Order &order : open) {
        QCOMPARE(order.storeId, QStringLiteral("demo-store"));
        QCOMPARE(order.placedAt, start);
        QCOMPARE(store.events(order.id).constFirst().actor, Actor::platform());
    }
    QVERIFY(ProjectionVerifier(store).verify().ok());
}

void TestDemoFeed::courierCollectsAndDeliversReadyDeliveries()
{
    QTemporaryDir dir;
    ManualClock clock(start);
    Store store(dir.filePath(QStringLiteral("s.sqlite")), &clock);
    QVERIFY(store.open());
    OrderEngine engine(store, clock, demoConfig());
    DemoFeed feed(engine, clock, 600, 3); // a tick every 100 ms
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    feed.placeNow(20);
    QVERIFY(drained.wait());
    QString deliveryId;
    for (const Order &order : engine.openOrders()) {
        if (order.type == OrderType::Delivery)
            deliveryId = order.id;
    }
    QVERIFY(!deliveryId.isEmpty());
    TransitionDetails details;
    details.promisedAt = start + 900'000;
    for (int i = 0; i < 3; ++i)
        QVERIFY(engine.advance(deliveryId, Actor::staff(QStringLiteral("ana")), details).ok);
    QCOMPARE(engine.order(deliveryId)->state, OrderState::Ready);

    // The courier arrives a few minutes after ready, then delivers.
    clock.advanceMs(3 * 60 * 1000);
    feed.start();
    QTRY_COMPARE(engine.order(deliveryId)->state, OrderState::OutForDelivery);
    clock.advanceMs(6 * 60 * 1000);
    QTRY_COMPARE(engine.order(deliveryId)->state, OrderState::Delivered);
    feed.stop();
    QVERIFY(ProjectionVerifier(store).verify().ok());
}

void TestDemoFeed::placesNothingWhileTheStoreIsPaused_data()
{
    QTest::addColumn<bool>("resumedEarly"); // else the pause runs out
    QTest::newRow("until the pause runs out") << false;
    QTest::newRow("until staff resume the store") << true;
}

void TestDemoFeed::placesNothingWhileTheStoreIsPaused()
{
    QFETCH(bool, resumedEarly);
    QTemporaryDir dir;
    ManualClock clock(start);
    Store store(dir.filePath(QStringLiteral("s.sqlite")), &clock);
    QVERIFY(store.open());
    OrderEngine engine(store, clock, demoConfig());
    StorePause pause(engine, clock);
    const qint64 until = start + 20 * 60'000;
    QVERIFY(pause.pause(until, Actor::staff(QStringLiteral("ana"))).ok);
    DemoFeed feed(engine, clock, 6, 1);
    for (int i = 0; i < 10; ++i) {
        clock.advanceMs(60'000);
        feed.tick();
        // Nothing was queued for the engine: no order is on its way.
        QCOMPARE(engine.incomingBacklog(), 0);
    }
    QVERIFY(engine.openOrders().isEmpty());

    if (resumedEarly)
        QVERIFY(pause.resume(Actor::staff(QStringLiteral("ana"))).ok);
    else
        clock.setNowMs(until);
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    feed.tick();
    QVERIFY(drained.wait());
    QCOMPARE(engine.openOrders().size(), 1);
}

// The demo's store can outlive a run (--store): a feed started again with the same seed places
// the same kind of orders under ids of its own, so none is taken for one already there.
void TestDemoFeed::aRestartedFeedMakesNewIds()
{
    QTemporaryDir dir;
    ManualClock clock(start);
    Store store(dir.filePath(QStringLiteral("s.sqlite")), &clock);
    QVERIFY(store.open());
    OrderEngine engine(store, clock, demoConfig());
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    {
        DemoFeed first(engine, clock, 6, 1);
        first.placeNow(3);
        QVERIFY(drained.wait());
    }
    DemoFeed again(engine, clock, 6, 1);
    again.placeNow(3);
    QVERIFY(drained.wait());
    QCOMPARE(engine.openOrders().size(), 6);
}

QTEST_GUILESS_MAIN(TestDemoFeed)
#include "tst_demofeed.moc"
