// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storearchiver.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace StoreTest;

class TestOrderEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void advancesAPickupOrderToHandOver();
    void advancesADeliveryOrderToTheCourier();
    void refusalChangesNothingAndSaysWhy_data();
    void refusalChangesNothingAndSaysWhy();
    void recallWorksOnlyInsideTheWindow();
    void lastRecallableIsTheMostRecentHandOver();
    void rejectNeedsAReason();
    void placeOrderRefusesAnotherStore();
    void ordersOverTheLimitsAreNotWritten_data();
    void ordersOverTheLimitsAreNotWritten();
    void reasonOverTheLimitIsNotWritten();
    void incomingBurstIsAppliedInBatches_data();
    void incomingBurstIsAppliedInBatches();
    void localCommandDuringABurstIsNotUndone();
    void incomingDuplicatesAndRefusals();
    void aLateChangeOfAnArchivedOrderIsTold();
    void aChangeOfAnOrderNeverHadIsTold();
    void acceptRecordsTheQuote();
    void delayMovesThePromise_data();
    void delayMovesThePromise();
    void delayRefusedBeforeAcceptAndAfterHandOver();
    void recallableListsRecentBumpsLatestFirst();

private:
    QString place(const QString &number, OrderType type = OrderType::Pickup);
    TransitionDetails promise() const;

    std::unique_ptr<EngineTestbed> m_bed;
    ManualClock *m_clock = nullptr;
    Store *m_store = nullptr;
    OrderEngine *m_engine = nullptr;
    const Actor m_cook = Actor::staff(QStringLiteral("ana"));
};

void TestOrderEngine::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {QStringLiteral("platform"), QStringLiteral("pos:square")};
    config.incomingBatchSize = 100;
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_clock = &m_bed->clock();
    m_store = &m_bed->store();
    m_engine = &m_bed->engine();
}

void TestOrderEngine::cleanup()
{
    m_bed.reset();
}

QString TestOrderEngine::place(const QString &number, OrderType type)
{
    const Order order = sampleOrder(QStringLiteral("o-") + number, number, type);
    const CommandResult result = m_engine->placeOrder(order, Actor::platform());
    if (!result.ok)
        qWarning() << result.message;
    return order.id;
}

TransitionDetails TestOrderEngine::promise() const
{
    TransitionDetails details;
    details.promisedAt = m_clock->nowMs() + 15 * 60 * 1000;
    return details;
}

void TestOrderEngine::advancesAPickupOrderToHandOver()
{
    const QString id = place(QStringLiteral("101"));
    QSignalSpy changed(m_engine, &OrderEngine::orderChanged);
    QVERIFY(changed.isValid());
    const QList<OrderState> path{OrderState::Accepted, OrderState::Preparing, OrderState::Ready,
                                 OrderState::PickedUp};
    for (OrderState expected : path) {
        m_clock->advanceMs(60'000);
        const CommandResult result = m_engine->advance(id, m_cook, promise());
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.order->state, expected);
        QCOMPARE(result.event.actor, m_cook);
        QCOMPARE(result.event.origin, QStringLiteral("console-1"));
        QCOMPARE(result.event.occurredAt, m_clock->nowMs());
        QCOMPARE(changed.constLast().constFirst().value<Order>().state, expected);
    }
    QCOMPARE(changed.count(), 4);
    QCOMPARE(m_store->order(id)->state, OrderState::PickedUp);
    QCOMPARE(m_store->order(id)->promisedAt, t0 + 60'000 + 15 * 60 * 1000);
    QCOMPARE(m_engine->openOrders().size(), 0);
    // Every local event (the placement and four bumps) waits once per destination.
    QCOMPARE(Outbox(*m_store).pendingCount(), 10);
    const CommandResult beyond = m_engine->advance(id, m_cook, promise());
    QVERIFY(!beyond.ok);
    QVERIFY(beyond.message.contains(QStringLiteral("101")));
}

void TestOrderEngine::advancesADeliveryOrderToTheCourier()
{
    const QString id = place(QStringLiteral("102"), OrderType::Delivery);
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_engine->advance(id, m_cook, promise()).ok);
    QCOMPARE(m_store->order(id)->state, OrderState::OutForDelivery);
    const CommandResult delivered = m_engine->transition(id, OrderState::Delivered, m_cook);
    QVERIFY(!delivered.ok);
    QVERIFY(m_engine->transition(id, OrderState::Delivered, Actor::platform()).ok);
}

