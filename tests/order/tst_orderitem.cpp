// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/orderitem.h"

#include "ordertestsupport.h"
#include "testjson.h"

#include <QJsonArray>
#include <QtTest/QTest>

#include <functional>

using namespace OrderFixtures;

class TestOrderItem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void defaultsAreLeftOut();
    void defaultsWhenAbsent();
    void quantityBounds_data();
    void quantityBounds();
    void invalid_data();
    void invalid();
    void invalidWithoutErrorPointer();
    void equality();
};

void TestOrderItem::roundTrip_data()
{
    QTest::addColumn<OrderItem>("item");

    QTest::newRow("every field") << burger();
    QTest::newRow("name only") << fries();
    OrderItem seated = fries();
    seated.seat = 4;
    seated.quantity = 999;
    QTest::newRow("seat, no course") << seated;
    OrderItem unicode;
    unicode.name = QStringLiteral("Crème brûlée \"maison\"");
    unicode.modifiers = {QString()};
    unicode.course = 3;
    QTest::newRow("quotes, accents, an empty modifier") << unicode;
}

void TestOrderItem::roundTrip()
{
    QFETCH(OrderItem, item);

    const Result<OrderItem> parsed = OrderItem::fromJson(item.toJson());
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(*parsed, item);

    // Through text too, as it travels and is stored.
    QCOMPARE(OrderItem::fromJson(TestJson::throughText(item.toJson())).toOptional(),
             std::optional<OrderItem>(item));
}

void TestOrderItem::defaultsAreLeftOut()
{
    const QJsonObject json = fries().toJson();
    QCOMPARE(json.keys(), QStringList({QStringLiteral("name"), QStringLiteral("quantity")}));
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("Fries"));
    QCOMPARE(json.value(QStringLiteral("quantity")).toInt(), 1);

    const QJsonObject full = burger().toJson();
    QCOMPARE(full.value(QStringLiteral("modifiers")).toArray().size(), 2);
    QCOMPARE(full.value(QStringLiteral("allergens")).toArray().at(1).toString(),
             QStringLiteral("milk"));
    QCOMPARE(full.value(QStringLiteral("station")).toString(), QStringLiteral("grill"));
    QCOMPARE(full.value(QStringLiteral("seat")).toInt(), 3);
    QCOMPARE(full.value(QStringLiteral("course")).toInt(), 2);
}

void TestOrderItem::defaultsWhenAbsent()
{
    const auto item = OrderItem::fromJson({{QStringLiteral("name"), QStringLiteral("Tea")}});
    QVERIFY2(item, qPrintable(item.error()));
    QCOMPARE(item->quantity, 1);
    QCOMPARE(item->seat, 0);
    QCOMPARE(item->course, 0);
    QVERIFY(item->modifiers.isEmpty());
    QVERIFY(item->notes.isEmpty());

    // null reads as absent
    const auto withNulls = OrderItem::fromJson({{QStringLiteral("name"), QStringLiteral("Tea")},
                                                {QStringLiteral("quantity"), QJsonValue()}});
    QVERIFY2(withNulls, qPrintable(withNulls.error()));
    QCOMPARE(withNulls->quantity, 1);
}

void TestOrderItem::quantityBounds_data()
{
    QTest::addColumn<int>("quantity");
    QTest::addColumn<bool>("valid");

    QTest::newRow("-1") << -1 << false;
    QTest::newRow("0") << 0 << false;
    QTest::newRow("1") << 1 << true;
    QTest::newRow("999") << 999 << true;
    QTest::newRow("1000") << 1000 << false;
}

void TestOrderItem::quantityBounds()
{
    QFETCH(int, quantity);
    QFETCH(bool, valid);

    OrderItem item = fries();
    item.quantity = quantity;
    const auto parsed = OrderItem::fromJson(item.toJson());
    const QString &error = parsed.error();
    QCOMPARE(parsed.ok(), valid);
    if (valid) {
        QCOMPARE(parsed->quantity, quantity);
    } else {
        QVERIFY2(error.contains(QStringLiteral("quantity %1").arg(quantity)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("Fries")), qPrintable(error));
    }
}

