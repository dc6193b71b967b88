// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubSimulator: the platform side of a lunch rush, driven tick by tick, on every storage backend.
#include "hubtestsupport.h"
#include "recordstestcase.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hublog.h"
#include "hub/hubsimulator.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 minuteMs = 60'000;

QSet<QString> idsOf(const QList<Order> &orders)
{
    QSet<QString> ids;
    for (const Order &order : orders)
        ids.insert(order.id);
    return ids;
}
} // namespace

class TestHubSimulator : public HubTest::RecordsTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void placesOrdersInEveryStoreThroughTheHub();
    void couriersCollectAndDeliver();
    void placesNoOrdersWhilePaused_data();
    void placesNoOrdersWhilePaused();
    void numbersGoOnFromTheLogUnderNewIds();

private:
    HubLog &log() { return records().log(); }
    /** A delivery order of the store, made ready by its cook, waiting for a courier. */
    Order readyDelivery(Hub &hub, const QString &storeId, const QString &number);
};

Order TestHubSimulator::readyDelivery(Hub &hub, const QString &storeId, const QString &number)
{
    const Order order = HubTest::order(storeId, number, OrderType::Delivery);
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const qint64 now = bed().clock().nowMs();
    const QList<OrderEvent> events {
        HubTest::placed(order, now),
        HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook, now),
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook, now),
        HubTest::transition(order, OrderState::Preparing, OrderState::Ready, cook, now),
    };
    for (const OrderEvent &event : events) {
        if (!hub.submit(event).acked())
            qWarning().noquote() << "setup event not accepted:" << EventKinds::toString(event.kind);
    }
    return order;
}

void TestHubSimulator::placesOrdersInEveryStoreThroughTheHub()
{
    ManualClock &clock = bed().clock();
    Hub hub(records());
    QSignalSpy accepted(&hub, &Hub::accepted);
    QVERIFY(accepted.isValid());
    HubSimulator simulator(hub, clock, 7);
    simulator.start({storeA, storeB}, 0); // rate 0: driven by hand below
    constexpr int ticks = 60;
    for (int i = 0; i < ticks; ++i) {
        clock.advanceMs(1000);
        simulator.tick();
    }
    QCOMPARE(log().orders(storeA).size(), ticks);
    QCOMPARE(log().orders(storeB).size(), ticks);
    // Everything it did went through Hub::submit, so consoles would have seen it.
    QCOMPARE(accepted.size(), log().eventCount());
    int cancelled = 0;
    const QList<Order> orders = log().orders(storeA) + log().orders(storeB);
    QSet<OrderType> types;
    QSet<QString> numbers;
    for (const Order &order : orders) {
        cancelled += order.state == OrderState::Cancelled ? 1 : 0;
        types.insert(order.type);
        QVERIFY(!order.items.isEmpty());
        if (order.storeId == storeA)
            numbers.insert(order.number);
    }
    QVERIFY(cancelled > 0); // ~5% of 120 ticks
    QVERIFY(cancelled < 30);
    QVERIFY(types.size() >= 2); // mixed order types
    // Each store numbers its tickets 101, 102, … without a gap or a repeat.
    QCOMPARE(numbers.size(), ticks);
    QVERIFY(numbers.contains(QStringLiteral("101")));
    QVERIFY(numbers.contains(QString::number(100 + ticks)));
}

void TestHubSimulator::couriersCollectAndDeliver()
{
    Hub hub(records());
    const Order order = readyDelivery(hub, storeA, QStringLiteral("42"));
    QCOMPARE(log().order(storeA, order.id)->state, OrderState::Ready);
    HubSimulator simulator(hub, bed().clock(), 3);
    simulator.start({storeA}, 0);
    for (int i = 0; i < 200 && log().order(storeA, order.id)->state == OrderState::Ready; ++i)
        simulator.tick();
    const OrderState afterPickup = log().order(storeA, order.id)->state;
    QVERIFY(afterPickup == OrderState::OutForDelivery || afterPickup == OrderState::Delivered
            || afterPickup == OrderState::Cancelled);
    for (int i = 0; i < 200 && log().order(storeA, order.id)->state == OrderState::OutForDelivery;
         ++i)
        simulator.tick();
    const OrderState last = log().order(storeA, order.id)->state;
    QVERIFY(last == OrderState::Delivered || last == OrderState::Cancelled);
}

