// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/projector.h"

#include "ordertestsupport.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
OrderEvent placedEvent()
{
    Order payload = order(OrderState::Placed, OrderType::Delivery);
    payload.storeId.clear(); // platforms may leave it to the event
    payload.customerName = QStringLiteral("Ana");
    OrderEvent e = makeEvent(EventKind::Placed);
    e.actor = Actor::platform();
    e.occurredAt = t0 + 7;
    e.payload = payload.toJson();
    return e;
}

OrderEvent moveEvent(EventKind kind, OrderState from, OrderState to, qint64 at)
{
    OrderEvent e = makeEvent(kind);
    e.from = from;
    e.to = to;
    e.occurredAt = at;
    return e;
}

// Applies an event that must fit; a refusal fails the running test with the projector's words.
Order applied(const std::optional<Order> &current, const OrderEvent &e)
{
    const Projection projection = Projector::apply(current, e);
    if (projection)
        return *projection;
    QTest::qFail(qPrintable(QLatin1String("projection refused: ") + projection.error()), __FILE__,
                 __LINE__);
    return {};
}
} // namespace

class TestProjector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placedCreatesOrder();
    void transitionMovesState();
    void transitionKeepsPromiseWithoutOne();
    void transitionRecordsReason();
    void recallMovesBack();
    void modifiedReplacesItems();
    void etaChanged();
    void noteAdded();
    void wholeLifeIsDeterministic();
    void refused_data();
    void refused();
};

void TestProjector::placedCreatesOrder()
{
    const OrderEvent e = placedEvent();
    const Projection projection = Projector::apply(std::nullopt, e);
    QVERIFY2(projection, qPrintable(projection.error()));
    const Order &o = *projection;
    QCOMPARE(o.id, QStringLiteral("ord-abc"));
    QCOMPARE(o.storeId, QStringLiteral("store-x"));
    QCOMPARE(o.number, QStringLiteral("417"));
    QCOMPARE(o.type, OrderType::Delivery);
    QCOMPARE(o.state, OrderState::Placed);
    QCOMPARE(o.items, order(OrderState::Placed).items);
    QCOMPARE(o.customerName, QStringLiteral("Ana"));
    QCOMPARE(o.placedAt, e.occurredAt);
    QCOMPARE(o.stateSince, e.occurredAt);
    QCOMPARE(o.updatedAt, e.occurredAt);
    QCOMPARE(o.eventCount, 1);
    QCOMPARE(o.lastEventId, e.id);
}

void TestProjector::transitionMovesState()
{
    const Order placed = applied(std::nullopt, placedEvent());
    OrderEvent accept =
        moveEvent(EventKind::Transition, OrderState::Placed, OrderState::Accepted, t0 + minuteMs);
    accept.payload = {{QStringLiteral("promised_at"), t0 + 25 * minuteMs}};

    const Order o = applied(placed, accept);
    QCOMPARE(o.state, OrderState::Accepted);
    QCOMPARE(o.stateSince, t0 + minuteMs);
    QCOMPARE(o.promisedAt, t0 + 25 * minuteMs);
    QCOMPARE(o.placedAt, placed.placedAt);
    QCOMPARE(o.updatedAt, t0 + minuteMs);
    QCOMPARE(o.eventCount, 2);
    QCOMPARE(o.lastEventId, accept.id);
    QCOMPARE(o.items, placed.items);
}

void TestProjector::transitionKeepsPromiseWithoutOne()
{
    Order accepted = order(OrderState::Accepted);
    accepted.promisedAt = t0 + 25 * minuteMs;
    const Order o = applied(accepted,
                            moveEvent(EventKind::Transition, OrderState::Accepted,
                                      OrderState::Preparing, t0 + 2 * minuteMs));
    QCOMPARE(o.state, OrderState::Preparing);
    QCOMPARE(o.promisedAt, t0 + 25 * minuteMs);
    QVERIFY(o.lastReason.isEmpty());
}

void TestProjector::transitionRecordsReason()
{
    OrderEvent cancel = moveEvent(EventKind::Transition, OrderState::Ready, OrderState::Cancelled,
                                  t0 + 9 * minuteMs);
    cancel.actor = Actor::platform();
    cancel.reason = QStringLiteral("customer cancelled");
    const Order cancelled = applied(order(OrderState::Ready), cancel);
    QCOMPARE(cancelled.state, OrderState::Cancelled);
    QCOMPARE(cancelled.lastReason, QStringLiteral("customer cancelled"));

    // A later event without a reason keeps the last one.
    const Order refunded = applied(cancelled,
                                   moveEvent(EventKind::Transition, OrderState::Cancelled,
                                             OrderState::Refunded, t0 + 10 * minuteMs));
    QCOMPARE(refunded.state, OrderState::Refunded);
    QCOMPARE(refunded.lastReason, QStringLiteral("customer cancelled"));
}