void TestOrderEngine::refusalChangesNothingAndSaysWhy_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("withPromise");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("staff cannot cancel") << int(OrderState::Cancelled) << "staff:ana" << true
                                         << "only";
    QTest::newRow("accept without a promised time") << int(OrderState::Accepted) << "staff:ana"
                                                    << false << "promised ready time";
    QTest::newRow("skip to ready") << int(OrderState::Ready) << "staff:ana" << true
                                   << "can't go to ready";
    QTest::newRow("pickup order out for delivery") << int(OrderState::OutForDelivery)
                                                   << "platform" << true << "can't go";
}

void TestOrderEngine::refusalChangesNothingAndSaysWhy()
{
    QFETCH(int, target);
    QFETCH(QString, actor);
    QFETCH(bool, withPromise);
    QFETCH(QString, expectedWords);
    const QString id = place(QStringLiteral("103"));
    const qint64 eventsBefore = m_store->eventCount();
    QSignalSpy changed(m_engine, &OrderEngine::orderChanged);
    QVERIFY(changed.isValid());
    const CommandResult result = m_engine->transition(id, OrderState(target),
                                                      *Actor::fromString(actor),
                                                      withPromise ? promise() : TransitionDetails{});
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(expectedWords), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("103")));
    QCOMPARE(m_store->eventCount(), eventsBefore);
    QCOMPARE(m_store->order(id)->state, OrderState::Placed);
    QCOMPARE(changed.count(), 0);
}

void TestOrderEngine::recallWorksOnlyInsideTheWindow()
{
    const QString id = place(QStringLiteral("104"));
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_engine->advance(id, m_cook, promise()).ok);
    m_clock->advanceMs(9 * 60 * 1000);
    CommandResult recalled = m_engine->recall(id, m_cook);
    QVERIFY2(recalled.ok, qPrintable(recalled.message));
    QCOMPARE(recalled.order->state, OrderState::Ready);
    QCOMPARE(recalled.event.kind, EventKind::Recall);
    QCOMPARE(recalled.event.from, OrderState::PickedUp);

    m_clock->advanceMs(StateMachine::defaultRecallWindowMs + 1);
    recalled = m_engine->recall(id, m_cook);
    QVERIFY(!recalled.ok);
    QVERIFY2(recalled.message.contains(QStringLiteral("10 min")), qPrintable(recalled.message));
    QCOMPARE(m_store->order(id)->state, OrderState::Ready);
    QVERIFY(ProjectionVerifier(*m_store).verify().ok());
}

void TestOrderEngine::lastRecallableIsTheMostRecentHandOver()
{
    QVERIFY(!m_engine->lastRecallable());
    const QString first = place(QStringLiteral("105"));
    const QString second = place(QStringLiteral("106"));
    for (const QString &id : {first, second}) {
        for (int i = 0; i < 4; ++i)
            QVERIFY(m_engine->advance(id, m_cook, promise()).ok);
        m_clock->advanceMs(1000);
    }
    QCOMPARE(m_engine->lastRecallable()->id, second);
    m_clock->advanceMs(StateMachine::defaultRecallWindowMs);
    QVERIFY(!m_engine->lastRecallable());
}

void TestOrderEngine::rejectNeedsAReason()
{
    const QString id = place(QStringLiteral("107"));
    QVERIFY(!m_engine->reject(id, m_cook, QStringLiteral("  ")).ok);
    const CommandResult rejected = m_engine->reject(id, m_cook, QStringLiteral("Out of stock"));
    QVERIFY(rejected.ok);
    QCOMPARE(rejected.order->state, OrderState::Rejected);
    QCOMPARE(rejected.order->lastReason, QStringLiteral("Out of stock"));
    QVERIFY(!m_engine->advance(id, m_cook, promise()).ok);
}

