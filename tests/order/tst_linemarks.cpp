// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordertestsupport.h"

#include "order/orderevent.h"
#include "order/projector.h"
#include "order/stationrules.h"

#include <QJsonArray>
#include <QTest>

using namespace OrderFixtures;

// One line done at a time (item_done): the rules, how it folds into an order beside station
// bumps and modifications, and its wire form. grillFryCold's lines: 0 burger (grill), 1 fries
// (fry), 2 salad (cold), 3 veggie burger (grill).
class TestLineMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkLine_data();
    void checkLine();
    void lastLineOfAStationFinishesIt();
    void reopeningOneLineOfADoneStationKeepsTheOthers();
    void stationBumpAndReopenCoverTheirLines();
    void everyLineDoneIsAllDoneEvenWithoutAStation();
    void aStaleLineIsRefusedNotGuessed();
    void modificationKeepsUnchangedLinesDone();
    void aSurvivingTwinIsShownOpen();
    void placedOrderStartsWithNoLineDone();
    void wireRoundTrip();
    void wireRefusesABadPayload_data();
    void wireRefusesABadPayload();
    void orderJsonKeepsLinesDone();
    void orderJsonRefusesBadIndexes_data();
    void orderJsonRefusesBadIndexes();

private:
    static OrderEvent mark(const Order &order, int line, bool done);
    static Order apply(const Order &order, const OrderEvent &event);
    static OrderEvent modified(const QList<OrderItem> &items);
};

OrderEvent TestLineMarks::mark(const Order &order, int line, bool done)
{
    return OrderEvent::itemDone(order, line, done, Actor::staff(QStringLiteral("ana")),
                                QStringLiteral("grill-1"), t0 + minuteMs);
}

Order TestLineMarks::apply(const Order &order, const OrderEvent &event)
{
    const Projection p = Projector::apply(order, event);
    if (!p)
        qWarning("%s", qPrintable(p.error()));
    return p ? *p : order;
}

OrderEvent TestLineMarks::modified(const QList<OrderItem> &items)
{
    QJsonArray array;
    for (const OrderItem &item : items)
        array.append(item.toJson());
    OrderEvent event = makeEvent(EventKind::Modified);
    event.payload = {{QStringLiteral("items"), array}};
    return event;
}

void TestLineMarks::checkLine_data()
{
    QTest::addColumn<OrderState>("state");
    QTest::addColumn<QList<int>>("linesDone");
    QTest::addColumn<QStringList>("stationsDone");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("done");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QString>("reasonMentions");

    const QString fries = QStringLiteral("Fries");
    const QList<int> none;
    const QStringList noStation;
    QTest::newRow("preparing: mark") << OrderState::Preparing << none << noStation << 1 << fries
                                     << true << Refusal::None << QString();
    QTest::newRow("accepted: marking starts it") << OrderState::Accepted << none << noStation << 1
                                                 << fries << true << Refusal::None << QString();
    QTest::newRow("placed: not yet") << OrderState::Placed << none << noStation << 1 << fries << true
                                     << Refusal::NoSuchStep << QStringLiteral("being prepared");
    QTest::newRow("rejected: final") << OrderState::Rejected << none << noStation << 1 << fries
                                     << true << Refusal::FinalState << QStringLiteral("rejected");
    QTest::newRow("not twice") << OrderState::Preparing << QList<int> {1} << noStation << 1 << fries
                               << true << Refusal::AlreadyThere
                               << QStringLiteral("already marked done");
    QTest::newRow("done by its station") << OrderState::Preparing << none
                                         << QStringList {QStringLiteral("fry")} << 1 << fries
                                         << true << Refusal::AlreadyThere
                                         << QStringLiteral("already marked done");
    QTest::newRow("reopen done") << OrderState::Preparing << QList<int> {1} << noStation << 1
                                 << fries << false << Refusal::None << QString();
    QTest::newRow("reopen open") << OrderState::Preparing << none << noStation << 1 << fries
                                 << false << Refusal::AlreadyThere
                                 << QStringLiteral("still to make");
    QTest::newRow("reopen ready: recall first")
        << OrderState::Ready << QList<int> {1} << noStation << 1 << fries << false
        << Refusal::NoSuchStep << QStringLiteral("recall it first");
    QTest::newRow("another line's name") << OrderState::Preparing << none << noStation << 0 << fries
                                         << true << Refusal::NoSuchStep
                                         << QStringLiteral("no longer where it was");
    QTest::newRow("past the last line") << OrderState::Preparing << none << noStation << 4 << fries
                                        << true << Refusal::NoSuchStep << QStringLiteral("417");
    QTest::newRow("negative line") << OrderState::Preparing << none << noStation << -1 << fries
                                   << true << Refusal::NoSuchStep << QStringLiteral("417");
}

