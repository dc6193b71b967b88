// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/alertdigest.h"

#include <QTest>

namespace {
constexpr qint64 t0 = 1'764'000'000'000;
constexpr qint64 second = 1000;

KitchenAlert orderAlert(KitchenAlert::Kind kind, int number, qint64 at)
{
    KitchenAlert alert;
    alert.kind = kind;
    alert.orderId = QStringLiteral("o-%1").arg(number);
    alert.orderNumber = QString::number(number);
    alert.title = QStringLiteral("Order %1 alone").arg(number);
    alert.details = {QStringLiteral("detail of %1").arg(number)};
    alert.raisedAt = at;
    return alert;
}

KitchenAlert feedAlert(KitchenAlert::Kind kind, const QString &source, qint64 at)
{
    KitchenAlert alert;
    alert.kind = kind;
    alert.source = source;
    alert.title = QStringLiteral("%1 quiet").arg(source);
    alert.raisedAt = at;
    return alert;
}
} // namespace

// Alerts that wait for acknowledgement, merged by kind within a window so a rush reads as one
// line, with bounded text however many merge.
class TestAlertDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSingleAlertKeepsItsOwnWords();
    void alertsOfOneKindWithinTheWindowMerge();
    void aTitleNamesAFewAndCountsTheRest_data();
    void aTitleNamesAFewAndCountsTheRest();
    void kindsStayApartAndTheWindowEndsAMerge();
    void theSameOrderAgainIsNotCountedTwice();
    void ticketsAcknowledgedOneByOneTakeTheirLineWithThem();
    void settledOrdersLeaveTheLinesAboutTheirWork();
    void aFeedAlarmIsOnePerFeedAndCanBeWithdrawn();
    void alertsAboutNoOrderStandAlone();
    void anAlertAboutSeveralOrdersMergesAsThatMany();
    void forgettingDropsOnlyEntriesPastTheTime();
    void thousandsOfAlertsCostTheSameEach();
};

void TestAlertDigest::aSingleAlertKeepsItsOwnWords()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::Changed, 181, t0));
    QCOMPARE(digest.count(), 1);
    const AlertDigest::Entry &entry = digest.entries().constFirst();
    QCOMPARE(entry.title(), QStringLiteral("Order 181 alone"));
    QCOMPARE(entry.details(), QStringList {QStringLiteral("detail of 181")});
}

void TestAlertDigest::alertsOfOneKindWithinTheWindowMerge()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 181, t0));
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 267, t0 + 20 * second));
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 336, t0 + 70 * second)); // 50 s after
    QCOMPARE(digest.count(), 1);
    const AlertDigest::Entry &entry = digest.entries().constFirst();
    QCOMPARE(entry.count, 3);
    QCOMPARE(entry.title(), QStringLiteral("3 orders cancelled: 181, 267, 336"));
    QVERIFY(entry.details().isEmpty()); // each ticket shows its own
}

void TestAlertDigest::aTitleNamesAFewAndCountsTheRest_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("title");
    QTest::newRow("two changed") << int(KitchenAlert::Kind::Changed) << 2
                                 << QStringLiteral("2 orders changed while in progress: 100, 101");
    QTest::newRow("five cancelled, all named")
        << int(KitchenAlert::Kind::Cancelled) << 5
        << QStringLiteral("5 orders cancelled: 100, 101, 102, 103, 104");
    QTest::newRow("107 cancelled") << int(KitchenAlert::Kind::Cancelled) << 107
                                   << QStringLiteral("107 orders cancelled: 100, 101, 102, 103, "
                                                     "104 and 102 more");
    QTest::newRow("overruled") << int(KitchenAlert::Kind::Overtaken) << 6
                               << QStringLiteral("The platform overruled this console on 6 "
                                                 "orders: 100, 101, 102, 103, 104 and 1 more");
}

void TestAlertDigest::aTitleNamesAFewAndCountsTheRest()
{
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(QString, title);
    AlertDigest digest;
    for (int i = 0; i < count; ++i)
        digest.add(orderAlert(KitchenAlert::Kind(kind), 100 + i, t0 + i * second));
    QCOMPARE(digest.count(), 1);
    QCOMPARE(digest.entries().constFirst().title(), title);
}

