// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"

#include "pos/posorderdiff.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");

PosOrder seenAtPos(const QString &version, std::optional<OrderState> kitchenState)
{
    PosOrder seen;
    seen.order.id = QStringLiteral("SQ-1");
    seen.order.number = QStringLiteral("T4");
    seen.order.source = QStringLiteral("pos:square");
    seen.order.placedAt = t0;
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    seen.order.items = {burger};
    seen.version = version;
    seen.kitchenState = kitchenState;
    return seen;
}

PosOrderDiff::Context context()
{
    return {storeId, t0 + 1000, 15, {}};
}

QList<EventKind> kinds(const QList<IncomingEvent> &events)
{
    QList<EventKind> kinds;
    for (const IncomingEvent &incoming : events)
        kinds.append(incoming.event.kind);
    return kinds;
}

/** The order as our store would hold it after the POS's first view, in state. */
Order known(OrderState state)
{
    Order order;
    order.id = QStringLiteral("SQ-1");
    order.number = QStringLiteral("T4");
    order.storeId = storeId;
    order.source = QStringLiteral("pos:square");
    order.items = seenAtPos(QStringLiteral("1"), {}).order.items;
    order.state = state;
    return order;
}
} // namespace

// A POS's view of an order, turned into our events: placed, modified item by item, voided, and
// the POS's own kitchen steps followed one legal step at a time; the same view twice, the same
// events, which the inbox then drops.
class TestPosOrderDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewOrderIsPlacedAndFollowsThePos();
    void theSameViewGivesTheSameEvents();
    void aVoidCancelsAnOpenOrderOnly();
    void aCancelIsNamedByTheOrderAndTheStateItLeaves();
    void changedItemsAreAModification();
    void thePosNeverTakesTheKitchenBackwards();
    void throughTheEngineAReplayChangesNothing();
    void theStoresRoutesSendTheLinesToStations();
};

void TestPosOrderDiff::aNewOrderIsPlacedAndFollowsThePos()
{
    const QList<IncomingEvent> events =
            PosOrderDiff::eventsFor(seenAtPos(QStringLiteral("3"), OrderState::Accepted), {},
                                    context());
    QCOMPARE(kinds(events), QList<EventKind>({EventKind::Placed, EventKind::Transition}));
    const OrderEvent &placed = events.at(0).event;
    QCOMPARE(placed.storeId, storeId);
    QCOMPARE(placed.actor, Actor::pos(QStringLiteral("square")));
    QCOMPARE(events.at(0).source, QStringLiteral("pos:square"));
    QVERIFY(!events.at(0).hubSeq);
    const OrderEvent &accepted = events.at(1).event;
    QCOMPARE(accepted.from, OrderState::Placed);
    QCOMPARE(accepted.to, OrderState::Accepted);
    QCOMPARE(accepted.payload.value(QLatin1String("promised_at")).toInteger(),
             t0 + 1000 + 15 * 60'000);

    // Voided before the kitchen saw it: nothing to show.
    PosOrder voided = seenAtPos(QStringLiteral("4"), {});
    voided.voided = true;
    QVERIFY(PosOrderDiff::eventsFor(voided, {}, context()).isEmpty());
}

void TestPosOrderDiff::theSameViewGivesTheSameEvents()
{
    const PosOrder seen = seenAtPos(QStringLiteral("3"), OrderState::Accepted);
    const QList<IncomingEvent> first = PosOrderDiff::eventsFor(seen, {}, context());
    PosOrderDiff::Context later = context();
    later.nowMs += 60'000; // read again a minute on (a poll after the webhook)
    const QList<IncomingEvent> again = PosOrderDiff::eventsFor(seen, {}, later);
    QCOMPARE(again.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i) {
        QCOMPARE(again.at(i).event.id, first.at(i).event.id);
        QCOMPARE(again.at(i).messageId, first.at(i).messageId);
    }
    // A newer view is news.
    const QList<IncomingEvent> newer = PosOrderDiff::eventsFor(
            seenAtPos(QStringLiteral("4"), OrderState::Accepted), {}, context());
    QVERIFY(newer.constFirst().event.id != first.constFirst().event.id);
}

void TestPosOrderDiff::aVoidCancelsAnOpenOrderOnly()
{
    PosOrder voided = seenAtPos(QStringLiteral("5"), {});
    voided.voided = true;
    Order open = known(OrderState::Preparing);
    const QList<IncomingEvent> events = PosOrderDiff::eventsFor(voided, open, context());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).event.from, OrderState::Preparing);
    QCOMPARE(events.at(0).event.to, OrderState::Cancelled);
    QVERIFY(!events.at(0).event.reason.isEmpty());
    Order done = open;
    done.state = OrderState::PickedUp;
    QVERIFY(PosOrderDiff::eventsFor(voided, done, context()).isEmpty());
}

void TestPosOrderDiff::aCancelIsNamedByTheOrderAndTheStateItLeaves()
{
    // A deletion heard by webhook (its time as the marker) and found by the feed's sweep (no
    // marker at all) must be one event, so the inbox drops whichever comes second.
    PosOrder byWebhook = seenAtPos(QStringLiteral("1796212860000"), {});
    byWebhook.voided = true;
    PosOrder bySweep = seenAtPos(QString(), {});
    bySweep.voided = true;
    bySweep.order.items.clear();
    const QList<IncomingEvent> first =
            PosOrderDiff::eventsFor(byWebhook, known(OrderState::Placed), context());
    const QList<IncomingEvent> second =
            PosOrderDiff::eventsFor(bySweep, known(OrderState::Placed), context());
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.constFirst().event.id, first.constFirst().event.id);
    QCOMPARE(second.constFirst().messageId, first.constFirst().messageId);

    // The platform refused the void (another screen accepted the order meanwhile): read again,
    // it leaves the new state, a new event the inbox lets through.
    const QList<IncomingEvent> again =
            PosOrderDiff::eventsFor(bySweep, known(OrderState::Accepted), context());
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.constFirst().event.from, std::optional<OrderState>(OrderState::Accepted));
    QVERIFY(again.constFirst().event.id != first.constFirst().event.id);

    PosOrder otherOrder = byWebhook;
    otherOrder.order.id = QStringLiteral("SQ-2");
    Order otherKnown = known(OrderState::Placed);
    otherKnown.id = otherOrder.order.id;
    QVERIFY(PosOrderDiff::eventsFor(otherOrder, otherKnown, context()).constFirst().event.id
            != first.constFirst().event.id);
}