void TestLineMarks::checkLine()
{
    QFETCH(OrderState, state);
    QFETCH(QList<int>, linesDone);
    QFETCH(QStringList, stationsDone);
    QFETCH(int, line);
    QFETCH(QString, name);
    QFETCH(bool, done);
    QFETCH(Refusal, refusal);
    QFETCH(QString, reasonMentions);
    Order o = grillFryCold(state);
    o.itemsDone = linesDone;
    o.stationsDone = stationsDone;
    QVERIFY(verdictMatches(StationRules::checkLine(o, line, name, done), refusal, reasonMentions));
}

void TestLineMarks::lastLineOfAStationFinishesIt()
{
    Order o = grillFryCold(OrderState::Preparing);
    o = apply(o, mark(o, 3, true));
    QCOMPARE(o.itemsDone, QList<int> {3});
    QVERIFY(o.stationsDone.isEmpty()); // the other burger is still on the grill
    QVERIFY(o.isItemDone(3));
    QVERIFY(!o.isItemDone(0));
    QVERIFY(StationRules::isOpenAt(o, QStringLiteral("grill")));

    o = apply(o, mark(o, 0, true));
    QCOMPARE(o.stationsDone, QStringList {QStringLiteral("grill")});
    QVERIFY(o.itemsDone.isEmpty()); // one way of saying it: the station
    QVERIFY(o.isItemDone(0) && o.isItemDone(3));
    QCOMPARE(o.state, OrderState::Preparing); // the engine, not the fold, makes it ready
}

void TestLineMarks::reopeningOneLineOfADoneStationKeepsTheOthers()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.stationsDone = {QStringLiteral("fry"), QStringLiteral("grill")};
    o = apply(o, mark(o, 0, false));
    QCOMPARE(o.stationsDone, QStringList {QStringLiteral("fry")});
    QCOMPARE(o.itemsDone, QList<int> {3});
    QVERIFY(!o.isItemDone(0));
    QVERIFY(o.isItemDone(1) && o.isItemDone(3));
}

void TestLineMarks::stationBumpAndReopenCoverTheirLines()
{
    Order o = grillFryCold(OrderState::Preparing);
    o = apply(o, mark(o, 3, true));
    const auto station = [&o](bool done) {
        return OrderEvent::stationBumped(o, QStringLiteral("grill"), done, Actor::staff(QStringLiteral("ana")),
                                         QStringLiteral("grill-1"), t0 + 2 * minuteMs);
    };
    o = apply(o, station(true));
    QCOMPARE(o.stationsDone, QStringList {QStringLiteral("grill")});
    QVERIFY(o.itemsDone.isEmpty());
    o = apply(o, station(false));
    QVERIFY(o.stationsDone.isEmpty());
    QVERIFY2(o.itemsDone.isEmpty(), "reopening a station reopens every line of it");
}

void TestLineMarks::everyLineDoneIsAllDoneEvenWithoutAStation()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.items.append(fries()); // line 4, no station: expo's
    o.stationsDone = {QStringLiteral("grill"), QStringLiteral("fry"), QStringLiteral("cold")};
    QVERIFY(!StationRules::allDone(o));
    o = apply(o, mark(o, 4, true));
    QCOMPARE(o.itemsDone, QList<int> {4});
    QVERIFY(StationRules::allDone(o));
}

