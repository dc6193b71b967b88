// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/order.h"

#include "ordertestsupport.h"
#include "testjson.h"

#include <QJsonArray>
#include <QtTest/QTest>

#include <functional>

using namespace OrderFixtures;

class TestOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireForm();
    void optionalFieldsLeftOut();
    void stateDefaultsToPlaced();
    void invalid_data();
    void invalid();
    void equality();
};

void TestOrder::roundTrip_data()
{
    QTest::addColumn<Order>("order");

    QTest::newRow("every field") << fullOrder();
    QTest::newRow("just placed") << order(OrderState::Placed);
    Order delivery = order(OrderState::OutForDelivery, OrderType::Delivery);
    delivery.storeId.clear();
    delivery.promisedAt = t0 + 40 * minuteMs;
    QTest::newRow("delivery, no store") << delivery;
    Order many = order(OrderState::Cancelled, OrderType::DineIn);
    many.items = QList<OrderItem>(500, burger());
    many.lastReason = QStringLiteral("kitchen fire");
    QTest::newRow("500 items") << many;
    Order scheduled = order(OrderState::Placed);
    scheduled.scheduledFor = t0 + 90 * minuteMs;
    QTest::newRow("scheduled") << scheduled;
}

void TestOrder::roundTrip()
{
    QFETCH(Order, order);

    const Result<Order> parsed = Order::fromJson(order.toJson());
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(*parsed, order);

    QCOMPARE(Order::fromJson(TestJson::throughText(order.toJson())).toOptional(),
             std::optional<Order>(order));
}

void TestOrder::wireForm()
{
    const QJsonObject json = fullOrder().toJson();
    QCOMPARE(json.value(QStringLiteral("id")).toString(), QStringLiteral("ord-abc"));
    QCOMPARE(json.value(QStringLiteral("store_id")).toString(), QStringLiteral("store-x"));
    QCOMPARE(json.value(QStringLiteral("number")).toString(), QStringLiteral("417"));
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("dine_in"));
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
    QCOMPARE(json.value(QStringLiteral("items")).toArray().size(), 2);
    QCOMPARE(json.value(QStringLiteral("customer_name")).toString(), QStringLiteral("Ana"));
    QCOMPARE(json.value(QStringLiteral("table")).toString(), QStringLiteral("T12"));
    QCOMPARE(json.value(QStringLiteral("source")).toString(), QStringLiteral("pos:square"));
    QCOMPARE(json.value(QStringLiteral("last_reason")).toString(),
             QStringLiteral("customer asked"));
    QCOMPARE(json.value(QStringLiteral("notes")).toArray().size(), 2);
    QCOMPARE(json.value(QStringLiteral("placed_at")).toInteger(), t0);
    QCOMPARE(json.value(QStringLiteral("state_since")).toInteger(), t0 + 5 * minuteMs);
    QCOMPARE(json.value(QStringLiteral("promised_at")).toInteger(), t0 + 20 * minuteMs);
    QCOMPARE(json.value(QStringLiteral("updated_at")).toInteger(), t0 + 6 * minuteMs);
    QCOMPARE(json.value(QStringLiteral("event_count")).toInt(), 4);
    QCOMPARE(json.value(QStringLiteral("last_event_id")).toString(),
             QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
}

void TestOrder::optionalFieldsLeftOut()
{
    const QJsonObject json = order(OrderState::Placed).toJson();
    for (const char *key : {"customer_name", "table", "source", "last_reason", "notes",
                            "promised_at", "last_event_id", "scheduled_for"}) {
        QVERIFY2(!json.contains(QLatin1String(key)), key);
    }
}

void TestOrder::stateDefaultsToPlaced()
{
    QJsonObject json = order(OrderState::Ready).toJson();
    json.remove(QStringLiteral("state"));
    const auto parsed = Order::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(parsed->state, OrderState::Placed);
}

