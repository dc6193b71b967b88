// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/orderevent.h"
#include "order/storepolicycodec.h"

#include "ordertestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
StorePolicy busyStore()
{
    StorePolicy policy;
    policy.warnAfterMinutes = 5;
    policy.lateAfterMinutes = 9;
    policy.defaultPrepMinutes = 20;
    policy.stations = {QStringLiteral("wok"), QStringLiteral("grill"), QStringLiteral("pass")};
    policy.rejectReasons = {QStringLiteral("Out of rice"), QStringLiteral("Closing early")};
    policy.feedQuietMinutes = 7;
    policy.expectedFeeds = {QStringLiteral("platform"), QStringLiteral("square")};
    policy.opensAt = QTime(11, 30);
    policy.closesAt = QTime(23, 0);
    policy.routes = {{QStringLiteral("noodle"), QStringLiteral("wok")},
                     {QStringLiteral("burger"), QStringLiteral("grill")}};
    return policy;
}

QJsonArray jsonArray(const char *text)
{
    return QJsonDocument::fromJson(text).array();
}

OrderEvent policyEvent(const QJsonObject &policy)
{
    OrderEvent event = makeEvent(EventKind::StorePolicyChanged);
    event.orderId.clear();
    event.actor = Actor::manager(QStringLiteral("console-1"));
    event.payload = {{QStringLiteral("policy"), policy}};
    return event;
}
} // namespace

// The store's rules on the wire: what one console writes, every other reads back the same, and
// what breaks a bound is refused by every reader (the hub's too) with the field named.
class TestStorePolicyCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void defaultsAreWithinBounds();
    void malformedFieldsAreRefused_data();
    void malformedFieldsAreRefused();
    void boundsAreChecked_data();
    void boundsAreChecked();
    void eventCarriesAPolicy();
    void eventWithoutAReadablePolicyIsRefused();
    void onlyAManagerWritesTheRules();
};

void TestStorePolicyCodec::roundTrip()
{
    const StorePolicy policy = busyStore();
    const QJsonObject json = StorePolicyCodec::toJson(policy);
    QCOMPARE(json.value(QStringLiteral("opens_at")).toString(), QStringLiteral("11:30"));
    QCOMPARE(json.value(QStringLiteral("stations")).toArray().size(), 3);
    QCOMPARE(json.value(QStringLiteral("routes")).toArray().size(), 2);
    const Result<StorePolicy> read = StorePolicyCodec::fromJson(json);
    QVERIFY2(read, qPrintable(read.error()));
    QVERIFY(*read.toOptional() == policy);
    QVERIFY(*read.toOptional() != StorePolicy());
}

void TestStorePolicyCodec::defaultsAreWithinBounds()
{
    QCOMPARE(StorePolicyCodec::problem(StorePolicy()), QString());
    QVERIFY(StorePolicyCodec::fromJson(StorePolicyCodec::toJson(StorePolicy())));
    // Rules written before routes existed carry none, and are read as routing nothing.
    QVERIFY(!StorePolicyCodec::toJson(StorePolicy()).contains(QStringLiteral("routes")));
}

void TestStorePolicyCodec::malformedFieldsAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("minutes as text") << "warn_after_minutes" << QJsonValue(QStringLiteral("5"));
    QTest::newRow("fractional minutes") << "late_after_minutes" << QJsonValue(9.5);
    QTest::newRow("negative minutes") << "feed_quiet_minutes" << QJsonValue(-3);
    QTest::newRow("huge minutes") << "default_prep_minutes" << QJsonValue(1e18);
    QTest::newRow("missing minutes") << "default_prep_minutes" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("stations not a list") << "stations" << QJsonValue(QStringLiteral("wok"));
    QTest::newRow("station not a name") << "stations" << QJsonValue(QJsonArray{QStringLiteral("wok"), 3});
    QTest::newRow("reasons missing") << "reject_reasons" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("time without minutes") << "opens_at" << QJsonValue(QStringLiteral("11"));
    QTest::newRow("time out of the day") << "closes_at" << QJsonValue(QStringLiteral("25:00"));
    QTest::newRow("routes not a list") << "routes" << QJsonValue(QStringLiteral("wok"));
    QTest::newRow("route without words")
            << "routes" << QJsonValue(jsonArray(R"([{"station": "wok"}])"));
    QTest::newRow("route to a number")
            << "routes" << QJsonValue(jsonArray(R"([{"contains": "pho", "station": 2}])"));
}

void TestStorePolicyCodec::malformedFieldsAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject json = StorePolicyCodec::toJson(busyStore());
    if (value.isUndefined())
        json.remove(field);
    else
        json.insert(field, value);
    const Result<StorePolicy> read = StorePolicyCodec::fromJson(json);
    QVERIFY(!read);
    QVERIFY2(read.error().contains(field), qPrintable(read.error()));
}