void TestOrderItem::invalid_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentions");

    const auto with = [](const QString &key, const QJsonValue &value) {
        return TestJson::with(burger().toJson(), key, value);
    };
    QJsonObject nameless = burger().toJson();
    nameless.remove(QStringLiteral("name"));

    QTest::newRow("no name") << nameless << QStringLiteral("\"name\" is missing");
    QTest::newRow("empty name") << with(QStringLiteral("name"), QString())
                                << QStringLiteral("name is empty");
    QTest::newRow("blank name") << with(QStringLiteral("name"), QStringLiteral("  "))
                                << QStringLiteral("name is empty");
    QTest::newRow("name a number")
        << with(QStringLiteral("name"), 7) << QStringLiteral("\"name\" must be a string");
    QTest::newRow("quantity fractional") << with(QStringLiteral("quantity"), 1.5)
                                         << QStringLiteral("\"quantity\" must be an integer");
    QTest::newRow("quantity a string") << with(QStringLiteral("quantity"), QStringLiteral("2"))
                                       << QStringLiteral("\"quantity\" must be an integer");
    QTest::newRow("quantity beyond int") << with(QStringLiteral("quantity"), 1e12)
                                         << QStringLiteral("\"quantity\" must be a small integer");
    QTest::newRow("modifiers a string")
        << with(QStringLiteral("modifiers"), QStringLiteral("no onions"))
        << QStringLiteral("\"modifiers\" must be a list of strings");
    QTest::newRow("allergens with a number")
        << with(QStringLiteral("allergens"), QJsonArray {QStringLiteral("gluten"), 3})
        << QStringLiteral("\"allergens\" must be a list of strings");
    QTest::newRow("notes a list") << with(QStringLiteral("notes"), QJsonArray {})
                                  << QStringLiteral("\"notes\" must be a string");
    QTest::newRow("seat a string") << with(QStringLiteral("seat"), QStringLiteral("3"))
                                   << QStringLiteral("\"seat\" must be an integer");
    QTest::newRow("course a bool")
        << with(QStringLiteral("course"), true) << QStringLiteral("\"course\" must be an integer");
}

void TestOrderItem::invalid()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentions);

    const auto parsed = OrderItem::fromJson(json);
    QVERIFY(!parsed);
    const QString &error = parsed.error();
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1String("item")), qPrintable(error));
}

void TestOrderItem::invalidWithoutErrorPointer()
{
    QVERIFY(!OrderItem::fromJson({}));
}

void TestOrderItem::equality()
{
    const OrderItem base = burger();
    QCOMPARE(base, burger());
    QVERIFY(!(base != burger()));

    const QList<std::pair<const char *, std::function<void(OrderItem &)>>> changes {
        {"name", [](OrderItem &i) { i.name += QLatin1Char('!'); }},
        {"quantity", [](OrderItem &i) { ++i.quantity; }},
        {"modifiers", [](OrderItem &i) { i.modifiers.removeLast(); }},
        {"allergens", [](OrderItem &i) { i.allergens.append(QStringLiteral("egg")); }},
        {"notes", [](OrderItem &i) { i.notes.clear(); }},
        {"station", [](OrderItem &i) { i.station = QStringLiteral("fry"); }},
        {"seat", [](OrderItem &i) { i.seat = 0; }},
        {"course", [](OrderItem &i) { i.course = 1; }},
    };
    for (const auto &[field, change] : changes) {
        OrderItem other = base;
        change(other);
        QVERIFY2(other != base, field);
        QVERIFY2(!(other == base), field);
    }
}

QTEST_GUILESS_MAIN(TestOrderItem)
#include "tst_orderitem.moc"