void TestAlertDigest::kindsStayApartAndTheWindowEndsAMerge()
{
    AlertDigest digest;
    digest.setMergeWindowMs(30 * second);
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 1, t0));
    digest.add(orderAlert(KitchenAlert::Kind::Changed, 2, t0 + second));
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 3, t0 + 2 * second));
    QCOMPARE(digest.count(), 2);
    // The newest last: the cancel line took order 3 and moved behind the change.
    QCOMPARE(digest.entries().at(0).kind, KitchenAlert::Kind::Changed);
    QCOMPARE(digest.entries().at(1).title(), QStringLiteral("2 orders cancelled: 1, 3"));
    // Long after, a cancel is news of its own.
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 4, t0 + 2 * second + 31 * second));
    QCOMPARE(digest.count(), 3);
    QCOMPARE(digest.entries().at(2).title(), QStringLiteral("Order 4 alone"));
}

void TestAlertDigest::theSameOrderAgainIsNotCountedTwice()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::Changed, 7, t0));
    KitchenAlert again = orderAlert(KitchenAlert::Kind::Changed, 7, t0 + second);
    again.title = QStringLiteral("Order 7 changed again");
    digest.add(again);
    QCOMPARE(digest.count(), 1);
    QCOMPARE(digest.entries().constFirst().count, 1);
    QCOMPARE(digest.entries().constFirst().title(), QStringLiteral("Order 7 changed again"));
}

void TestAlertDigest::ticketsAcknowledgedOneByOneTakeTheirLineWithThem()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 1, t0));
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 2, t0 + second));
    digest.add(feedAlert(KitchenAlert::Kind::FeedQuiet, QStringLiteral("platform"), t0));
    QVERIFY(digest.acknowledgeOrder(QStringLiteral("o-1")));
    QCOMPARE(digest.count(), 2);
    QVERIFY(!digest.acknowledgeOrder(QStringLiteral("o-1")));
    QVERIFY(digest.acknowledgeOrder(QStringLiteral("o-2")));
    QCOMPARE(digest.count(), 1); // only the feed's alarm is left
    QCOMPARE(digest.entries().constFirst().kind, KitchenAlert::Kind::FeedQuiet);
    digest.clear();
    QVERIFY(digest.isEmpty());
}

void TestAlertDigest::aFeedAlarmIsOnePerFeedAndCanBeWithdrawn()
{
    AlertDigest digest;
    digest.add(feedAlert(KitchenAlert::Kind::FeedQuiet, QStringLiteral("platform"), t0));
    digest.add(feedAlert(KitchenAlert::Kind::FeedQuiet, QStringLiteral("pos:square"), t0));
    KitchenAlert later =
        feedAlert(KitchenAlert::Kind::FeedQuiet, QStringLiteral("platform"), t0 + 10 * 60 * second);
    later.title = QStringLiteral("platform quiet for longer");
    digest.add(later); // the same feed, much later: still its one line, with the latest words
    QCOMPARE(digest.count(), 2);
    QCOMPARE(digest.entries().constLast().title(), QStringLiteral("platform quiet for longer"));
    QVERIFY(digest.withdraw(KitchenAlert::Kind::FeedQuiet, QStringLiteral("platform")));
    QVERIFY(!digest.withdraw(KitchenAlert::Kind::FeedQuiet, QStringLiteral("platform")));
    QCOMPARE(digest.count(), 1);
    QCOMPARE(digest.entries().constFirst().source, QStringLiteral("pos:square"));
}

void TestAlertDigest::alertsAboutNoOrderStandAlone()
{
    AlertDigest digest;
    KitchenAlert store;
    store.kind = KitchenAlert::Kind::Overtaken;
    store.title = QStringLiteral("The order database was rebuilt");
    store.raisedAt = t0;
    digest.add(store);
    digest.add(store);
    digest.add(orderAlert(KitchenAlert::Kind::Overtaken, 5, t0));
    QCOMPARE(digest.count(), 3);
    QCOMPARE(digest.entries().constFirst().title(),
             QStringLiteral("The order database was rebuilt"));
}