void TestLineMarks::aStaleLineIsRefusedNotGuessed()
{
    Order before = grillFryCold(OrderState::Preparing);
    const OrderEvent markFries = mark(before, 1, true);
    Order after = apply(before, modified({before.items.at(0), before.items.at(2)}));
    const Projection p = Projector::apply(after, markFries);
    QVERIFY(!p);
    QVERIFY2(p.error().contains(QLatin1String("Fries")), qPrintable(p.error()));
}

void TestLineMarks::modificationKeepsUnchangedLinesDone()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.stationsDone = {QStringLiteral("fry")};
    o.itemsDone = {0, 3}; // both burgers, not yet settled into the station
    o = apply(o, mark(o, 2, true)); // settles: grill, cold done too
    QCOMPARE(o.stationsDone, (QStringList {QStringLiteral("fry"), QStringLiteral("grill"),
                                           QStringLiteral("cold")}));

    QList<OrderItem> items = o.items;
    items[3].quantity = 4; // the veggie burger changed: the grill has work again
    items.removeAt(2); // the salad is gone: cold is no longer on the order
    OrderItem shake;
    shake.name = QStringLiteral("Shake");
    shake.station = QStringLiteral("bar");
    items.prepend(shake); // a new line before the others moves every index on
    o = apply(o, modified(items));
    QCOMPARE(o.stationsDone, QStringList {QStringLiteral("fry")});
    QCOMPARE(o.itemsDone, QList<int> {1}); // the plain burger, unchanged and now line 1
    QVERIFY(!o.isItemDone(0)); // the shake
    QVERIFY(o.isItemDone(2)); // the fries, by their station
    QVERIFY(!o.isItemDone(3)); // the changed veggie burger

    // Removing the one open line of a station leaves it done: everything left there is done.
    QList<OrderItem> fewer = o.items;
    fewer.removeAt(3);
    o = apply(o, modified(fewer));
    QCOMPARE(o.stationsDone, (QStringList {QStringLiteral("fry"), QStringLiteral("grill")}));
    QVERIFY(o.itemsDone.isEmpty());
}

void TestLineMarks::aSurvivingTwinIsShownOpen()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.items[3] = o.items.at(0); // two identical burgers
    o = apply(o, mark(o, 3, true));
    QCOMPARE(o.itemsDone, QList<int> {3});
    QList<OrderItem> items = o.items;
    items.removeAt(3); // one burger goes; which one the customer meant nobody knows
    o = apply(o, modified(items));
    QVERIFY2(!o.isItemDone(0), "a line that may still be to make must not look done");
}

void TestLineMarks::placedOrderStartsWithNoLineDone()
{
    Order o = grillFryCold(OrderState::Placed);
    o.itemsDone = {1}; // a hostile payload cannot pre-finish a line
    const Projection p = Projector::apply(
        std::nullopt, OrderEvent::placed(o, Actor::platform(), QStringLiteral("hub"), t0));
    QVERIFY2(p, qPrintable(p.error()));
    QVERIFY(p->itemsDone.isEmpty());
}

void TestLineMarks::wireRoundTrip()
{
    const OrderEvent event = mark(grillFryCold(OrderState::Preparing), 1, true);
    const QJsonObject json = event.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("item_done"));
    QCOMPARE(json.value(QStringLiteral("payload")).toObject(),
             (QJsonObject {{QStringLiteral("item"), 1},
                           {QStringLiteral("name"), QStringLiteral("Fries")},
                           {QStringLiteral("station"), QStringLiteral("fry")},
                           {QStringLiteral("done"), true}}));
    QVERIFY(!json.contains(QStringLiteral("from")));
    const Result<OrderEvent> back = OrderEvent::fromJson(json);
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, event);
    QCOMPARE(EventKinds::fromString(QStringLiteral("item_done")), EventKind::ItemDone);
    QVERIFY(!EventKinds::isStoreLevel(EventKind::ItemDone));

    Order stationless = order(OrderState::Preparing); // line 1, fries, has no station
    const QJsonObject noStation = mark(stationless, 1, true).toJson();
    QVERIFY(!noStation.value(QStringLiteral("payload")).toObject().contains(
            QStringLiteral("station")));
    QVERIFY(OrderEvent::fromJson(noStation));
}