void TestStorePolicyCodec::boundsAreChecked_data()
{
    QTest::addColumn<StorePolicy>("policy");
    QTest::addColumn<bool>("allowed");
    StorePolicy policy = busyStore();
    QTest::newRow("as set") << policy << true;
    policy.lateAfterMinutes = policy.warnAfterMinutes;
    QTest::newRow("late equal to amber") << policy << false;
    policy = busyStore();
    policy.warnAfterMinutes = 0;
    QTest::newRow("amber at once") << policy << false;
    policy = busyStore();
    policy.lateAfterMinutes = 241;
    QTest::newRow("late past four hours") << policy << false;
    policy = busyStore();
    policy.defaultPrepMinutes = 4;
    QTest::newRow("quote under five minutes") << policy << false;
    policy = busyStore();
    policy.stations.clear();
    QTest::newRow("no station") << policy << false;
    policy = busyStore();
    policy.stations = {QStringLiteral("wok"), QStringLiteral("WOK")};
    QTest::newRow("a station twice") << policy << false;
    policy = busyStore();
    policy.stations = {QStringLiteral(" wok")};
    QTest::newRow("a padded station") << policy << false;
    policy = busyStore();
    policy.stations = {QString(StorePolicyCodec::maxStationLength + 1, QLatin1Char('w'))};
    QTest::newRow("a station too long") << policy << false;
    policy = busyStore();
    policy.stations.clear();
    for (int i = 0; i <= StorePolicyCodec::maxStations; ++i)
        policy.stations.append(QStringLiteral("s%1").arg(i));
    QTest::newRow("too many stations") << policy << false;
    policy = busyStore();
    policy.rejectReasons = {QString()};
    QTest::newRow("an empty reason") << policy << false;
    policy = busyStore();
    policy.expectedFeeds.clear();
    QTest::newRow("no feed expected") << policy << true;
    policy = busyStore();
    policy.routes = {{QStringLiteral("Noodle"), QStringLiteral("wok")},
                     {QStringLiteral("noodle"), QStringLiteral("pass")}};
    QTest::newRow("the same words routed twice") << policy << false;
    policy = busyStore();
    policy.routes = {{QStringLiteral("pho "), QStringLiteral("wok")}};
    QTest::newRow("padded route words") << policy << false;
    policy = busyStore();
    policy.routes = {{QString(StorePolicyCodec::maxRouteWordsLength + 1, QLatin1Char('p')),
                      QStringLiteral("wok")}};
    QTest::newRow("route words too long") << policy << false;
    policy = busyStore();
    policy.routes.clear();
    for (int i = 0; i <= StorePolicyCodec::maxRoutes; ++i)
        policy.routes.append({QStringLiteral("dish %1").arg(i), QStringLiteral("wok")});
    QTest::newRow("too many routes") << policy << false;
    policy = busyStore();
    policy.stations.removeOne(QStringLiteral("wok"));
    QTest::newRow("a route to a station removed") << policy << false;
}

void TestStorePolicyCodec::boundsAreChecked()
{
    QFETCH(StorePolicy, policy);
    QFETCH(bool, allowed);
    QCOMPARE(StorePolicyCodec::problem(policy).isEmpty(), allowed);
    // The reader holds the same bounds as the editor.
    QCOMPARE(bool(StorePolicyCodec::fromJson(StorePolicyCodec::toJson(policy))), allowed);
}

void TestStorePolicyCodec::eventCarriesAPolicy()
{
    const OrderEvent event = policyEvent(StorePolicyCodec::toJson(busyStore()));
    QVERIFY(EventKinds::isStoreLevel(event.kind));
    QVERIFY(EventKinds::travels(event.kind));
    QCOMPARE(EventKinds::toString(event.kind), QStringLiteral("store_policy_changed"));
    const Result<OrderEvent> read = OrderEvent::fromJson(event.toJson());
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(*read.toOptional(), event);
}

void TestStorePolicyCodec::eventWithoutAReadablePolicyIsRefused()
{
    QJsonObject broken = StorePolicyCodec::toJson(busyStore());
    broken.insert(QStringLiteral("stations"), QJsonArray());
    OrderEvent withoutPolicy = policyEvent({});
    withoutPolicy.payload = {};
    for (const OrderEvent &event : {policyEvent(broken), withoutPolicy}) {
        const Result<OrderEvent> read = OrderEvent::fromJson(event.toJson());
        QVERIFY(!read);
        QVERIFY2(read.error().contains(QStringLiteral("polic")), qPrintable(read.error()));
    }
}

void TestStorePolicyCodec::onlyAManagerWritesTheRules()
{
    QVERIFY(EventKinds::needsManager(EventKind::StorePolicyChanged));
    QVERIFY(!EventKinds::needsManager(EventKind::StorePaused));
    QVERIFY(!EventKinds::needsManager(EventKind::Transition));
}

QTEST_GUILESS_MAIN(TestStorePolicyCodec)
#include "tst_storepolicycodec.moc"
