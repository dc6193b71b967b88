// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordertestsupport.h"

#include "order/orderevent.h"
#include "order/projector.h"
#include "order/stationrules.h"

#include <QJsonArray>
#include <QTest>

using namespace OrderFixtures;

// Item-level bumping: the rules, how station_bumped folds into an order, and its wire form.
class TestStationRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stationsComeFromTheItems();
    void check_data();
    void check();
    void allDoneNeedsEveryItemAtADoneStation();
    void projectionFoldsBumpsAndReopens();
    void projectionRefusesWhatTheRulesRefuse();
    void modificationReopensChangedStations();
    void placedOrderStartsWithNoStationDone();
    void wireRoundTrip();
    void wireRefusesABadPayload_data();
    void wireRefusesABadPayload();
    void orderJsonKeepsStationsDone();

private:
    static OrderEvent bump(const QString &station, bool done);
};

OrderEvent TestStationRules::bump(const QString &station, bool done)
{
    return OrderEvent::stationBumped(grillFryCold(OrderState::Preparing), station, done,
                                     Actor::staff(QStringLiteral("ana")), QStringLiteral("grill-1"),
                                     t0 + minuteMs);
}

void TestStationRules::stationsComeFromTheItems()
{
    Order o = grillFryCold(OrderState::Preparing);
    QCOMPARE(
        StationRules::stationsOf(o),
        (QStringList {QStringLiteral("grill"), QStringLiteral("fry"), QStringLiteral("cold")}));
    o.stationsDone = {QStringLiteral("fry")};
    QCOMPARE(StationRules::openStations(o),
             (QStringList {QStringLiteral("grill"), QStringLiteral("cold")}));
    QVERIFY(StationRules::isOpenAt(o, QStringLiteral("grill")));
    QVERIFY(!StationRules::isOpenAt(o, QStringLiteral("fry")));
    QVERIFY(!StationRules::isOpenAt(o, QStringLiteral("bar")));
}

void TestStationRules::check_data()
{
    QTest::addColumn<OrderState>("state");
    QTest::addColumn<QStringList>("done");
    QTest::addColumn<QString>("station");
    QTest::addColumn<bool>("bumpDone");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QString>("reasonMentions");

    const QString grill = QStringLiteral("grill");
    QTest::newRow("preparing: bump")
        << OrderState::Preparing << QStringList() << grill << true << Refusal::None << QString();
    QTest::newRow("accepted: bump starts it")
        << OrderState::Accepted << QStringList() << grill << true << Refusal::None << QString();
    QTest::newRow("placed: not yet") << OrderState::Placed << QStringList() << grill << true
                                     << Refusal::NoSuchStep << QStringLiteral("being prepared");
    QTest::newRow("ready: bumped already") << OrderState::Ready << QStringList() << grill << true
                                           << Refusal::NoSuchStep << QStringLiteral("417");
    QTest::newRow("rejected: final") << OrderState::Rejected << QStringList() << grill << true
                                     << Refusal::FinalState << QStringLiteral("rejected");
    QTest::newRow("no items there")
        << OrderState::Preparing << QStringList() << QStringLiteral("bar") << true
        << Refusal::NoSuchStep << QStringLiteral("nothing for bar");
    QTest::newRow("not twice") << OrderState::Preparing << QStringList {grill} << grill << true
                               << Refusal::AlreadyThere << QStringLiteral("already done");
    QTest::newRow("reopen done") << OrderState::Preparing << QStringList {grill} << grill << false
                                 << Refusal::None << QString();
    QTest::newRow("reopen open") << OrderState::Preparing << QStringList() << grill << false
                                 << Refusal::AlreadyThere << QStringLiteral("still open");
    QTest::newRow("reopen ready: recall first")
        << OrderState::Ready << QStringList {grill} << grill << false << Refusal::NoSuchStep
        << QStringLiteral("recall it first");
    QTest::newRow("no station") << OrderState::Preparing << QStringList() << QString() << true
                                << Refusal::NoSuchStep << QStringLiteral("station");
}

void TestStationRules::check()
{
    QFETCH(OrderState, state);
    QFETCH(QStringList, done);
    QFETCH(QString, station);
    QFETCH(bool, bumpDone);
    QFETCH(Refusal, refusal);
    QFETCH(QString, reasonMentions);
    Order o = grillFryCold(state);
    o.stationsDone = done;
    QVERIFY(verdictMatches(StationRules::check(o, station, bumpDone), refusal, reasonMentions));
}

void TestStationRules::allDoneNeedsEveryItemAtADoneStation()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.stationsDone = {QStringLiteral("grill"), QStringLiteral("fry")};
    QVERIFY(!StationRules::allDone(o));
    o.stationsDone.append(QStringLiteral("cold"));
    QVERIFY(StationRules::allDone(o));
    o.items.append(fries()); // no station: expo finishes it
    QVERIFY(!StationRules::allDone(o));
}