void TestLineMarks::wireRefusesABadPayload_data()
{
    QTest::addColumn<QJsonObject>("payload");
    const QJsonValue name = QStringLiteral("Fries");
    QTest::newRow("none") << QJsonObject();
    QTest::newRow("no line") << QJsonObject {{QStringLiteral("name"), name},
                                             {QStringLiteral("done"), true}};
    QTest::newRow("line not a number")
        << QJsonObject {{QStringLiteral("item"), QStringLiteral("1")},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("done"), true}};
    QTest::newRow("line a fraction") << QJsonObject {{QStringLiteral("item"), 1.5},
                                                     {QStringLiteral("name"), name},
                                                     {QStringLiteral("done"), true}};
    QTest::newRow("line negative") << QJsonObject {{QStringLiteral("item"), -1},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("done"), true}};
    QTest::newRow("line past any order") << QJsonObject {{QStringLiteral("item"), 500},
                                                         {QStringLiteral("name"), name},
                                                         {QStringLiteral("done"), true}};
    QTest::newRow("no name") << QJsonObject {{QStringLiteral("item"), 1},
                                             {QStringLiteral("done"), true}};
    QTest::newRow("blank name") << QJsonObject {{QStringLiteral("item"), 1},
                                                {QStringLiteral("name"), QStringLiteral(" ")},
                                                {QStringLiteral("done"), true}};
    QTest::newRow("station not text") << QJsonObject {{QStringLiteral("item"), 1},
                                                      {QStringLiteral("name"), name},
                                                      {QStringLiteral("station"), 7},
                                                      {QStringLiteral("done"), true}};
    QTest::newRow("no done") << QJsonObject {{QStringLiteral("item"), 1},
                                             {QStringLiteral("name"), name}};
    QTest::newRow("done not bool") << QJsonObject {{QStringLiteral("item"), 1},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("done"), 1}};
}

void TestLineMarks::wireRefusesABadPayload()
{
    QFETCH(QJsonObject, payload);
    const Result<OrderEvent> back =
        readWithPayload(mark(grillFryCold(OrderState::Preparing), 1, true), payload);
    QVERIFY(!back);
    QVERIFY2(back.error().contains(QLatin1String("item_done")), qPrintable(back.error()));
}

void TestLineMarks::orderJsonKeepsLinesDone()
{
    Order o = grillFryCold(OrderState::Preparing);
    QVERIFY(!o.toJson().contains(QStringLiteral("items_done"))); // stored rows stay as they were
    o.itemsDone = {0, 2};
    const QJsonObject json = o.toJson();
    QCOMPARE(json.value(QStringLiteral("items_done")).toArray(), (QJsonArray {0, 2}));
    const Result<Order> back = Order::fromJson(json);
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, o);
}

void TestLineMarks::orderJsonRefusesBadIndexes_data()
{
    QTest::addColumn<QJsonValue>("linesDone");
    QTest::newRow("not a list") << QJsonValue(1);
    QTest::newRow("past the last line") << QJsonValue(QJsonArray {4});
    QTest::newRow("negative") << QJsonValue(QJsonArray {-1});
    QTest::newRow("twice") << QJsonValue(QJsonArray {1, 1});
    QTest::newRow("text") << QJsonValue(QJsonArray {QStringLiteral("1")});
}

void TestLineMarks::orderJsonRefusesBadIndexes()
{
    QFETCH(QJsonValue, linesDone);
    QJsonObject json = grillFryCold(OrderState::Preparing).toJson();
    json.insert(QStringLiteral("items_done"), linesDone);
    const Result<Order> back = Order::fromJson(json);
    QVERIFY(!back);
    QVERIFY2(back.error().contains(QLatin1String("items_done")), qPrintable(back.error()));
}

QTEST_GUILESS_MAIN(TestLineMarks)
#include "tst_linemarks.moc"
