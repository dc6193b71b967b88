// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/ordermodel.h"
#include "guitestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

class TestOrderModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loadsOpenOrdersOldestFirst();
    void decodesATicketWhenItsItemsAreAsked();
    void insertsNewOrders();
    void updatesRowOnTransition();
    void walksOffTheBoard_data();
    void walksOffTheBoard();
    void removesRejectedOrders();
    void recallPutsItBackInPlace();
    void appliesIncomingBursts();
    void followsThePlatformsRefusals();
    void ticksAges();
    void exposesRoles();
    void findsRowsAndCountsStates();
    void aCancelledTicketStaysUntilAcknowledged();
    void changesAreMarkedAgainstWhatTheCookLastSaw();
    void ownCommandsAndUnstartedOrdersAreNotMarked();
    void marksSurviveAReload();
    void acknowledgeAllClearsEveryMark();

private:
    OrderModel &createModel();
    // The platform's events, applied by the engine before this returns.
    void fromPlatform(const QList<OrderEvent> &events);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<OrderModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOrderModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOrderModel::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestOrderModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fixture.reset();
}

OrderModel &TestOrderModel::createModel()
{
    m_model = std::make_unique<OrderModel>(m_fixture->engine(), m_fixture->clock());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return *m_model;
}

void TestOrderModel::fromPlatform(const QList<OrderEvent> &events)
{
    QSignalSpy drained(&m_fixture->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_fixture->fromPlatform(events);
    QVERIFY(drained.wait());
}

void TestOrderModel::loadsOpenOrdersOldestFirst()
{
    const Order first = m_fixture->place();
    const Order second = m_fixture->place();
    const Order closed = m_fixture->place();
    QVERIFY(
        m_fixture->engine()
            .reject(closed.id, Actor::staff(QStringLiteral("cook")), QStringLiteral("Out of stock"))
            .ok);
    const Order third = m_fixture->place();

    OrderModel &model = createModel();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.orderAt(0).id, first.id);
    QCOMPARE(model.orderAt(1).id, second.id);
    QCOMPARE(model.orderAt(2).id, third.id);
    QCOMPARE(model.rowOf(second.id), 1);
    QCOMPARE(model.rowOf(closed.id), -1);
}

// Thousands of open tickets at start: sorting, counting and ages come from the store's columns;
// a ticket's body is decoded when its items are wanted (measured, painted), and then in full.
void TestOrderModel::decodesATicketWhenItsItemsAreAsked()
{
    const Order first = m_fixture->place();
    const Order second = m_fixture->place();
    QVERIFY(!first.items.isEmpty());

    OrderModel &model = createModel();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 2);
    QCOMPARE(model.index(1).data(OrderModel::NumberRole).toString(), second.number);
    QCOMPARE(model.index(1).data(OrderModel::StateRole).value<OrderState>(), OrderState::Placed);
    QVERIFY(model.headAt(0).items.isEmpty()); // not decoded yet
    QVERIFY(model.headAt(1).items.isEmpty());

    QCOMPARE(model.index(0).data(OrderModel::ItemsRole).value<QList<OrderItem>>(), first.items);
    QCOMPARE(model.headAt(0).items, first.items); // decoded once, kept
    QVERIFY(model.headAt(1).items.isEmpty());
    QCOMPARE(model.orderAt(1), second);
    QCOMPARE(model.index(1).data(OrderModel::CustomerRole).toString(), second.customerName);
}

void TestOrderModel::insertsNewOrders()
{
    m_fixture->place();
    OrderModel &model = createModel();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.isValid());

    const Order placed = m_fixture->place();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(OrderModel::OrderIdRole).toString(), placed.id);
    QCOMPARE(model.index(1).data(OrderModel::StateRole).value<OrderState>(), OrderState::Placed);
}