void TestOrderEngine::placeOrderRefusesAnotherStore()
{
    Order foreign = sampleOrder(QStringLiteral("o-x"), QStringLiteral("900"));
    foreign.storeId = QStringLiteral("store-2");
    const CommandResult result = m_engine->placeOrder(foreign, Actor::platform());
    QVERIFY(!result.ok);
    QVERIFY(result.message.contains(QStringLiteral("store-2")));
    QCOMPARE(m_store->eventCount(), 0);
}

void TestOrderEngine::ordersOverTheLimitsAreNotWritten_data()
{
    QTest::addColumn<Order>("order");
    QTest::addColumn<QString>("mentions");
    Order longName = sampleOrder(QStringLiteral("o-l1"), QStringLiteral("901"));
    longName.customerName = QString(201, QLatin1Char('c'));
    QTest::newRow("customer name of 201") << longName << QStringLiteral("the limit is 200");
    Order badId = sampleOrder(QStringLiteral("o-l2\n"), QStringLiteral("902"));
    QTest::newRow("order id with a newline") << badId << QStringLiteral("printable");
    // Every field within its bound, the whole over what one event may be.
    Order huge = sampleOrder(QStringLiteral("o-l3"), QStringLiteral("903"));
    OrderItem line = huge.items.constFirst();
    line.name = QString(190, QLatin1Char('n'));
    huge.items = QList<OrderItem>(400, line);
    QTest::newRow("order over 64 KiB") << huge << QStringLiteral("the limit is 65536 bytes");
}

// Neither the platform nor this console's own store reader would take such an event: it is
// refused before it is written, not stored and then never read or sent.
void TestOrderEngine::ordersOverTheLimitsAreNotWritten()
{
    QFETCH(Order, order);
    QFETCH(QString, mentions);
    QSignalSpy refused(m_engine, &OrderEngine::refused);
    QVERIFY(refused.isValid());
    const CommandResult result = m_engine->placeOrder(order, Actor::platform());
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(m_store->eventCount(), 0);
}

void TestOrderEngine::reasonOverTheLimitIsNotWritten()
{
    const QString id = place(QStringLiteral("904"));
    const qint64 events = m_store->eventCount();
    const CommandResult result = m_engine->reject(id, m_cook, QString(2001, QLatin1Char('r')));
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QStringLiteral("the limit is 2000")),
             qPrintable(result.message));
    QCOMPARE(m_store->eventCount(), events);
    QCOMPARE(m_engine->order(id)->state, OrderState::Placed);
}

void TestOrderEngine::incomingBurstIsAppliedInBatches_data()
{
    QTest::addColumn<bool>("ownThread");
    QTest::newRow("written on the writer's thread") << true;
    QTest::newRow("written on the engine's thread") << false;
}

void TestOrderEngine::incomingBurstIsAppliedInBatches()
{
    QFETCH(bool, ownThread);
    EngineConfig config = m_engine->config();
    config.writeIncomingOnOwnThread = ownThread;
    EngineTestbed bed(t0, config);
    QVERIFY(bed.open());
    OrderEngine &engine = bed.engine();

    const QList<IncomingEvent> burst = placedBurst(250);
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    QList<int> backlogAtEachChange;
    QStringList changedIds;
    connect(&engine, &OrderEngine::orderChanged, this, [&](const Order &order) {
        backlogAtEachChange.append(engine.incomingBacklog());
        changedIds.append(order.id);
    });

    engine.applyIncoming(burst, SourceCursor{QStringLiteral("platform"), QStringLiteral("250")});
    // Nothing is applied inside the call: the burst waits for the event loop.
    QCOMPARE(engine.incomingBacklog(), 250);
    QCOMPARE(bed.store().eventCount(), 0);
    QVERIFY(drained.wait());
    QCOMPARE(drained.count(), 1);
    QCOMPARE(bed.store().eventCount(), 250);
    QCOMPARE(bed.store().cursor(QStringLiteral("platform")), QStringLiteral("250"));
    QCOMPARE(engine.incomingBacklog(), 0);
    // Every order heard once, in the order of the burst.
    QCOMPARE(changedIds.size(), 250);
    for (int i = 0; i < 250; ++i)
        QCOMPARE(changedIds.at(i), QStringLiteral("b-%1").arg(i));
    // Heard batch by batch (at most 100 a transaction): the first batch while the other 150
    // still wait, and what is left only shrinks.
    QCOMPARE(backlogAtEachChange.count(150), 100);
    QVERIFY(std::is_sorted(backlogAtEachChange.crbegin(), backlogAtEachChange.crend()));
    QCOMPARE(backlogAtEachChange.constLast(), 0);
}