void TestProjector::recallMovesBack()
{
    Order pickedUp = order(OrderState::PickedUp);
    pickedUp.eventCount = 5;
    const OrderEvent recall =
        moveEvent(EventKind::Recall, OrderState::PickedUp, OrderState::Ready, t0 + 4 * minuteMs);
    const Order o = applied(pickedUp, recall);
    QCOMPARE(o.state, OrderState::Ready);
    QCOMPARE(o.stateSince, t0 + 4 * minuteMs);
    QCOMPARE(o.eventCount, 6);
    QCOMPARE(o.lastEventId, recall.id);
}

void TestProjector::modifiedReplacesItems()
{
    const Order before = order(OrderState::Preparing);
    OrderItem salad;
    salad.name = QStringLiteral("Salad");
    salad.quantity = 3;
    salad.station = QStringLiteral("cold");
    OrderEvent modified = makeEvent(EventKind::Modified);
    modified.payload = {{QStringLiteral("items"), QJsonArray {salad.toJson()}}};

    const Order o = applied(before, modified);
    QCOMPARE(o.items, QList<OrderItem> {salad});
    QCOMPARE(o.state, OrderState::Preparing);
    QCOMPARE(o.stateSince, before.stateSince);
    QCOMPARE(o.eventCount, before.eventCount + 1);
}

void TestProjector::etaChanged()
{
    const Order before = order(OrderState::Accepted);
    OrderEvent eta = makeEvent(EventKind::EtaChanged);
    eta.payload = {{QStringLiteral("promised_at"), t0 + 50 * minuteMs}};
    const Order o = applied(before, eta);
    QCOMPARE(o.promisedAt, t0 + 50 * minuteMs);
    QCOMPARE(o.state, OrderState::Accepted);
    QCOMPARE(o.updatedAt, eta.occurredAt);
}

void TestProjector::noteAdded()
{
    Order before = order(OrderState::Accepted);
    before.notes = {QStringLiteral("first")};
    OrderEvent note = makeEvent(EventKind::NoteAdded);
    note.reason = QStringLiteral("allergy: sesame");
    const Order o = applied(before, note);
    QCOMPARE(o.notes, QStringList({QStringLiteral("first"), QStringLiteral("allergy: sesame")}));
    QCOMPARE(o.lastEventId, note.id);
}

void TestProjector::wholeLifeIsDeterministic()
{
    QList<OrderEvent> log {placedEvent()};
    const QList<std::pair<EventKind, OrderState>> steps {
        {EventKind::Transition, OrderState::Accepted},
        {EventKind::Transition, OrderState::Preparing},
        {EventKind::Transition, OrderState::Ready},
        {EventKind::Recall, OrderState::Preparing},
        {EventKind::Transition, OrderState::Ready},
        {EventKind::Transition, OrderState::OutForDelivery},
        {EventKind::Transition, OrderState::Delivered},
    };
    OrderState from = OrderState::Placed;
    qint64 at = t0;
    for (const auto &[kind, to] : steps) {
        at += minuteMs;
        log.append(moveEvent(kind, from, to, at));
        from = to;
    }

    const auto fold = [&log] {
        std::optional<Order> current;
        for (const OrderEvent &e : log)
            current = applied(current, e);
        return current;
    };
    const std::optional<Order> first = fold();
    QVERIFY(first);
    QCOMPARE(first->state, OrderState::Delivered);
    QCOMPARE(first->eventCount, int(log.size()));
    QCOMPARE(first->stateSince, at);
    QCOMPARE(first->placedAt, t0 + 7);
    QCOMPARE(first->lastEventId, log.last().id);
    QCOMPARE(fold(), first);
}

