// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/orderstate.h"

#include "ordertestsupport.h"

#include <QtTest/QTest>

class TestOrderState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void statesInLifeOrder();
    void types_data();
    void types();
    void roles_data();
    void roles();
    void unknownNames_data();
    void unknownNames();
};

void TestOrderState::states_data()
{
    QTest::addColumn<OrderState>("state");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<bool>("final");
    QTest::addColumn<bool>("open");

    // Wire names from DESIGN.md; final: no transition leaves; open: the kitchen still has work.
    QTest::newRow("placed") << OrderState::Placed << QStringLiteral("placed") << false << true;
    QTest::newRow("accepted") << OrderState::Accepted << QStringLiteral("accepted") << false
                              << true;
    QTest::newRow("preparing") << OrderState::Preparing << QStringLiteral("preparing") << false
                               << true;
    QTest::newRow("ready") << OrderState::Ready << QStringLiteral("ready") << false << true;
    QTest::newRow("picked_up") << OrderState::PickedUp << QStringLiteral("picked_up") << false
                               << false;
    QTest::newRow("out_for_delivery")
        << OrderState::OutForDelivery << QStringLiteral("out_for_delivery") << false << false;
    QTest::newRow("delivered") << OrderState::Delivered << QStringLiteral("delivered") << false
                               << false;
    QTest::newRow("rejected") << OrderState::Rejected << QStringLiteral("rejected") << true
                              << false;
    QTest::newRow("cancelled") << OrderState::Cancelled << QStringLiteral("cancelled") << false
                               << false;
    QTest::newRow("refunded") << OrderState::Refunded << QStringLiteral("refunded") << true
                              << false;
}

void TestOrderState::states()
{
    QFETCH(OrderState, state);
    QFETCH(QString, wire);
    QFETCH(bool, final);
    QFETCH(bool, open);

    QCOMPARE(OrderStates::toString(state), wire);
    QCOMPARE(OrderStates::fromString(wire), std::optional<OrderState>(state));
    QCOMPARE(OrderStates::isFinal(state), final);
    QCOMPARE(OrderStates::isOpen(state), open);
    QVERIFY(!OrderStates::displayName(state).isEmpty());

    Order order;
    order.state = state;
    QCOMPARE(order.isOpen(), open);
}

void TestOrderState::statesInLifeOrder()
{
    const QList<OrderState> expected {
        OrderState::Placed,    OrderState::Accepted, OrderState::Preparing,
        OrderState::Ready,     OrderState::PickedUp, OrderState::OutForDelivery,
        OrderState::Delivered, OrderState::Rejected, OrderState::Cancelled,
        OrderState::Refunded,
    };
    QCOMPARE(OrderStates::all(), expected);
    QCOMPARE(OrderTypes::all(),
             QList<OrderType>({OrderType::Pickup, OrderType::Delivery, OrderType::DineIn}));
    QCOMPARE(ActorRoles::all().size(), 6);
}

void TestOrderState::types_data()
{
    QTest::addColumn<OrderType>("type");
    QTest::addColumn<QString>("wire");

    QTest::newRow("pickup") << OrderType::Pickup << QStringLiteral("pickup");
    QTest::newRow("delivery") << OrderType::Delivery << QStringLiteral("delivery");
    QTest::newRow("dine_in") << OrderType::DineIn << QStringLiteral("dine_in");
}

void TestOrderState::types()
{
    QFETCH(OrderType, type);
    QFETCH(QString, wire);

    QCOMPARE(OrderTypes::toString(type), wire);
    QCOMPARE(OrderTypes::fromString(wire), std::optional<OrderType>(type));
    QVERIFY(!OrderTypes::displayName(type).isEmpty());
}

void TestOrderState::roles_data()
{
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<QString>("wire");

    QTest::newRow("staff") << ActorRole::Staff << QStringLiteral("staff");
    QTest::newRow("manager") << ActorRole::Manager << QStringLiteral("manager");
    QTest::newRow("pos") << ActorRole::Pos << QStringLiteral("pos");
    QTest::newRow("platform") << ActorRole::Platform << QStringLiteral("platform");
    QTest::newRow("auto_accept") << ActorRole::AutoAccept << QStringLiteral("auto_accept");
    QTest::newRow("system") << ActorRole::System << QStringLiteral("system");
}

void TestOrderState::roles()
{
    QFETCH(ActorRole, role);
    QFETCH(QString, wire);

    QCOMPARE(ActorRoles::toString(role), wire);
    QCOMPARE(ActorRoles::fromString(wire), std::optional<ActorRole>(role));
    QVERIFY(ActorRoles::all().contains(role));
    QVERIFY(!ActorRoles::displayName(role).isEmpty());
}

void TestOrderState::unknownNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Placed");
    QTest::newRow("upper case") << QStringLiteral("PICKUP");
    QTest::newRow("hyphen") << QStringLiteral("picked-up");
    QTest::newRow("space") << QStringLiteral("out for delivery");
    QTest::newRow("padded") << QStringLiteral(" ready");
    QTest::newRow("display name") << QStringLiteral("dine-in");
    QTest::newRow("role display name") << QStringLiteral("auto-accept");
    QTest::newRow("with id") << QStringLiteral("staff:ana");
    QTest::newRow("made up") << QStringLiteral("cook");
}

void TestOrderState::unknownNames()
{
    QFETCH(QString, name);

    QCOMPARE(OrderStates::fromString(name), std::nullopt);
    QCOMPARE(OrderTypes::fromString(name), std::nullopt);
    QCOMPARE(ActorRoles::fromString(name), std::nullopt);
}

QTEST_GUILESS_MAIN(TestOrderState)
#include "tst_orderstate.moc"
