// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/itemrouting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

namespace {
OrderItem line(const QString &name, const QString &station = {})
{
    OrderItem item;
    item.name = name;
    item.station = station;
    return item;
}

QStringList stationsOf(const QList<OrderItem> &items)
{
    QStringList stations;
    for (const OrderItem &item : items)
        stations.append(item.station);
    return stations;
}

const QList<StationRoute> routes {{QStringLiteral("shake"), QStringLiteral("bar")},
                                  {QStringLiteral("fries"), QStringLiteral("fry")},
                                  {QStringLiteral("sweet potato fries"), QStringLiteral("grill")}};
} // namespace

// Which station a line goes to by the store's routes: the first rule whose words the name
// contains, case aside; a line no rule takes keeps the station its source gave it.
class TestItemRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFirstMatchingRouteWins();
    void aLineNoRouteTakesKeepsItsStation();
    void noRoutesChangeNothing();
    void stationsAloneAreNotAChange();
    void linesAsJsonKeepTheirOtherFields();
};

void TestItemRouting::theFirstMatchingRouteWins()
{
    QCOMPARE(ItemRouting::stationFor(QStringLiteral("Vanilla SHAKE"), routes), QStringLiteral("bar"));
    // "fries" comes before the longer rule, so it takes sweet potato fries too: order matters,
    // and the manager sees the rules in this order.
    QCOMPARE(ItemRouting::stationFor(QStringLiteral("Sweet potato fries"), routes),
             QStringLiteral("fry"));
    QCOMPARE(ItemRouting::stationFor(QStringLiteral("Salad"), routes), QString());
}

void TestItemRouting::aLineNoRouteTakesKeepsItsStation()
{
    const QList<OrderItem> items {line(QStringLiteral("Shake"), QStringLiteral("cold")),
                                  line(QStringLiteral("Salad"), QStringLiteral("cold")),
                                  line(QStringLiteral("Burger"))};
    const QList<OrderItem> result = ItemRouting::routed(items, routes);
    QCOMPARE(stationsOf(result), QStringList({QStringLiteral("bar"), QStringLiteral("cold"), QString()}));
    QCOMPARE(result.at(0).name, QStringLiteral("Shake")); // nothing but the station changes
}

void TestItemRouting::noRoutesChangeNothing()
{
    const QList<OrderItem> items {line(QStringLiteral("Shake"), QStringLiteral("cold"))};
    QCOMPARE(ItemRouting::routed(items, {}), items);
}

void TestItemRouting::stationsAloneAreNotAChange()
{
    const QList<OrderItem> held {line(QStringLiteral("Shake"), QStringLiteral("bar"))};
    QVERIFY(ItemRouting::sameApartFromStations({line(QStringLiteral("Shake"))}, held));
    OrderItem more = line(QStringLiteral("Shake"));
    more.quantity = 2;
    QVERIFY(!ItemRouting::sameApartFromStations({more}, held));
    QVERIFY(!ItemRouting::sameApartFromStations({line(QStringLiteral("Shake")), more}, held));
}

void TestItemRouting::linesAsJsonKeepTheirOtherFields()
{
    const QJsonArray items = QJsonDocument::fromJson(R"([
        {"name": "Berry Shake", "station": "cold", "quantity": 2, "extra": "kept"},
        {"name": "Salad"},
        "not a line"
    ])").array();
    const QJsonArray result = ItemRouting::routed(items, routes);
    QCOMPARE(result.size(), 3);
    QJsonObject shake = items.at(0).toObject();
    shake.insert(QStringLiteral("station"), QStringLiteral("bar"));
    QCOMPARE(result.at(0).toObject(), shake);
    QCOMPARE(result.at(1), items.at(1)); // no route: as it came, without a station
    QCOMPARE(result.at(2), items.at(2)); // the reader refuses it, not the router
}

QTEST_GUILESS_MAIN(TestItemRouting)
#include "tst_itemrouting.moc"