void TestProjector::refused_data()
{
    QTest::addColumn<std::optional<Order>>("current");
    QTest::addColumn<OrderEvent>("event");
    QTest::addColumn<QString>("mentions");

    const std::optional<Order> none;
    const std::optional<Order> preparing = order(OrderState::Preparing);
    const OrderEvent toReady =
        moveEvent(EventKind::Transition, OrderState::Preparing, OrderState::Ready, t0 + minuteMs);

    QTest::newRow("placed twice") << preparing << placedEvent()
                                  << QStringLiteral("order ord-abc already exists");
    QTest::newRow("unknown order") << none << toReady << QStringLiteral("unknown order ord-abc");
    QTest::newRow("stale from-state")
        << preparing
        << moveEvent(EventKind::Transition, OrderState::Accepted, OrderState::Preparing, t0)
        << QStringLiteral("is preparing but the event moves it from accepted");
    QTest::newRow("stale recall") << preparing
                                  << moveEvent(EventKind::Recall, OrderState::Ready,
                                               OrderState::Preparing, t0)
                                  << QStringLiteral("moves it from ready");

    OrderEvent otherStore = toReady;
    otherStore.storeId = QStringLiteral("store-y");
    QTest::newRow("wrong store id")
        << preparing << otherStore << QStringLiteral("belongs to store store-x, not store-y");

    OrderEvent mismatch = placedEvent();
    mismatch.orderId = QStringLiteral("ord-zzz");
    QTest::newRow("order id mismatch in placed payload")
        << none << mismatch << QStringLiteral("placed event for ord-zzz carries order ord-abc");

    OrderEvent payloadStore = placedEvent();
    payloadStore.payload.insert(QStringLiteral("store_id"), QStringLiteral("store-y"));
    QTest::newRow("placed payload for another store")
        << none << payloadStore << QStringLiteral("belongs to store store-y, not store-x");

    OrderEvent emptyOrder = placedEvent();
    emptyOrder.payload.insert(QStringLiteral("items"), QJsonArray());
    QTest::newRow("placed payload invalid") << none << emptyOrder << QStringLiteral("0 items");

    OrderEvent paused = makeEvent(EventKind::StorePaused);
    paused.orderId.clear();
    QTest::newRow("store-level event")
        << preparing << paused << QStringLiteral("store-level event");

    OrderEvent noItems = makeEvent(EventKind::Modified);
    QTest::newRow("modified without items")
        << preparing << noItems << QStringLiteral("carries no items");
    OrderEvent badItem = makeEvent(EventKind::Modified);
    badItem.payload = {{QStringLiteral("items"),
                        QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Tea")},
                                                 {QStringLiteral("quantity"), 0}}}}};
    QTest::newRow("modified with a bad item")
        << preparing << badItem << QStringLiteral("quantity 0");

    QJsonArray tooMany;
    for (int i = 0; i <= Order::maxItems; ++i)
        tooMany.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Tea")}});
    OrderEvent hugeModification = makeEvent(EventKind::Modified);
    hugeModification.payload = {{QStringLiteral("items"), tooMany}};
    QTest::newRow("modified with too many items")
        << preparing << hugeModification << QStringLiteral("501 items (at most 500)");

    // Built in code rather than parsed, so nothing upstream checked the shape.
    OrderEvent noTarget = toReady;
    noTarget.to.reset();
    QTest::newRow("transition without a target")
        << preparing << noTarget << QStringLiteral("needs both from and to");
    OrderEvent noOrigin = makeEvent(EventKind::Recall);
    QTest::newRow("recall without states")
        << preparing << noOrigin << QStringLiteral("needs both from and to");
    OrderEvent emptyNote = makeEvent(EventKind::NoteAdded);
    emptyNote.reason = QStringLiteral("  ");
    QTest::newRow("empty note") << preparing << emptyNote << QStringLiteral("note for ord-abc is empty");

    QTest::newRow("eta without time") << preparing << makeEvent(EventKind::EtaChanged)
                                      << QStringLiteral("\"promised_at\" is missing");
    OrderEvent badPromise = toReady;
    badPromise.payload = {{QStringLiteral("promised_at"), QStringLiteral("soon")}};
    QTest::newRow("transition with a bad promise")
        << preparing << badPromise << QStringLiteral("\"promised_at\" must be an integer");
}

void TestProjector::refused()
{
    QFETCH(std::optional<Order>, current);
    QFETCH(OrderEvent, event);
    QFETCH(QString, mentions);

    const Projection projection = Projector::apply(current, event);
    QVERIFY(!projection);
    QVERIFY2(projection.error().contains(mentions), qPrintable(projection.error()));
}

QTEST_GUILESS_MAIN(TestProjector)
#include "tst_projector.moc"