void TestOrderEngine::localCommandDuringABurstIsNotUndone()
{
    // The kitchen's bump lands after the writer's thread committed the second batch and before
    // the engine heard of it: the batch holds b-100 as placed, the store has it accepted.
    EngineConfig config = m_engine->config();
    config.writeIncomingOnOwnThread = true;
    EngineTestbed bed(t0, config);
    QVERIFY(bed.open());
    OrderEngine &engine = bed.engine();
    const QList<IncomingEvent> burst = placedBurst(101);
    const QString last = QStringLiteral("b-100");
    QHash<QString, OrderState> heard;
    connect(&engine, &OrderEngine::orderChanged, this,
            [&](const Order &order) { heard.insert(order.id, order.state); });
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());

    CommandResult accepted;
    bool bumped = false;
    bool bumpedBetween = false;
    const QMetaObject::Connection firstBatch =
            connect(&engine, &OrderEngine::incomingBatchHeard, this, [&] {
                if (bumped)
                    return;
                // The second batch goes to the writer in a call queued before this one.
                QTimer::singleShot(0, this, [&] {
                    // Nothing here turns the event loop: the writer's result stays queued.
                    QDeadlineTimer deadline(10'000);
                    while (bed.store().eventCount() < 101 && !deadline.hasExpired())
                        QThread::yieldCurrentThread();
                    bumpedBetween = !heard.contains(last) && bed.store().eventCount() == 101;
                    accepted = engine.advance(last, m_cook, promise());
                    bumped = true;
                });
            });
    engine.applyIncoming(burst);
    QTRY_VERIFY(bumped);
    disconnect(firstBatch);
    QVERIFY(bumpedBetween);
    QVERIFY2(accepted.ok, qPrintable(accepted.message));
    QCOMPARE(heard.value(last), OrderState::Accepted);

    // The batch still holds b-100 as placed; listeners must not be told it went back.
    QTRY_COMPARE(drained.count(), 1);
    QCOMPARE(heard.value(last), OrderState::Accepted);
    QCOMPARE(bed.store().order(last)->state, OrderState::Accepted);
}

void TestOrderEngine::incomingDuplicatesAndRefusals()
{
    const IncomingEvent placed = incoming(placedEvent(sampleOrder(QStringLiteral("d-1"),
                                                                  QStringLiteral("301"))));
    const IncomingEvent stale = incoming(
            transitionEvent(QStringLiteral("d-1"), OrderState::Ready, OrderState::PickedUp));
    QSignalSpy changed(m_engine, &OrderEngine::orderChanged);
    QVERIFY(changed.isValid());
    QSignalSpy refused(m_engine, &OrderEngine::refused);
    QVERIFY(refused.isValid());
    QSignalSpy drained(m_engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused")));
    m_engine->applyIncoming({placed, placed, stale});
    QVERIFY(drained.wait());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.constFirst().constFirst().toString().contains(QStringLiteral("from ready")));
    QCOMPARE(m_store->eventCount(), 1);
}