void TestAlertDigest::anAlertAboutSeveralOrdersMergesAsThatMany()
{
    // A burst's one alert ("3 new orders") and the next, a minute later at most: one count.
    KitchenAlert burst;
    burst.kind = KitchenAlert::Kind::NewOrder;
    burst.title = QStringLiteral("3 new orders");
    burst.orderIds = {QStringLiteral("o-1"), QStringLiteral("o-2"), QStringLiteral("o-3")};
    burst.orderNumbers = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
    burst.raisedAt = t0;
    AlertDigest digest;
    digest.add(burst);
    QCOMPARE(digest.count(), 1);
    // Alone, it keeps its own words (a replayed backlog's summary says more than a count).
    QCOMPARE(digest.entries().constFirst().title(), QStringLiteral("3 new orders"));
    QCOMPARE(digest.entries().constFirst().count, 3);

    digest.add(orderAlert(KitchenAlert::Kind::NewOrder, 4, t0 + 30 * second));
    burst.orderIds = {QStringLiteral("o-3"), QStringLiteral("o-5")}; // o-3 again counts once
    burst.orderNumbers = {QStringLiteral("3"), QStringLiteral("5")};
    burst.raisedAt = t0 + 50 * second;
    digest.add(burst);
    QCOMPARE(digest.count(), 1);
    const AlertDigest::Entry &entry = digest.entries().constFirst();
    QCOMPARE(entry.count, 5);
    QCOMPARE(entry.title(), QStringLiteral("5 new orders: 1, 2, 3, 4, 5"));
    QCOMPARE(entry.unacknowledged.size(), 5);
    QVERIFY(entry.details().isEmpty());
}

void TestAlertDigest::settledOrdersLeaveTheLinesAboutTheirWork()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::NewOrder, 1, t0));
    digest.add(orderAlert(KitchenAlert::Kind::NewOrder, 2, t0 + second));
    digest.add(orderAlert(KitchenAlert::Kind::Late, 2, t0 + 2 * second));
    digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 3, t0 + 3 * second));
    digest.add(orderAlert(KitchenAlert::Kind::Overtaken, 2, t0 + 4 * second));
    QCOMPARE(digest.count(), 4);
    // Order 2 was handed over: it is no longer new or late; the platform's word on it stays.
    QVERIFY(digest.orderSettled(QStringLiteral("o-2")));
    QCOMPARE(digest.count(), 3);
    const AlertDigest::Entry &fresh = digest.entries().at(0);
    QCOMPARE(fresh.kind, KitchenAlert::Kind::NewOrder);
    QCOMPARE(fresh.orderIds, QSet<QString> {QStringLiteral("o-1")});
    QCOMPARE(fresh.count, 2); // the line still says how many arrived
    QVERIFY(!digest.orderSettled(QStringLiteral("o-2")));
    // A cancelled ticket stays until a cook has seen it.
    QVERIFY(!digest.orderSettled(QStringLiteral("o-3")));
    QVERIFY(digest.orderSettled(QStringLiteral("o-1")));
    QCOMPARE(digest.count(), 2);
    QCOMPARE(digest.entries().at(0).kind, KitchenAlert::Kind::Cancelled);
    QCOMPARE(digest.entries().at(1).kind, KitchenAlert::Kind::Overtaken);
}

void TestAlertDigest::forgettingDropsOnlyEntriesPastTheTime()
{
    AlertDigest digest;
    digest.add(orderAlert(KitchenAlert::Kind::Late, 1, t0));
    digest.add(orderAlert(KitchenAlert::Kind::NewOrder, 2, t0 + 40 * second));
    digest.forgetBefore(t0 + 20 * second);
    QCOMPARE(digest.count(), 1);
    QCOMPARE(digest.entries().constFirst().kind, KitchenAlert::Kind::NewOrder);
    digest.forgetBefore(t0 + 40 * second); // not before: kept
    QCOMPARE(digest.count(), 1);
}

void TestAlertDigest::thousandsOfAlertsCostTheSameEach()
{
    // A replay's rush of cancels: one line, its text a few numbers long, whatever the count.
    AlertDigest digest;
    for (int i = 0; i < 5000; ++i)
        digest.add(orderAlert(KitchenAlert::Kind::Cancelled, 10'000 + i, t0 + i));
    QCOMPARE(digest.count(), 1);
    const AlertDigest::Entry &entry = digest.entries().constFirst();
    QCOMPARE(entry.count, 5000);
    QCOMPARE(entry.named.size(), KitchenAlert::maxNamedOrders);
    QCOMPARE(entry.title(),
             QStringLiteral("5000 orders cancelled: 10000, 10001, 10002, 10003, 10004 and 4995 "
                            "more"));
}

QTEST_GUILESS_MAIN(TestAlertDigest)
#include "tst_alertdigest.moc"