void TestPosOrderDiff::changedItemsAreAModification()
{
    Order current = known(OrderState::Accepted);
    PosOrder seen = seenAtPos(QStringLiteral("6"), OrderState::Accepted);
    QVERIFY(PosOrderDiff::eventsFor(seen, current, context()).isEmpty()); // nothing new
    OrderItem fries;
    fries.name = QStringLiteral("Fries");
    seen.order.items.append(fries);
    const QList<IncomingEvent> events = PosOrderDiff::eventsFor(seen, current, context());
    QCOMPARE(kinds(events), QList<EventKind>({EventKind::Modified}));
    QCOMPARE(events.at(0).event.payload.value(QLatin1String("items")).toArray().size(), 2);
}

void TestPosOrderDiff::thePosNeverTakesTheKitchenBackwards()
{
    Order current = known(OrderState::Ready);
    QVERIFY(PosOrderDiff::eventsFor(seenAtPos(QStringLiteral("7"), OrderState::Accepted), current,
                                    context())
                    .isEmpty());
    // Forward, through the steps in between.
    current.state = OrderState::Accepted;
    const QList<IncomingEvent> events = PosOrderDiff::eventsFor(
            seenAtPos(QStringLiteral("8"), OrderState::Ready), current, context());
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).event.to, OrderState::Preparing);
    QCOMPARE(events.at(1).event.from, OrderState::Preparing);
    QCOMPARE(events.at(1).event.to, OrderState::Ready);
}

void TestPosOrderDiff::throughTheEngineAReplayChangesNothing()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    EngineTestbed bed(t0, config);
    QVERIFY(bed.open());
    const QList<IncomingEvent> events = PosOrderDiff::eventsFor(
            seenAtPos(QStringLiteral("3"), OrderState::Accepted), {}, context());
    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    bed.engine().applyIncoming(events);
    QTRY_COMPARE(drained.size(), 1);
    const std::optional<Order> order = bed.store().order(QStringLiteral("SQ-1"));
    QVERIFY(order);
    QCOMPARE(order->state, OrderState::Accepted);
    QCOMPARE(order->source, QStringLiteral("pos:square"));
    QCOMPARE(order->eventCount, 2);
    // The webhook again, and a poll that read the same: both dropped by the inbox.
    bed.engine().applyIncoming(events);
    QTRY_COMPARE(drained.size(), 2);
    bed.engine().applyIncoming(PosOrderDiff::eventsFor(
            seenAtPos(QStringLiteral("3"), OrderState::Accepted), {}, context()));
    QTRY_COMPARE(drained.size(), 3);
    QCOMPARE(bed.store().order(QStringLiteral("SQ-1"))->eventCount, 2);
}

void TestPosOrderDiff::theStoresRoutesSendTheLinesToStations()
{
    PosOrderDiff::Context routing = context();
    routing.routes = {{QStringLiteral("burger"), QStringLiteral("grill")}};
    PosOrder seen = seenAtPos(QStringLiteral("1"), {});
    OrderItem soda;
    soda.name = QStringLiteral("Soda");
    soda.station = QStringLiteral("bar"); // a till that names a station keeps it where no route
    seen.order.items.append(soda);

    const QList<IncomingEvent> placed = PosOrderDiff::eventsFor(seen, {}, routing);
    QCOMPARE(kinds(placed), QList<EventKind>({EventKind::Placed}));
    const QJsonArray items = placed.constFirst().event.payload.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0)[QStringLiteral("station")].toString(), QStringLiteral("grill"));
    QCOMPARE(items.at(1)[QStringLiteral("station")].toString(), QStringLiteral("bar"));

    // The till shows the order unchanged: its lines carry no station, ours do. Not a change,
    // even once the routes send burgers elsewhere.
    Order held = known(OrderState::Accepted);
    held.items.first().station = QStringLiteral("grill");
    held.items.append(soda);
    QVERIFY(PosOrderDiff::eventsFor(seen, held, routing).isEmpty());
    routing.routes = {{QStringLiteral("burger"), QStringLiteral("flat-top")}};
    QVERIFY(PosOrderDiff::eventsFor(seen, held, routing).isEmpty());

    // A real change is one, with the lines routed as the rules say now.
    seen.order.items.first().quantity = 3;
    seen.version = QStringLiteral("2");
    const QList<IncomingEvent> changed = PosOrderDiff::eventsFor(seen, held, routing);
    QCOMPARE(kinds(changed), QList<EventKind>({EventKind::Modified}));
    const QJsonArray lines = changed.constFirst().event.payload.value(QStringLiteral("items")).toArray();
    QCOMPARE(lines.at(0)[QStringLiteral("station")].toString(), QStringLiteral("flat-top"));
    QCOMPARE(lines.at(0)[QStringLiteral("quantity")].toInt(), 3);
}

QTEST_GUILESS_MAIN(TestPosOrderDiff)
#include "tst_posorderdiff.moc"