void TestStationRules::projectionFoldsBumpsAndReopens()
{
    std::optional<Order> o = grillFryCold(OrderState::Preparing);
    for (const QString &station : {QStringLiteral("fry"), QStringLiteral("grill")}) {
        const OrderEvent event = bump(station, true);
        const Projection p = Projector::apply(o, event);
        QVERIFY2(p, qPrintable(p.error()));
        QCOMPARE(p->eventCount, o->eventCount + 1);
        QCOMPARE(p->lastEventId, event.id);
        QCOMPARE(p->state, OrderState::Preparing); // the engine, not the fold, makes it ready
        o = p.toOptional();
    }
    QCOMPARE(o->stationsDone, (QStringList {QStringLiteral("fry"), QStringLiteral("grill")}));
    const Projection reopened = Projector::apply(o, bump(QStringLiteral("fry"), false));
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE(reopened->stationsDone, QStringList {QStringLiteral("grill")});

    // A recall keeps what the stations finished.
    Order ready = *reopened;
    ready.state = OrderState::Ready;
    OrderEvent recall = makeEvent(EventKind::Recall);
    recall.from = OrderState::Ready;
    recall.to = OrderState::Preparing;
    const Projection recalled = Projector::apply(ready, recall);
    QVERIFY2(recalled, qPrintable(recalled.error()));
    QCOMPARE(recalled->stationsDone, QStringList {QStringLiteral("grill")});
}

void TestStationRules::projectionRefusesWhatTheRulesRefuse()
{
    Order done = grillFryCold(OrderState::Preparing);
    done.stationsDone = {QStringLiteral("grill")};
    QVERIFY(!Projector::apply(done, bump(QStringLiteral("grill"), true)).ok());
    QVERIFY(!Projector::apply(done, bump(QStringLiteral("bar"), true)).ok());
    QVERIFY(!Projector::apply(grillFryCold(OrderState::Placed), bump(QStringLiteral("fry"), true))
                 .ok());
    OrderEvent noDone = bump(QStringLiteral("fry"), true);
    noDone.payload.remove(QStringLiteral("done"));
    QVERIFY(!Projector::apply(done, noDone).ok());
}

void TestStationRules::modificationReopensChangedStations()
{
    Order o = grillFryCold(OrderState::Preparing);
    o.stationsDone = {QStringLiteral("grill"), QStringLiteral("fry"), QStringLiteral("cold")};
    QList<OrderItem> items = o.items;
    items[0].quantity = 3; // one more burger: the grill has work again
    items.removeAt(2); // the salad is gone: cold is no longer on the order
    QJsonArray array;
    for (const OrderItem &item : std::as_const(items))
        array.append(item.toJson());
    OrderEvent modified = makeEvent(EventKind::Modified);
    modified.payload = {{QStringLiteral("items"), array}};
    const Projection p = Projector::apply(o, modified);
    QVERIFY2(p, qPrintable(p.error()));
    QCOMPARE(p->stationsDone, QStringList {QStringLiteral("fry")});
}

void TestStationRules::placedOrderStartsWithNoStationDone()
{
    Order o = grillFryCold(OrderState::Placed);
    o.stationsDone = {QStringLiteral("grill")}; // a hostile payload cannot pre-finish a station
    const Projection p = Projector::apply(
        std::nullopt, OrderEvent::placed(o, Actor::platform(), QStringLiteral("hub"), t0));
    QVERIFY2(p, qPrintable(p.error()));
    QVERIFY(p->stationsDone.isEmpty());
}

void TestStationRules::wireRoundTrip()
{
    const OrderEvent event = bump(QStringLiteral("grill"), true);
    const QJsonObject json = event.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("station_bumped"));
    QCOMPARE(json.value(QStringLiteral("payload")).toObject(),
             (QJsonObject {{QStringLiteral("station"), QStringLiteral("grill")},
                           {QStringLiteral("done"), true}}));
    QVERIFY(!json.contains(QStringLiteral("from")));
    const Result<OrderEvent> back = OrderEvent::fromJson(json);
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, event);
    QCOMPARE(EventKinds::fromString(QStringLiteral("station_bumped")), EventKind::StationBumped);
    QVERIFY(!EventKinds::isStoreLevel(EventKind::StationBumped));
}

void TestStationRules::wireRefusesABadPayload_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::newRow("none") << QJsonObject();
    QTest::newRow("empty station") << QJsonObject {{QStringLiteral("station"), QStringLiteral(" ")},
                                                   {QStringLiteral("done"), true}};
    QTest::newRow("station not text")
        << QJsonObject {{QStringLiteral("station"), 3}, {QStringLiteral("done"), true}};
    QTest::newRow("no done") << QJsonObject {{QStringLiteral("station"), QStringLiteral("grill")}};
    QTest::newRow("done not bool")
        << QJsonObject {{QStringLiteral("station"), QStringLiteral("grill")},
                        {QStringLiteral("done"), QStringLiteral("yes")}};
}

void TestStationRules::wireRefusesABadPayload()
{
    QFETCH(QJsonObject, payload);
    const Result<OrderEvent> back = readWithPayload(bump(QStringLiteral("grill"), true), payload);
    QVERIFY(!back);
    QVERIFY2(back.error().contains(QLatin1String("station_bumped")), qPrintable(back.error()));
}

void TestStationRules::orderJsonKeepsStationsDone()
{
    Order o = grillFryCold(OrderState::Preparing);
    QVERIFY(!o.toJson().contains(QStringLiteral("stations_done"))); // stored rows stay as they were
    o.stationsDone = {QStringLiteral("cold"), QStringLiteral("grill")};
    const Result<Order> back = Order::fromJson(o.toJson());
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(back->stationsDone, o.stationsDone);
    QCOMPARE(*back, o);
}

QTEST_GUILESS_MAIN(TestStationRules)
#include "tst_stationrules.moc"