void TestOrderModel::updatesRowOnTransition()
{
    const Order order = m_fixture->place();
    m_fixture->place();
    OrderModel &model = createModel();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());

    QVERIFY(m_fixture->bump(order.id).ok);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(OrderModel::StateRole).value<OrderState>(), OrderState::Accepted);
    QCOMPARE(row.data(OrderModel::PromisedAtRole).toLongLong(),
             m_fixture->clock().nowMs() + 15 * 60'000);
    QCOMPARE(row.data(OrderModel::DueInMsRole).toLongLong(), 15 * 60'000);
}

void TestOrderModel::walksOffTheBoard_data()
{
    QTest::addColumn<OrderType>("type");
    QTest::addColumn<OrderState>("handedOver");
    QTest::newRow("pickup") << OrderType::Pickup << OrderState::PickedUp;
    QTest::newRow("delivery") << OrderType::Delivery << OrderState::OutForDelivery;
    QTest::newRow("dine-in") << OrderType::DineIn << OrderState::PickedUp;
}

void TestOrderModel::walksOffTheBoard()
{
    QFETCH(OrderType, type);
    QFETCH(OrderState, handedOver);
    const Order order = m_fixture->place(type);
    const Order other = m_fixture->place();
    OrderModel &model = createModel();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(removed.isValid());

    const QList<OrderState> steps {OrderState::Accepted, OrderState::Preparing, OrderState::Ready};
    for (OrderState expected : steps) {
        QVERIFY(m_fixture->bump(order.id).ok);
        QCOMPARE(model.orderAt(model.rowOf(order.id)).state, expected);
    }
    QCOMPARE(removed.count(), 0);

    QVERIFY(m_fixture->bump(order.id).ok);
    QCOMPARE(m_fixture->storedState(order.id), handedOver);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(order.id), -1);
    QCOMPARE(model.orderAt(0).id, other.id);
}

void TestOrderModel::removesRejectedOrders()
{
    m_fixture->place();
    const Order order = m_fixture->place();
    m_fixture->place();
    OrderModel &model = createModel();

    QVERIFY(
        m_fixture->engine()
            .reject(order.id, Actor::staff(QStringLiteral("cook")), QStringLiteral("Closing soon"))
            .ok);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(order.id), -1);
}

void TestOrderModel::recallPutsItBackInPlace()
{
    const Order first = m_fixture->place(OrderType::Pickup);
    const Order middle = m_fixture->place(OrderType::Pickup);
    const Order last = m_fixture->place(OrderType::Pickup);
    OrderModel &model = createModel();
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_fixture->bump(middle.id).ok);
    QCOMPARE(model.rowCount(), 2);

    const CommandResult recalled =
        m_fixture->engine().recall(middle.id, Actor::staff(QStringLiteral("cook")));
    QVERIFY2(recalled.ok, qUtf8Printable(recalled.message));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(first.id), 0);
    QCOMPARE(model.rowOf(middle.id), 1);
    QCOMPARE(model.rowOf(last.id), 2);
    QCOMPARE(model.orderAt(1).state, OrderState::Ready);
}

void TestOrderModel::appliesIncomingBursts()
{
    OrderModel &model = createModel();
    OrderGenerator generator(QStringLiteral("store-1"), 99);
    QList<IncomingEvent> burst;
    for (int i = 0; i < 250; ++i) {
        const Order order = generator.next(m_fixture->clock().nowMs());
        const IncomingEvent incoming{
                QStringLiteral("platform"), QStringLiteral("m-%1").arg(i),
                OrderEvent::placed(order, Actor::platform(), QStringLiteral("platform"),
                                   m_fixture->clock().nowMs() + i),
                std::nullopt, {}};
        burst.append(incoming);
    }
    QSignalSpy drained(&m_fixture->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_fixture->engine().applyIncoming(burst);
    QTRY_COMPARE(drained.count(), 1);
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.orderAt(0).number, QStringLiteral("101"));
    QCOMPARE(model.orderAt(249).number, QStringLiteral("350"));
}