void TestHubSimulator::placesNoOrdersWhilePaused_data()
{
    QTest::addColumn<bool>("resumedEarly"); // else the pause runs out
    QTest::newRow("until the pause runs out") << false;
    QTest::newRow("until a console resumes the store") << true;
}

// A paused store gets no new orders, whatever the simulator's rate; what it already has goes on
// (couriers, customers), and another store is not affected.
void TestHubSimulator::placesNoOrdersWhilePaused()
{
    QFETCH(bool, resumedEarly);
    ManualClock &clock = bed().clock();
    Hub hub(records());
    const Order waiting = readyDelivery(hub, storeA, QStringLiteral("42"));
    HubSimulator simulator(hub, clock, 5);
    simulator.start({storeA, storeB}, 0);
    simulator.tick();
    QCOMPARE(log().orders(storeA).size(), 2);

    const qint64 until = clock.nowMs() + 10 * minuteMs;
    QVERIFY(hub.submit(HubTest::storeEvent(storeA, EventKind::StorePaused, until)).acked());
    const qint64 headAtPause = log().head(storeA);
    constexpr int pausedTicks = 30;
    for (int i = 0; i < pausedTicks; ++i) {
        clock.advanceMs(10'000); // 5 of the pause's 10 minutes
        simulator.tick();
    }
    QCOMPARE(log().orders(storeA).size(), 2);
    QCOMPARE(log().orders(storeB).size(), 1 + pausedTicks);
    // The paused store's log moved on, but only for the orders it had: the courier came.
    const QList<Protocol::SequencedEvent> duringPause =
        log().eventsAfter(storeA, headAtPause, 1000);
    QVERIFY(!duringPause.isEmpty());
    for (const Protocol::SequencedEvent &logged : duringPause)
        QVERIFY2(logged.event.kind != EventKind::Placed, qPrintable(logged.event.orderId));
    QVERIFY(log().order(storeA, waiting.id)->state != OrderState::Ready);

    if (resumedEarly) {
        QVERIFY(hub.submit(HubTest::storeEvent(storeA, EventKind::StoreResumed, 0)).acked());
    } else {
        clock.setNowMs(until - 1); // still paused, to the millisecond
        simulator.tick();
        QCOMPARE(log().orders(storeA).size(), 2);
        clock.setNowMs(until);
    }
    simulator.tick();
    QCOMPARE(log().orders(storeA).size(), 3);
}

// A hub restarted over its log goes on where the log ends: the next ticket number after the
// highest the store has, under an id no earlier run used, even with the same seed.
void TestHubSimulator::numbersGoOnFromTheLogUnderNewIds()
{
    ManualClock &clock = bed().clock();
    {
        Hub hub(records());
        // Orders from the HTTP API: the demo's first few (below the simulator's range) …
        QVERIFY(hub.submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("95")))).acked());
        HubSimulator first(hub, clock, 7);
        first.start({storeA}, 0);
        for (int i = 0; i < 3; ++i)
            first.tick();
        QSet<QString> numbers;
        for (const Order &order : log().orders(storeA))
            numbers.insert(order.number);
        QCOMPARE(numbers,
                 QSet<QString>({QStringLiteral("95"), QStringLiteral("101"), QStringLiteral("102"),
                                QStringLiteral("103")}));
        // … and later ones, one numbered above the simulator's, one not a number at all.
        QVERIFY(hub.submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("150")))).acked());
        QVERIFY(hub.submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("A12")))).acked());
    }
    const QSet<QString> earlierIds = idsOf(log().orders(storeA));
    QCOMPARE(earlierIds.size(), 6);

    QVERIFY(bed().reopen()); // the hub restarts over the same log
    Hub hub(records());
    HubSimulator again(hub, clock, 7); // the first run's seed: it would repeat its ids
    again.start({storeA}, 0);
    for (const QString &expected : {QStringLiteral("151"), QStringLiteral("152")}) {
        const QSet<QString> before = idsOf(log().orders(storeA));
        again.tick();
        QList<Order> placed;
        for (const Order &order : log().orders(storeA)) {
            if (!before.contains(order.id))
                placed.append(order);
        }
        QCOMPARE(placed.size(), 1);
        QCOMPARE(placed.constFirst().number, expected);
        QVERIFY(!earlierIds.contains(placed.constFirst().id));
    }
}

QTEST_GUILESS_MAIN(TestHubSimulator)
#include "tst_hubsimulator.moc"
