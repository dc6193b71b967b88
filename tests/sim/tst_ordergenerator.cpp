// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/ordergenerator.h"

#include <QSet>
#include <QTest>
#include <QUuid>

class TestOrderGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersAreValidAndVaried();
    void sameSeedGivesSameOrders();
    void idNamespaceGivesOtherIdsOnly();
    void numbersGoOnFromTheNextNumber();
};

void TestOrderGenerator::ordersAreValidAndVaried()
{
    OrderGenerator generator(QStringLiteral("store-1"), 7);
    QSet<OrderType> types;
    QSet<QString> stations;
    QSet<QString> ids;
    bool sawAllergen = false;
    bool sawModifier = false;
    for (int i = 0; i < 200; ++i) {
        const Order order = generator.next(1000 + i);
        // What the generator makes must pass the same validation as the wire.
        const Result<Order> parsed = Order::fromJson(order.toJson());
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(*parsed, order);
        QCOMPARE(order.storeId, QStringLiteral("store-1"));
        QCOMPARE(order.number, QString::number(101 + i));
        QVERIFY(!order.items.isEmpty());
        QCOMPARE(order.type == OrderType::DineIn, !order.table.isEmpty());
        types.insert(order.type);
        ids.insert(order.id);
        for (const OrderItem &item : order.items) {
            QVERIFY(!item.station.isEmpty());
            stations.insert(item.station);
            sawAllergen = sawAllergen || !item.allergens.isEmpty();
            sawModifier = sawModifier || !item.modifiers.isEmpty();
        }
    }
    QCOMPARE(types.size(), 3);
    QCOMPARE(ids.size(), 200);
    QVERIFY(stations.size() >= 4);
    QVERIFY(sawAllergen);
    QVERIFY(sawModifier);
}

void TestOrderGenerator::sameSeedGivesSameOrders()
{
    OrderGenerator a(QStringLiteral("store-1"), 42);
    OrderGenerator b(QStringLiteral("store-1"), 42);
    OrderGenerator c(QStringLiteral("store-1"), 43);
    const Order first = a.next(5);
    QCOMPARE(b.next(5), first);
    QVERIFY(c.next(5).id != first.id);
}

// The seed says what is ordered; a run's own id namespace keeps its ids apart from another run's.
void TestOrderGenerator::idNamespaceGivesOtherIdsOnly()
{
    OrderGenerator plain(QStringLiteral("store-1"), 42);
    OrderGenerator thisRun(QStringLiteral("store-1"), 42);
    OrderGenerator nextRun(QStringLiteral("store-1"), 42);
    thisRun.setIdNamespace(QUuid::createUuid());
    nextRun.setIdNamespace(QUuid::createUuid());
    for (int i = 0; i < 20; ++i) {
        const Order reference = plain.next(5);
        Order a = thisRun.next(5);
        Order b = nextRun.next(5);
        QVERIFY(a.id != reference.id);
        QVERIFY(b.id != reference.id);
        QVERIFY(a.id != b.id);
        a.id = reference.id;
        b.id = reference.id;
        QCOMPARE(a, reference);
        QCOMPARE(b, reference);
    }
}

void TestOrderGenerator::numbersGoOnFromTheNextNumber()
{
    OrderGenerator generator(QStringLiteral("store-1"), 7);
    QCOMPARE(generator.next(5).number, QStringLiteral("101"));
    generator.setNextNumber(2000);
    QCOMPARE(generator.next(5).number, QStringLiteral("2000"));
    QCOMPARE(generator.next(5).number, QStringLiteral("2001"));
}

QTEST_GUILESS_MAIN(TestOrderGenerator)
#include "tst_ordergenerator.moc"