void TestOrderModel::followsThePlatformsRefusals()
{
    const Order order = m_fixture->place();
    const Order other = m_fixture->place();
    OrderModel &model = createModel();
    const CommandResult accepted = m_fixture->bump(order.id);
    QVERIFY(accepted.ok);
    QCOMPARE(model.orderAt(0).state, OrderState::Accepted);

    // The platform refuses the accept: the ticket goes back, although its event count drops.
    m_fixture->engine().rejectByPlatform(accepted.event.id, QStringLiteral("store is paused"));
    QCOMPARE(model.orderAt(0).state, OrderState::Placed);
    QCOMPARE(model.orderAt(0).eventCount, 1);

    // The platform refuses a placement made here: the order never existed, the ticket goes.
    const QList<OrderEvent> events = m_fixture->store().events(other.id);
    m_fixture->engine().rejectByPlatform(events.constFirst().id, QStringLiteral("unknown menu"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(other.id), -1);
}

void TestOrderModel::ticksAges()
{
    m_fixture->place();
    m_fixture->place();
    OrderModel &model = createModel();
    QCOMPARE(model.tickIntervalMs(), OrderModel::defaultTickIntervalMs);
    const qint64 before = model.index(0).data(OrderModel::AgeMsRole).toLongLong();
    QCOMPARE(before, 30'000);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());
    model.setTickIntervalMs(10);
    m_fixture->clock().advanceMs(125'000);
    QTRY_VERIFY(!changed.isEmpty());
    const QList<QVariant> first = changed.constFirst();
    QCOMPARE(first.at(0).toModelIndex().row(), 0);
    QCOMPARE(first.at(1).toModelIndex().row(), 1);
    QVERIFY(first.at(2).value<QList<int>>().contains(OrderModel::AgeMsRole));
    QCOMPARE(model.index(0).data(OrderModel::AgeMsRole).toLongLong(), before + 125'000);
}

void TestOrderModel::exposesRoles()
{
    Order placed = m_fixture->place(OrderType::DineIn);
    OrderModel &model = createModel();
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(OrderModel::OrderIdRole).toString(), placed.id);
    QCOMPARE(row.data(OrderModel::NumberRole).toString(), placed.number);
    QCOMPARE(row.data(OrderModel::TypeRole).value<OrderType>(), OrderType::DineIn);
    QCOMPARE(row.data(OrderModel::CustomerRole).toString(), placed.customerName);
    QCOMPARE(row.data(OrderModel::ItemsRole).value<QList<OrderItem>>(), placed.items);
    QCOMPARE(row.data(OrderModel::OrderRole).value<Order>(), placed);
    QCOMPARE(row.data(OrderModel::PromisedAtRole).toLongLong(), 0);
    QVERIFY(!row.data(OrderModel::DueInMsRole).isValid());
    QVERIFY(row.data(Qt::DisplayRole).toString().contains(placed.number));
    QCOMPARE(model.roleNames().value(OrderModel::AgeMsRole), QByteArray("ageMs"));
}

void TestOrderModel::findsRowsAndCountsStates()
{
    // Several orders placed in the same millisecond: rowOf must still tell them apart.
    QList<Order> orders;
    for (int i = 0; i < 4; ++i)
        orders.append(m_fixture->place(std::nullopt, i == 0 ? 30'000 : 0));
    orders.append(m_fixture->place());
    OrderModel &model = createModel();
    const auto findsEach = [&model](const QList<Order> &expected) {
        for (const Order &order : expected) {
            const int row = model.rowOf(order.id);
            if (row < 0 || model.orderAt(row).id != order.id)
                return false;
        }
        return true;
    };
    QVERIFY(findsEach(orders));
    QCOMPARE(model.rowOf(orders.constLast().id), 4); // the only one placed later
    QCOMPARE(model.rowOf(QStringLiteral("no-such-order")), -1);
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 5);

    QVERIFY(m_fixture->bump(orders.at(2).id).ok);
    QVERIFY(m_fixture->bump(orders.at(3).id).ok);
    QVERIFY(m_fixture->bump(orders.at(3).id).ok);
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 3);
    QCOMPARE(model.stateCounts().value(OrderState::Accepted), 1);
    QCOMPARE(model.stateCounts().value(OrderState::Preparing), 1);
    QVERIFY(findsEach(orders));

    QVERIFY(m_fixture->engine()
                    .transition(orders.at(1).id, OrderState::Cancelled, Actor::platform(),
                                {QStringLiteral("customer"), 0})
                    .ok);
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 2);
    QCOMPARE(model.rowOf(orders.at(1).id), -1);
    orders.removeAt(1);
    QVERIFY(findsEach(orders));
    QCOMPARE(model.rowOf(orders.constLast().id), 3);

    model.reload();
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 2);
    QCOMPARE(model.stateCounts().value(OrderState::Preparing), 1);
    QVERIFY(findsEach(orders));
}

void TestOrderModel::aCancelledTicketStaysUntilAcknowledged()
{
    const Order order = m_fixture->place();
    const Order other = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    OrderModel &model = createModel();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(removed.isValid());
    QSignalSpy acknowledged(&model, &OrderModel::acknowledged);
    QVERIFY(acknowledged.isValid());

    fromPlatform({m_fixture->cancelledOnPlatform(order.id, QStringLiteral("No show"))});
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex row = model.index(model.rowOf(order.id));
    QCOMPARE(row.data(OrderModel::AttentionRole).value<OrderAttention::Kind>(),
             OrderAttention::Kind::Cancelled);
    QCOMPARE(row.data(OrderModel::StateRole).value<OrderState>(), OrderState::Cancelled);
    QVERIFY(row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>().isEmpty());
    QCOMPARE(model.attentionCount(), 1);
    // Counted as nothing open: the header's counts leave it out.
    QCOMPARE(model.stateCounts().value(OrderState::Accepted), 0);
    QCOMPARE(model.stateCounts().value(OrderState::Placed), 1);

    QVERIFY(!model.acknowledge(other.id)); // nothing to acknowledge there
    QVERIFY(model.acknowledge(order.id));
    QCOMPARE(acknowledged.count(), 1);
    QCOMPARE(acknowledged.constFirst().constFirst().toString(), order.id);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(order.id), -1);
    QCOMPARE(model.stateCounts().value(OrderState::Cancelled), 0);
    QVERIFY(!model.acknowledge(order.id));
}