void TestOrderEngine::aLateChangeOfAnArchivedOrderIsTold()
{
    // No destinations: nothing is owed to one, so the order may be archived.
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {};
    EngineTestbed bed(t0, config);
    QVERIFY(bed.open());
    OrderEngine &engine = bed.engine();

    // Picked up 40 days ago and archived since; then the platform logs a refund of it.
    constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
    const Order order = sampleOrder(QStringLiteral("o-451"), QStringLiteral("451"));
    QVERIFY(engine.placeOrder(order, Actor::platform()).ok);
    for (const OrderState to : {OrderState::Accepted, OrderState::Preparing, OrderState::Ready,
                                OrderState::PickedUp})
        QVERIFY(engine.transition(order.id, to, m_cook, promise()).ok);
    bed.clock().advanceMs(40 * dayMs);
    const Result<ArchiveReport> archived = StoreArchiver(bed.store().path(), bed.clock(), {}).run();
    QVERIFY2(archived, qPrintable(archived.error()));
    QCOMPARE(archived->orders, 1);
    QVERIFY(!bed.store().order(order.id));

    QSignalSpy alerts(&engine, &OrderEngine::alert);
    QVERIFY(alerts.isValid());
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    IncomingEvent refund = incoming(OrderEvent::transition(
            order.id, storeId, OrderState::PickedUp, OrderState::Refunded, Actor::platform(),
            QStringLiteral("hub"), bed.clock().nowMs(), QStringLiteral("Customer complaint")));
    refund.hubSeq = 1;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Order 451 was archived")));
    engine.applyIncoming({refund});
    QVERIFY(drained.wait());
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(alerts.constFirst().at(0).toString(), order.id);
    const QString message = alerts.constFirst().at(1).toString();
    QVERIFY2(message.contains(OrderStates::displayName(OrderState::Refunded)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("archive file")), qPrintable(message));
    QCOMPARE(bed.store().events(order.id).size(), 1); // kept in the live log
    QVERIFY(!bed.store().order(order.id)); // and no ticket made of it

    // The same refund again is a duplicate: nothing new to tell.
    engine.applyIncoming({refund});
    QVERIFY(drained.wait());
    QCOMPARE(alerts.count(), 1);
}

void TestOrderEngine::aChangeOfAnOrderNeverHadIsTold()
{
    QSignalSpy alerts(m_engine, &OrderEngine::alert);
    QVERIFY(alerts.isValid());
    QSignalSpy drained(m_engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    IncomingEvent cancel = incoming(OrderEvent::transition(
            QStringLiteral("ghost-7"), storeId, OrderState::Accepted, OrderState::Cancelled,
            Actor::platform(), QStringLiteral("hub"), m_clock->nowMs(),
            QStringLiteral("Customer cancelled")));
    cancel.hubSeq = 1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no such order")));
    m_engine->applyIncoming({cancel});
    QVERIFY(drained.wait());
    QCOMPARE(alerts.count(), 1);
    const QString message = alerts.constFirst().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("ghost-7")), qPrintable(message));
    QVERIFY2(message.contains(OrderStates::displayName(OrderState::Cancelled)),
             qPrintable(message));
    QCOMPARE(m_store->events(QStringLiteral("ghost-7")).size(), 1);
}

void TestOrderEngine::acceptRecordsTheQuote()
{
    const QString id = place(QStringLiteral("301"));
    TransitionDetails details;
    details.prepMinutes = 25;
    details.promisedAt = m_clock->nowMs() + 25 * 60'000;
    const CommandResult result = m_engine->advance(id, m_cook, details);
    QVERIFY2(result.ok, qPrintable(result.message));
    const OrderEvent stored = m_store->events(id).constLast();
    QCOMPARE(stored.payload.value(QStringLiteral("prep_minutes")).toInt(), 25);
    QCOMPARE(stored.payload.value(QStringLiteral("promised_at")).toInteger(), details.promisedAt);
    QCOMPARE(m_store->order(id)->promisedAt, details.promisedAt);
}