void TestOrder::invalid_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentions");

    const QJsonObject good = order(OrderState::Preparing).toJson();
    const auto with = [&good](const QString &key, const QJsonValue &value) {
        return TestJson::with(good, key, value);
    };
    const auto without = [&good](const QString &key) { return TestJson::without(good, key); };
    const auto itemWith = [&with](const QString &key, const QJsonValue &value) {
        return with(QStringLiteral("items"),
                    QJsonArray {burger().toJson(), TestJson::with(fries().toJson(), key, value)});
    };

    QTest::newRow("empty items") << with(QStringLiteral("items"), QJsonArray())
                                 << QStringLiteral("0 items");
    QTest::newRow("no items") << without(QStringLiteral("items"))
                              << QStringLiteral("\"items\" must be a list");
    QTest::newRow("items an object") << with(QStringLiteral("items"), fries().toJson())
                                     << QStringLiteral("\"items\" must be a list");
    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.append(fries().toJson());
    QTest::newRow("501 items") << with(QStringLiteral("items"), tooMany)
                               << QStringLiteral("501 items");
    QTest::newRow("item not an object")
        << with(QStringLiteral("items"), QJsonArray {fries().toJson(), QStringLiteral("Fries")})
        << QStringLiteral("an item is not an object");
    QTest::newRow("item quantity 0")
        << itemWith(QStringLiteral("quantity"), 0) << QStringLiteral("quantity 0");
    QTest::newRow("item quantity 1000")
        << itemWith(QStringLiteral("quantity"), 1000) << QStringLiteral("quantity 1000");
    QTest::newRow("item without name")
        << itemWith(QStringLiteral("name"), QJsonValue()) << QStringLiteral("\"name\" is missing");
    QTest::newRow("unknown type") << with(QStringLiteral("type"), QStringLiteral("drive_thru"))
                                  << QStringLiteral("unknown order type \"drive_thru\"");
    QTest::newRow("no type") << without(QStringLiteral("type"))
                             << QStringLiteral("\"type\" is missing");
    QTest::newRow("unknown state") << with(QStringLiteral("state"), QStringLiteral("lost"))
                                   << QStringLiteral("unknown state \"lost\"");
    QTest::newRow("empty id") << with(QStringLiteral("id"), QString())
                              << QStringLiteral("id is empty");
    QTest::newRow("blank id") << with(QStringLiteral("id"), QStringLiteral(" "))
                              << QStringLiteral("id is empty");
    QTest::newRow("no id") << without(QStringLiteral("id")) << QStringLiteral("\"id\" is missing");
    QTest::newRow("no number") << without(QStringLiteral("number"))
                               << QStringLiteral("\"number\" is missing");
    QTest::newRow("number a number")
        << with(QStringLiteral("number"), 417) << QStringLiteral("\"number\" must be a string");
    QTest::newRow("placed_at a string") << with(QStringLiteral("placed_at"), QStringLiteral("1"))
                                        << QStringLiteral("\"placed_at\" must be an integer");
    QTest::newRow("notes not a list") << with(QStringLiteral("notes"), QStringLiteral("hi"))
                                      << QStringLiteral("\"notes\" must be a list of strings");
    QTest::newRow("bad last_event_id")
        << with(QStringLiteral("last_event_id"), QStringLiteral("not-a-uuid"))
        << QStringLiteral("last_event_id is not a UUID");
    QTest::newRow("negative scheduled_for") << with(QStringLiteral("scheduled_for"), -5)
                                            << QStringLiteral("scheduled_for is negative");
    QTest::newRow("scheduled_for a string")
        << with(QStringLiteral("scheduled_for"), QStringLiteral("soon"))
        << QStringLiteral("\"scheduled_for\" must be an integer");
}

void TestOrder::invalid()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentions);

    const Result<Order> parsed = Order::fromJson(json);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

void TestOrder::equality()
{
    const Order base = fullOrder();
    QCOMPARE(base, fullOrder());
    QVERIFY(!(base != fullOrder()));

    const QList<std::pair<const char *, std::function<void(Order &)>>> changes {
        {"id", [](Order &o) { o.id = QStringLiteral("ord-abd"); }},
        {"storeId", [](Order &o) { o.storeId.clear(); }},
        {"number", [](Order &o) { o.number = QStringLiteral("418"); }},
        {"type", [](Order &o) { o.type = OrderType::Pickup; }},
        {"state", [](Order &o) { o.state = OrderState::PickedUp; }},
        {"items", [](Order &o) { o.items.last().quantity = 5; }},
        {"customerName", [](Order &o) { o.customerName = QStringLiteral("Bo"); }},
        {"table", [](Order &o) { o.table.clear(); }},
        {"source", [](Order &o) { o.source = QStringLiteral("demo"); }},
        {"lastReason", [](Order &o) { o.lastReason.clear(); }},
        {"notes", [](Order &o) { o.notes.swapItemsAt(0, 1); }},
        {"placedAt", [](Order &o) { o.placedAt += 1; }},
        {"stateSince", [](Order &o) { o.stateSince += 1; }},
        {"promisedAt", [](Order &o) { o.promisedAt = 0; }},
        {"scheduledFor", [](Order &o) { o.scheduledFor = 1; }},
        {"updatedAt", [](Order &o) { o.updatedAt -= 1; }},
        {"eventCount", [](Order &o) { o.eventCount = 5; }},
        {"lastEventId", [](Order &o) { o.lastEventId = QUuid(); }},
    };
    for (const auto &[field, change] : changes) {
        Order other = base;
        change(other);
        QVERIFY2(other != base, field);
        QVERIFY2(!(other == base), field);
    }
}

QTEST_GUILESS_MAIN(TestOrder)
#include "tst_order.moc"