void TestOrderModel::changesAreMarkedAgainstWhatTheCookLastSaw()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    const QList<OrderItem> seen = m_fixture->engine().order(order.id)->items;
    QVERIFY(seen.size() >= 2);
    OrderModel &model = createModel();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());

    // Two changes in a row: one more of the first line, then the last line taken away.
    QList<OrderItem> items = seen;
    items[0].quantity += 1;
    fromPlatform({m_fixture->modifiedOnPlatform(order.id, items)});
    items.removeLast();
    fromPlatform({m_fixture->modifiedOnPlatform(order.id, items)});
    QVERIFY(!changed.isEmpty());
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(OrderModel::AttentionRole).value<OrderAttention::Kind>(),
             OrderAttention::Kind::Changed);
    const auto changes = row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>();
    QCOMPARE(changes, ItemDiff::between(seen, items));
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ItemChange::Kind::QuantityChanged);
    QCOMPARE(changes.at(0).after, items.at(0)); // the line as the ticket shows it now
    QCOMPARE(changes.at(1).kind, ItemChange::Kind::Removed);
    QCOMPARE(changes.at(1).before, seen.constLast()); // drawn struck through
    QCOMPARE(row.data(OrderModel::PromiseMovedFromRole).toLongLong(), 0);
    QVERIFY(row.data(Qt::AccessibleTextRole).toString().endsWith(QStringLiteral("changed")));

    // Seen: the marks go. The next change is measured from here.
    QVERIFY(model.acknowledge(order.id));
    QCOMPARE(row.data(OrderModel::AttentionRole).value<OrderAttention::Kind>(),
             OrderAttention::Kind::None);
    QVERIFY(row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>().isEmpty());
    const qint64 promised = model.orderAt(0).promisedAt;
    fromPlatform({m_fixture->etaMovedOnPlatform(order.id, promised + 600'000)});
    QCOMPARE(row.data(OrderModel::AttentionRole).value<OrderAttention::Kind>(),
             OrderAttention::Kind::Changed);
    QVERIFY(row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>().isEmpty());
    QCOMPARE(row.data(OrderModel::PromiseMovedFromRole).toLongLong(), promised);
    // Changed back to what the cook saw: nothing left to mark.
    fromPlatform({m_fixture->etaMovedOnPlatform(order.id, promised)});
    QCOMPARE(model.attention(order.id), OrderAttention::Kind::None);
}

void TestOrderModel::ownCommandsAndUnstartedOrdersAreNotMarked()
{
    const Order unstarted = m_fixture->place();
    const Order started = m_fixture->place();
    QVERIFY(m_fixture->bump(started.id).ok);
    OrderModel &model = createModel();
    // Nobody is cooking it yet: a change simply shows.
    OrderItem extra;
    extra.name = QStringLiteral("Extra fries");
    extra.station = QStringLiteral("fry");
    const QList<OrderItem> items = unstarted.items + QList {extra};
    fromPlatform({m_fixture->modifiedOnPlatform(unstarted.id, items)});
    QCOMPARE(model.orderAt(model.rowOf(unstarted.id)).items, items);
    QCOMPARE(model.attention(unstarted.id), OrderAttention::Kind::None);
    // The cook's own delay, bump and reject mark nothing.
    QVERIFY(m_fixture->engine().delay(started.id, 10, Actor::staff(QStringLiteral("cook"))).ok);
    QVERIFY(m_fixture->bump(started.id).ok);
    QVERIFY(m_fixture->engine()
                .reject(unstarted.id, Actor::staff(QStringLiteral("cook")),
                        QStringLiteral("Closing soon"))
                .ok);
    QCOMPARE(model.attentionCount(), 0);
    QCOMPARE(model.rowOf(unstarted.id), -1);
}

void TestOrderModel::marksSurviveAReload()
{
    const Order cancelled = m_fixture->place();
    const Order changed = m_fixture->place();
    QVERIFY(m_fixture->bump(cancelled.id).ok);
    QVERIFY(m_fixture->bump(changed.id).ok);
    OrderModel &model = createModel();
    OrderItem extra;
    extra.name = QStringLiteral("Extra fries");
    extra.station = QStringLiteral("fry");
    fromPlatform({m_fixture->cancelledOnPlatform(cancelled.id),
                  m_fixture->modifiedOnPlatform(changed.id, changed.items + QList {extra})});
    QCOMPARE(model.attentionCount(), 2);

    model.reload(); // a resync, a new scheduled-order lead
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(cancelled.id), 0);
    QCOMPARE(model.attention(cancelled.id), OrderAttention::Kind::Cancelled);
    QCOMPARE(model.attention(changed.id), OrderAttention::Kind::Changed);
    QCOMPARE(model.stateCounts().value(OrderState::Cancelled), 1);
}

void TestOrderModel::acknowledgeAllClearsEveryMark()
{
    QList<Order> orders;
    for (int i = 0; i < 5; ++i) {
        orders.append(m_fixture->place());
        QVERIFY(m_fixture->bump(orders.constLast().id).ok);
    }
    OrderModel &model = createModel();
    QSignalSpy attention(&model, &OrderModel::attentionChanged);
    QVERIFY(attention.isValid());
    QList<OrderEvent> events;
    for (int i = 0; i < 3; ++i)
        events.append(m_fixture->cancelledOnPlatform(orders.at(i).id));
    OrderItem extra;
    extra.name = QStringLiteral("Extra fries");
    extra.station = QStringLiteral("fry");
    events.append(
        m_fixture->modifiedOnPlatform(orders.at(3).id, orders.at(3).items + QList {extra}));
    fromPlatform(events);
    QCOMPARE(model.attentionCount(), 4);
    QVERIFY(!attention.isEmpty());
    model.acknowledgeAll();
    QCOMPARE(model.attentionCount(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.attention(orders.at(3).id), OrderAttention::Kind::None);
}

QTEST_MAIN(TestOrderModel)
#include "tst_ordermodel.moc"