void TestOrderEngine::delayMovesThePromise_data()
{
    QTest::addColumn<int>("bumps"); // 1 accepted, 2 preparing, 3 ready
    QTest::addColumn<qint64>("laterMs"); // how far the clock moves after the bumps
    QTest::addColumn<int>("minutes");
    QTest::addColumn<qint64>("expectedFromAccept"); // the new promise minus the accept time
    QTest::newRow("accepted +5") << 1 << qint64(0) << 5 << qint64(20 * 60'000);
    QTest::newRow("preparing +10") << 2 << qint64(60'000) << 10 << qint64(25 * 60'000);
    QTest::newRow("ready +30") << 3 << qint64(0) << 30 << qint64(45 * 60'000);
    // Already late: the delay counts from now, not from the broken promise.
    QTest::newRow("late +10") << 2 << qint64(20 * 60'000) << 10 << qint64(30 * 60'000);
}

void TestOrderEngine::delayMovesThePromise()
{
    QFETCH(int, bumps);
    QFETCH(qint64, laterMs);
    QFETCH(int, minutes);
    QFETCH(qint64, expectedFromAccept);
    const QString id = place(QStringLiteral("302"));
    const qint64 acceptedAt = m_clock->nowMs();
    for (int i = 0; i < bumps; ++i)
        QVERIFY(m_engine->advance(id, m_cook, promise()).ok);
    m_clock->advanceMs(laterMs);
    const OrderState before = m_store->order(id)->state;
    QSignalSpy changed(m_engine, &OrderEngine::orderChanged);
    QVERIFY(changed.isValid());

    const CommandResult result = m_engine->delay(id, minutes, m_cook);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.event.kind, EventKind::EtaChanged);
    QCOMPARE(result.event.payload.value(QStringLiteral("delay_minutes")).toInt(), minutes);
    QCOMPARE(m_store->order(id)->promisedAt, acceptedAt + expectedFromAccept);
    QCOMPARE(m_store->order(id)->state, before);
    QCOMPARE(m_store->events(id).constLast().kind, EventKind::EtaChanged);
    QCOMPARE(changed.count(), 1);
}

void TestOrderEngine::delayRefusedBeforeAcceptAndAfterHandOver()
{
    const QString id = place(QStringLiteral("303"));
    qint64 events = m_store->eventCount();
    CommandResult result = m_engine->delay(id, 10, m_cook);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("303"))
                 && result.message.contains(QLatin1String("accept")),
             qPrintable(result.message));
    QVERIFY(!m_engine->checkDelay(id).ok);
    QCOMPARE(m_store->eventCount(), events);

    for (int i = 0; i < 4; ++i)
        QVERIFY(m_engine->advance(id, m_cook, promise()).ok);
    events = m_store->eventCount();
    result = m_engine->delay(id, 10, m_cook);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("no longer")), qPrintable(result.message));
    QCOMPARE(m_store->eventCount(), events);

    QVERIFY(!m_engine->delay(QStringLiteral("nope"), 10, m_cook).ok);
    const QString other = place(QStringLiteral("304"));
    QVERIFY(m_engine->advance(other, m_cook, promise()).ok);
    QVERIFY(m_engine->checkDelay(other).ok);
    QVERIFY(!m_engine->delay(other, 0, m_cook).ok);
}

void TestOrderEngine::recallableListsRecentBumpsLatestFirst()
{
    const QString old = place(QStringLiteral("401"));
    const QString ready = place(QStringLiteral("402"), OrderType::Delivery);
    const QString served = place(QStringLiteral("403"));
    const QString cooking = place(QStringLiteral("404"));
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_engine->advance(old, m_cook, promise()).ok);
    m_clock->advanceMs(m_engine->config().recallWindowMs + 1000); // 401 leaves the window
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_engine->advance(ready, m_cook, promise()).ok);
    m_clock->advanceMs(60'000);
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_engine->advance(served, m_cook, promise()).ok);
    for (int i = 0; i < 2; ++i)
        QVERIFY(m_engine->advance(cooking, m_cook, promise()).ok); // preparing: not recallable

    QList<QString> ids;
    const QList<Order> recallable = m_engine->recallable(50);
    for (const Order &order : recallable)
        ids.append(order.id);
    QCOMPARE(ids, (QList<QString>{served, ready}));
    QCOMPARE(m_engine->recallable(1).size(), 1);
    QCOMPARE(m_engine->recallable(1).constFirst().id, served);
    QVERIFY(m_engine->recallable(0).isEmpty());

    m_clock->advanceMs(m_engine->config().recallWindowMs + 1000);
    QVERIFY(m_engine->recallable(50).isEmpty());
}

QTEST_GUILESS_MAIN(TestOrderEngine)
#include "tst_orderengine.moc"
