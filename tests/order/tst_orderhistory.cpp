// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OrderHistory: an order's events folded the way the platform sees them.
#include "order/orderhistory.h"

#include "ordertestsupport.h"

#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
const Order placedOrder = order(OrderState::Placed);

HistoryEntry entry(const OrderEvent &event, qint64 localSeq, std::optional<qint64> hubSeq,
                   bool rejected = false)
{
    return {event, localSeq, hubSeq, rejected};
}

OrderEvent placed()
{
    return OrderEvent::placed(placedOrder, Actor::platform(), QStringLiteral("platform"), t0);
}

OrderEvent move(OrderState from, OrderState to, const Actor &actor, qint64 at)
{
    return OrderEvent::transition(placedOrder.id, placedOrder.storeId, from, to, actor,
                                  QStringLiteral("console-1"), at, QStringLiteral("test"));
}
} // namespace

class TestOrderHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comesBefore_data();
    void comesBefore();
    void thePlatformsOrderOvertakesALocalStep();
    void aRefusedEventNeverHappened();
    void aConfirmedEventThatDoesNotFitIsAProblem();
};

void TestOrderHistory::comesBefore_data()
{
    QTest::addColumn<qint64>("aHub"); // 0: the platform has not logged it
    QTest::addColumn<qint64>("aLocal");
    QTest::addColumn<qint64>("bHub");
    QTest::addColumn<qint64>("bLocal");
    QTest::addColumn<bool>("before");
    QTest::newRow("logged before not yet logged") << 9LL << 9LL << 0LL << 1LL << true;
    QTest::newRow("not yet logged after logged") << 0LL << 1LL << 9LL << 9LL << false;
    QTest::newRow("both logged: the platform's order") << 2LL << 9LL << 3LL << 1LL << true;
    QTest::newRow("both logged, later") << 3LL << 1LL << 2LL << 9LL << false;
    QTest::newRow("neither logged: the local order") << 0LL << 1LL << 0LL << 2LL << true;
    QTest::newRow("the same place is not before itself") << 4LL << 4LL << 4LL << 4LL << false;
}

void TestOrderHistory::comesBefore()
{
    QFETCH(qint64, aHub);
    QFETCH(qint64, aLocal);
    QFETCH(qint64, bHub);
    QFETCH(qint64, bLocal);
    QFETCH(bool, before);
    const auto hub = [](qint64 seq) { return seq ? std::optional<qint64>(seq) : std::nullopt; };
    QCOMPARE(OrderHistory::comesBefore({hub(aHub), aLocal}, {hub(bHub), bLocal}), before);
}

void TestOrderHistory::thePlatformsOrderOvertakesALocalStep()
{
    // Staff accepted here (local 2) while the platform logged the customer's cancel (local 3,
    // platform #2) before it heard of the accept: the cancel stands, the accept no longer fits.
    const OrderEvent accept =
            move(OrderState::Placed, OrderState::Accepted, Actor::staff(QStringLiteral("ana")), t0 + 1);
    const OrderEvent cancel =
            move(OrderState::Placed, OrderState::Cancelled, Actor::platform(), t0 + 2);
    const HistoryFold fold = OrderHistory::fold(
            {entry(placed(), 1, 1), entry(accept, 2, std::nullopt), entry(cancel, 3, 2)});
    QVERIFY(fold.order);
    QCOMPARE(fold.order->state, OrderState::Cancelled);
    QCOMPARE(fold.superseded, QList<QUuid> {accept.id});
    QVERIFY(fold.problems.isEmpty());
}

void TestOrderHistory::aRefusedEventNeverHappened()
{
    const OrderEvent accept =
            move(OrderState::Placed, OrderState::Accepted, Actor::staff(QStringLiteral("ana")), t0 + 1);
    const HistoryFold fold =
            OrderHistory::fold({entry(placed(), 1, 1), entry(accept, 2, std::nullopt, true)});
    QVERIFY(fold.order);
    QCOMPARE(fold.order->state, OrderState::Placed);
    QVERIFY(fold.superseded.isEmpty());
    QVERIFY(fold.problems.isEmpty());
}

void TestOrderHistory::aConfirmedEventThatDoesNotFitIsAProblem()
{
    // The platform logged "ready" of an order it never saw accepted: a broken log, said so.
    const OrderEvent ready =
            move(OrderState::Preparing, OrderState::Ready, Actor::staff(QStringLiteral("ana")), t0 + 1);
    const HistoryFold fold = OrderHistory::fold({entry(placed(), 1, 1), entry(ready, 2, 2)});
    QVERIFY(fold.order);
    QCOMPARE(fold.order->state, OrderState::Placed);
    QCOMPARE(fold.problems.size(), 1);
    QVERIFY2(fold.problems.constFirst().contains(QStringLiteral("platform #2")),
             qPrintable(fold.problems.constFirst()));
}

QTEST_GUILESS_MAIN(TestOrderHistory)
#include "tst_orderhistory.moc"
