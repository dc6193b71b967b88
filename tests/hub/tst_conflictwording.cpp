// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ConflictWording: what staff read when the hub's log got there first.
#include "hubtestsupport.h"

#include "hub/conflictwording.h"

#include <QTest>

class TestConflictWording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describes_data();
    void describes();
};

void TestConflictWording::describes_data()
{
    QTest::addColumn<OrderEvent>("event");
    QTest::addColumn<OrderState>("now");
    QTest::addColumn<QString>("expected");

    Order order = HubTest::order(QStringLiteral("s"), QStringLiteral("123"), OrderType::Delivery);
    const qint64 at = HubTest::startMs() + 31 * 60 * 1000; // 12:31 UTC
    QTest::newRow("customer cancel")
        << HubTest::transition(order, OrderState::Accepted, OrderState::Cancelled,
                               Actor::platform(), at, QStringLiteral("changed plans"))
        << OrderState::Cancelled
        << QStringLiteral("Order 123 was cancelled by the customer at 12:31 UTC (changed plans); "
                          "it is cancelled now.");
    QTest::newRow("courier")
        << HubTest::transition(order, OrderState::Ready, OrderState::OutForDelivery,
                               Actor::platform(), at)
        << OrderState::OutForDelivery
        << QStringLiteral("Order 123 was moved to out for delivery by the courier at 12:31 UTC; "
                          "it is out for delivery now.");
    QTest::newRow("another console")
        << HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                               Actor::staff(QStringLiteral("ben")), at)
        << OrderState::Preparing
        << QStringLiteral("Order 123 was moved to preparing by staff member ben at 12:31 UTC; it "
                          "is preparing now.");
    QTest::newRow("pos rejected")
        << HubTest::transition(order, OrderState::Placed, OrderState::Rejected,
                               Actor::pos(QStringLiteral("square")), at, QStringLiteral("closed"))
        << OrderState::Rejected
        << QStringLiteral("Order 123 was rejected by the POS (square) at 12:31 UTC (closed); it is "
                          "rejected now.");
    OrderEvent station = OrderEvent::stationBumped(order, QStringLiteral("grill"), true,
                                                   Actor::staff(QStringLiteral("ben")),
                                                   QStringLiteral("grill-1"), at);
    QTest::newRow("station bump")
        << station << OrderState::Preparing
        << QStringLiteral("Order 123 had grill marked done by staff member ben at 12:31 UTC; it "
                          "is preparing now.");
}

void TestConflictWording::describes()
{
    QFETCH(OrderEvent, event);
    QFETCH(OrderState, now);
    QFETCH(QString, expected);
    Order order = HubTest::order(QStringLiteral("s"), QStringLiteral("123"));
    order.state = now;
    QCOMPARE(ConflictWording::describe(order, event), expected);
}

QTEST_GUILESS_MAIN(TestConflictWording)
#include "tst_conflictwording.moc"
