// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubSimulator: the platform side of a lunch rush, driven tick by tick.
#include "hubstoragebackends.h"
#include "hubtestsupport.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hubsimulator.h"

#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
} // namespace

class TestHubSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void placesOrdersInEveryStoreThroughTheHub();
    void couriersCollectAndDeliver();
};

void TestHubSimulator::placesOrdersInEveryStoreThroughTheHub()
{
    ManualClock clock(HubTest::startMs());
    HubTest::SqliteBackend backend;
    const std::unique_ptr<HubRecords> records = HubTest::openRecords(backend, clock);
    QVERIFY(records);
    QVERIFY(records->stores().add(storeA));
    QVERIFY(records->stores().add(storeB));
    Hub hub(*records);
    QSignalSpy accepted(&hub, &Hub::accepted);
    QVERIFY(accepted.isValid());
    HubSimulator simulator(hub, clock, 7);
    simulator.start({storeA, storeB}, 0); // rate 0: driven by hand below
    constexpr int ticks = 60;
    for (int i = 0; i < ticks; ++i) {
        clock.advanceMs(1000);
        simulator.tick();
    }
    QCOMPARE(records->log().orders(storeA).size(), ticks);
    QCOMPARE(records->log().orders(storeB).size(), ticks);
    // Everything it did went through Hub::submit, so consoles would have seen it.
    QCOMPARE(accepted.size(), records->log().eventCount());
    int cancelled = 0;
    const QList<Order> orders = records->log().orders(storeA) + records->log().orders(storeB);
    QSet<OrderType> types;
    for (const Order &order : orders) {
        cancelled += order.state == OrderState::Cancelled ? 1 : 0;
        types.insert(order.type);
        QVERIFY(!order.items.isEmpty());
    }
    QVERIFY(cancelled > 0); // ~5% of 120 ticks
    QVERIFY(cancelled < 30);
    QVERIFY(types.size() >= 2); // mixed order types
}

void TestHubSimulator::couriersCollectAndDeliver()
{
    ManualClock clock(HubTest::startMs());
    HubTest::SqliteBackend backend;
    const std::unique_ptr<HubRecords> records = HubTest::openRecords(backend, clock);
    QVERIFY(records);
    QVERIFY(records->stores().add(storeA));
    Hub hub(*records);
    const Order order = HubTest::order(storeA, QStringLiteral("42"), OrderType::Delivery);
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    QVERIFY(hub.submit(HubTest::placed(order)).acked());
    QVERIFY(hub.submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook))
                .acked());
    QVERIFY(
        hub.submit(HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook))
            .acked());
    QVERIFY(hub.submit(HubTest::transition(order, OrderState::Preparing, OrderState::Ready, cook))
                .acked());
    HubSimulator simulator(hub, clock, 3);
    simulator.start({storeA}, 0);
    for (int i = 0; i < 200 && records->log().order(storeA, order.id)->state == OrderState::Ready;
         ++i)
        simulator.tick();
    const OrderState afterPickup = records->log().order(storeA, order.id)->state;
    QVERIFY(afterPickup == OrderState::OutForDelivery || afterPickup == OrderState::Delivered
            || afterPickup == OrderState::Cancelled);
    for (int i = 0;
         i < 200 && records->log().order(storeA, order.id)->state == OrderState::OutForDelivery;
         ++i)
        simulator.tick();
    const OrderState last = records->log().order(storeA, order.id)->state;
    QVERIFY(last == OrderState::Delivered || last == OrderState::Cancelled);
}

QTEST_GUILESS_MAIN(TestHubSimulator)
#include "tst_hubsimulator.moc"
