// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricsaggregate.h"
#include "metrics/metricsledger.h"
#include "orderscript.h"

#include <QTest>

#include <algorithm>

using namespace MetricsTest;

namespace {
MetricsSettings utcSettings()
{
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    return settings; // alert 1 at 8 min, alert 2 at 12 min, stuck accepted at 10 min
}

const MetricsWindow december1 = MetricsWindow::days(QDate(2026, 12, 1), QDate(2026, 12, 1),
                                                    QTimeZone::utc());

// Every order's events in log order, folded into a ledger, reported over window at now.
MetricsReport reportOf(const QList<OrderScript> &orders, qint64 now,
                       const MetricsWindow &window = december1,
                       const MetricsSettings &settings = utcSettings())
{
    const MetricsLedger ledger = ledgerOf(orders);
    MetricsAggregate aggregate(window, settings);
    aggregate.reset(ledger.timelines());
    return aggregate.report(now, ledger.lastSeq());
}

int in(const FigureSet &set, OrderState state) { return set.inState[std::size_t(state)]; }
const Distribution &timeIn(const FigureSet &set, OrderState state)
{
    return set.timeIn[std::size_t(state)];
}

// What two reports say, figure by figure, for comparing an incremental fold with a fresh one.
QString describe(const FigureSet &s)
{
    QString text = QStringLiteral("orders %1 ticketable %2 a1 %3 a2 %4 promised %5 late %6 "
                                  "recalls %7 rejected %8 cancelled %9 midprep %10 ")
                           .arg(s.orders).arg(s.ticketable).arg(s.alert1).arg(s.alert2)
                           .arg(s.promised).arg(s.late).arg(s.recalls).arg(s.rejected)
                           .arg(s.cancelled).arg(s.cancelledMidPrep);
    const auto d = [](const Distribution &x) {
        return QStringLiteral("[%1 %2 %3 %4 %5 %6]").arg(x.count).arg(x.fastest).arg(x.median)
                .arg(x.p90).arg(x.p99).arg(x.slowest);
    };
    for (int i = 0; i < OrderTimeline::stateCount; ++i)
        text += QString::number(s.inState[i]) + d(s.timeIn[i]);
    text += d(s.toReady) + d(s.toHandedOver) + d(s.stationTime) + d(s.lineFiredToDone)
            + d(s.lineStartedToDone);
    for (auto it = s.rejectReasons.cbegin(); it != s.rejectReasons.cend(); ++it)
        text += it.key() + QString::number(it.value());
    return text;
}

QString describe(const MetricsReport &report)
{
    QString text = describe(report.all);
    for (auto it = report.bySource.cbegin(); it != report.bySource.cend(); ++it)
        text += QLatin1Char('\n') + it.key() + describe(it.value());
    for (auto it = report.byStation.cbegin(); it != report.byStation.cend(); ++it)
        text += QLatin1Char('\n') + it.key() + describe(it.value());
    for (int hour = 0; hour < 24; ++hour)
        text += QLatin1Char('\n') + describe(report.byHour[hour]);
    for (const auto &row : report.flow)
        for (int count : row)
            text += QString::number(count) + QLatin1Char(',');
    for (const WatchedOrder &order : report.stuck + report.late)
        text += order.orderId;
    return text;
}

// An order picked up after a normal run: placed 12:00, accepted 12:01 (promised for 12:15),
// preparing 12:02, ready 12:10, picked up 12:12.
OrderScript normalRun(const QString &id, qint64 start = noonDay(12, 0))
{
    OrderScript order(id, start);
    order.accept(start + 1 * minute, start + 15 * minute)
            .to(OrderState::Preparing, start + 2 * minute)
            .to(OrderState::Ready, start + 10 * minute)
            .to(OrderState::PickedUp, start + 12 * minute);
    return order;
}
} // namespace

class TestMetricsAggregate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOrdersNoFigures();
    void oneOrderFromPlacedToPickedUp();
    void speedOfServiceAcrossTenOrders();
    void aRecallCountsBothStays();
    void cancelsMidwayAndBeforeCooking();
    void rejectsWithTheirReasons();
    void aRefusedTransitionNeverHappened();
    void anOrderSpanningMidnightBelongsToItsFirstDay();
    void aDayWithTheClockSetBack();
    void timeThatGoesBackwardsIsLeftOut();
    void openOrdersAreJudgedAsOfNow();
    void anOrderOutForDeliveryTooLongIsStuck();
    void aRefundKeepsTheTimesBeforeIt();
    void stationsAndLines();
    void groupsBySourceTypeAndHour();
    void incrementalEqualsAFreshFold();
};

void TestMetricsAggregate::noOrdersNoFigures()
{
    const MetricsReport report = reportOf({}, noonDay(12, 0));
    QCOMPARE(report.all.orders, 0);
    QCOMPARE(report.all.toReady, Distribution{});
    QCOMPARE(FigureSet::percent(report.all.alert1, report.all.ticketable), 0.0);
    QVERIFY(report.byType.isEmpty());
    QVERIFY(report.stuck.isEmpty());
    QVERIFY(report.late.isEmpty());
}

void TestMetricsAggregate::oneOrderFromPlacedToPickedUp()
{
    const MetricsReport report = reportOf({normalRun(QStringLiteral("a"))}, noonDay(13, 0));
    const FigureSet &all = report.all;
    QCOMPARE(all.orders, 1);
    QCOMPARE(in(all, OrderState::PickedUp), 1);
    QCOMPARE(timeIn(all, OrderState::Placed).median, 1 * minute);
    QCOMPARE(timeIn(all, OrderState::Accepted).median, 1 * minute);
    QCOMPARE(timeIn(all, OrderState::Preparing).median, 8 * minute);
    QCOMPARE(timeIn(all, OrderState::Ready).median, 2 * minute);
    QCOMPARE(timeIn(all, OrderState::PickedUp).count, 0); // never left it
    QCOMPARE(all.toReady.median, 10 * minute);
    QCOMPARE(all.toHandedOver.median, 12 * minute);
    // 10 minutes to ready: past the 8-minute warning, short of the 12-minute late age.
    QCOMPARE(all.ticketable, 1);
    QCOMPARE(all.alert1, 1);
    QCOMPARE(all.alert2, 0);
    QCOMPARE(all.promised, 1);
    QCOMPARE(all.late, 0); // ready at 12:10, promised for 12:15
    QCOMPARE(all.transitions, 4);
    QCOMPARE(report.flow[12][std::size_t(OrderState::Placed)], 1);
    QCOMPARE(report.flow[12][std::size_t(OrderState::PickedUp)], 1);
    QCOMPARE(report.byHour[12].orders, 1);
    QCOMPARE(report.byHour[11].orders, 0);
}

void TestMetricsAggregate::speedOfServiceAcrossTenOrders()
{
    // Ready after 1, 2 … 10 minutes.
    QList<OrderScript> orders;
    for (int i = 1; i <= 10; ++i) {
        const qint64 start = noonDay(12, 0) + i * 1000;
        OrderScript order(QStringLiteral("o%1").arg(i), start);
        order.to(OrderState::Accepted, start).to(OrderState::Preparing, start)
                .to(OrderState::Ready, start + i * minute);
        orders.append(order);
    }
    const Distribution d = reportOf(orders, noonDay(14, 0)).all.toReady;
    QCOMPARE(d.count, 10);
    QCOMPARE(d.fastest, 1 * minute);
    QCOMPARE(d.median, 5 * minute);
    QCOMPARE(d.p90, 9 * minute);
    QCOMPARE(d.p99, 10 * minute);
    QCOMPARE(d.slowest, 10 * minute);
    const FigureSet all = reportOf(orders, noonDay(14, 0)).all;
    QCOMPARE(all.alert1, 3); // 8, 9 and 10 minutes
    QCOMPARE(all.alert2, 0);
}

void TestMetricsAggregate::aRecallCountsBothStays()
{
    const qint64 t = noonDay(12, 0);
    OrderScript order(QStringLiteral("r"), t);
    order.to(OrderState::Accepted, t + 1 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .to(OrderState::Ready, t + 10 * minute)
            .recall(OrderState::Preparing, t + 11 * minute)
            .to(OrderState::Ready, t + 15 * minute)
            .to(OrderState::PickedUp, t + 16 * minute);
    const FigureSet all = reportOf({order}, t + 60 * minute).all;
    QCOMPARE(all.recalls, 1);
    QCOMPARE(timeIn(all, OrderState::Preparing).median, 12 * minute); // 8 + 4
    QCOMPARE(timeIn(all, OrderState::Ready).median, 2 * minute); // 1 + 1
    QCOMPARE(all.toReady.median, 15 * minute); // the time it was ready for good
    QCOMPARE(all.toHandedOver.median, 16 * minute);
    QCOMPARE(all.alert2, 1);
}

// docs/dashboard.md: out for delivery is stuck after 90 minutes (the courier never said
// delivered), though the order is no longer open in the kitchen's sense.
void TestMetricsAggregate::anOrderOutForDeliveryTooLongIsStuck()
{
    const qint64 t = noonDay(12, 0);
    OrderScript courier(QStringLiteral("c"), t, OrderType::Delivery);
    courier.accept(t + 1 * minute, t + 15 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .to(OrderState::Ready, t + 10 * minute)
            .to(OrderState::OutForDelivery, t + 12 * minute);
    QVERIFY(reportOf({courier}, t + 101 * minute).stuck.isEmpty()); // 89 minutes on its way
    const MetricsReport later = reportOf({courier}, t + 102 * minute);
    QCOMPARE(later.stuck.size(), 1);
    QCOMPARE(later.stuck.first().state, OrderState::OutForDelivery);
    QCOMPARE(later.stuck.first().since, t + 12 * minute);
    QVERIFY(later.late.isEmpty()); // ready long ago: stuck, not late

    courier.to(OrderState::Delivered, t + 103 * minute);
    QVERIFY(reportOf({courier}, t + 200 * minute).stuck.isEmpty());
}

// A refund takes nothing back and adds nothing: an order cancelled once it was ready had no time
// to ready (it was never handed over), and its refund does not give it one.
void TestMetricsAggregate::aRefundKeepsTheTimesBeforeIt()
{
    const qint64 t = noonDay(12, 0);
    OrderScript cancelled(QStringLiteral("x"), t);
    cancelled.accept(t + 1 * minute, t + 15 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .to(OrderState::Ready, t + 6 * minute)
            .to(OrderState::Cancelled, t + 9 * minute, QStringLiteral("wrong store"));
    const FigureSet before = reportOf({cancelled, normalRun(QStringLiteral("a"))},
                                      t + 60 * minute).all;
    QCOMPARE(before.toReady.count, 1); // the picked-up one only
    QCOMPARE(before.alert1, 2); // the cancelled one by its age when cancelled: 9 minutes

    cancelled.to(OrderState::Refunded, t + 20 * minute);
    const FigureSet after = reportOf({cancelled, normalRun(QStringLiteral("a"))},
                                     t + 60 * minute).all;
    QCOMPARE(after.toReady, before.toReady);
    QCOMPARE(after.alert1, before.alert1);
    QCOMPARE(after.cancelled, 1);
    QCOMPARE(after.cancelledMidPrep, 1);

    OrderScript collected = normalRun(QStringLiteral("b"));
    collected.to(OrderState::Refunded, t + 30 * minute);
    QCOMPARE(reportOf({collected}, t + 60 * minute).all.toReady.median, 10 * minute);
}

void TestMetricsAggregate::cancelsMidwayAndBeforeCooking()
{
    const qint64 t = noonDay(12, 0);
    OrderScript midway(QStringLiteral("mid"), t);
    midway.accept(t + 1 * minute, t + 15 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .to(OrderState::Cancelled, t + 9 * minute, QStringLiteral("Customer left"));
    OrderScript early(QStringLiteral("early"), t);
    early.to(OrderState::Cancelled, t + 1 * minute, QStringLiteral("Duplicate"));
    const FigureSet all = reportOf({midway, early}, t + 60 * minute).all;
    QCOMPARE(all.cancelled, 2);
    QCOMPARE(all.cancelledMidPrep, 1);
    QCOMPARE(in(all, OrderState::Cancelled), 2);
    QCOMPARE(all.ticketable, 2);
    QCOMPARE(all.alert1, 1); // the midway one waited 9 minutes before it was cancelled
    QCOMPARE(all.promised, 0); // a cancelled order is not judged against its promise
    QCOMPARE(all.toReady.count, 0);
    QCOMPARE(timeIn(all, OrderState::Preparing).median, 7 * minute);
}

void TestMetricsAggregate::rejectsWithTheirReasons()
{
    const qint64 t = noonDay(12, 0);
    QList<OrderScript> orders;
    for (const char *reason : {"Too busy", "Too busy", "Item unavailable"}) {
        OrderScript order(QStringLiteral("x%1").arg(orders.size()), t);
        order.to(OrderState::Rejected, t + 2 * minute, QString::fromLatin1(reason));
        orders.append(order);
    }
    orders.append(normalRun(QStringLiteral("ok")));
    const FigureSet all = reportOf(orders, t + 60 * minute).all;
    QCOMPARE(all.orders, 4);
    QCOMPARE(all.rejected, 3);
    QCOMPARE(all.rejectReasons.value(QStringLiteral("Too busy")), 2);
    QCOMPARE(all.rejectReasons.value(QStringLiteral("Item unavailable")), 1);
    QCOMPARE(all.ticketable, 1);
    QCOMPARE(FigureSet::percent(all.rejected, all.orders), 75.0);
}

void TestMetricsAggregate::aRefusedTransitionNeverHappened()
{
    const qint64 t = noonDay(12, 0);
    OrderScript order(QStringLiteral("f"), t);
    order.refusedTo(OrderState::Accepted, t + 1 * minute)
            .to(OrderState::Cancelled, t + 2 * minute, QStringLiteral("Customer"));
    const FigureSet all = reportOf({order}, t + 60 * minute).all;
    QCOMPARE(all.transitions, 2);
    QCOMPARE(all.refusals, 1);
    QCOMPARE(in(all, OrderState::Cancelled), 1);
    QCOMPARE(timeIn(all, OrderState::Accepted).count, 0);
    QCOMPARE(timeIn(all, OrderState::Placed).median, 2 * minute);
    QCOMPARE(all.cancelledMidPrep, 0);
}

void TestMetricsAggregate::anOrderSpanningMidnightBelongsToItsFirstDay()
{
    const qint64 t = at(2026, 12, 1, 23, 50);
    OrderScript order(QStringLiteral("night"), t);
    order.to(OrderState::Accepted, t + 1 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .to(OrderState::Ready, t + 20 * minute);
    const MetricsReport first = reportOf({order}, t + 60 * minute);
    QCOMPARE(first.all.orders, 1);
    QCOMPARE(first.all.toReady.median, 20 * minute);
    QCOMPARE(first.byHour[23].orders, 1);
    QCOMPARE(first.flow[0][std::size_t(OrderState::Ready)], 1); // ready at 00:10
    const MetricsWindow december2 = MetricsWindow::days(QDate(2026, 12, 2), QDate(2026, 12, 2),
                                                        QTimeZone::utc());
    QCOMPARE(reportOf({order}, t + 60 * minute, december2).all.orders, 0);
}

void TestMetricsAggregate::aDayWithTheClockSetBack()
{
    // 25 October 2026 in Madrid: 03:00 CEST becomes 02:00 CET. Orders at 01:30 local (23:30 UTC
    // the day before) and at both 02:30s belong to the day; the two 02:30s share hour 2.
    const QTimeZone madrid("Europe/Madrid");
    MetricsSettings settings = utcSettings();
    settings.zone = madrid;
    const MetricsWindow day = MetricsWindow::days(QDate(2026, 10, 25), QDate(2026, 10, 25), madrid);
    const QList<OrderScript> orders{OrderScript(QStringLiteral("a"), at(2026, 10, 24, 23, 30)),
                                    OrderScript(QStringLiteral("b"), at(2026, 10, 25, 0, 30)),
                                    OrderScript(QStringLiteral("c"), at(2026, 10, 25, 1, 30)),
                                    OrderScript(QStringLiteral("d"), at(2026, 10, 25, 23, 30))};
    const MetricsReport report = reportOf(orders, at(2026, 10, 26, 12, 0), day, settings);
    QCOMPARE(report.all.orders, 3); // d is 00:30 on the 26th in Madrid
    QCOMPARE(report.byHour[1].orders, 1);
    QCOMPARE(report.byHour[2].orders, 2);
}

void TestMetricsAggregate::timeThatGoesBackwardsIsLeftOut()
{
    // The console's clock was set back between two steps: preparing at 12:05, "ready" at 12:03.
    const qint64 t = noonDay(12, 0);
    OrderScript order(QStringLiteral("back"), t);
    order.to(OrderState::Accepted, t + 1 * minute)
            .to(OrderState::Preparing, t + 5 * minute)
            .to(OrderState::Ready, t + 3 * minute)
            .to(OrderState::PickedUp, t + 4 * minute);
    const FigureSet all = reportOf({order}, t + 60 * minute).all;
    QCOMPARE(all.unusable, 1);
    QCOMPARE(timeIn(all, OrderState::Preparing).count, 0); // never a negative stay
    QCOMPARE(timeIn(all, OrderState::Accepted).median, 4 * minute);
    QCOMPARE(timeIn(all, OrderState::Ready).median, 1 * minute);
    QCOMPARE(all.toReady.median, 3 * minute);
}

void TestMetricsAggregate::openOrdersAreJudgedAsOfNow()
{
    const qint64 t = noonDay(12, 0);
    OrderScript waiting(QStringLiteral("w"), t);
    waiting.accept(t + 1 * minute, t + 15 * minute);
    OrderScript fresh(QStringLiteral("n"), t + 18 * minute);

    const MetricsReport early = reportOf({waiting, fresh}, t + 9 * minute);
    QCOMPARE(early.all.alert1, 1); // w is 9 minutes old
    QCOMPARE(early.all.alert2, 0);
    QCOMPARE(early.all.late, 0);
    QVERIFY(early.stuck.isEmpty()); // accepted 8 minutes ago: stuck at 10
    QVERIFY(early.late.isEmpty());

    const MetricsReport later = reportOf({waiting, fresh}, t + 20 * minute);
    QCOMPARE(later.all.alert1, 1);
    QCOMPARE(later.all.alert2, 1);
    QCOMPARE(later.all.promised, 1);
    QCOMPARE(later.all.late, 1); // promised for 12:15, not ready at 12:20
    QCOMPARE(later.late.size(), 1);
    QCOMPARE(later.late.first().orderId, QStringLiteral("w"));
    QCOMPARE(later.late.first().number, QStringLiteral("W"));
    QCOMPARE(later.stuck.size(), 1);
    QCOMPARE(later.stuck.first().state, OrderState::Accepted);
    QCOMPARE(later.stuck.first().since, t + 1 * minute);
    QCOMPARE(in(later.all, OrderState::Placed), 1);
    QCOMPARE(in(later.all, OrderState::Accepted), 1);
}

void TestMetricsAggregate::stationsAndLines()
{
    const qint64 t = noonDay(12, 0);
    OrderScript order(QStringLiteral("s"), t);
    order.to(OrderState::Accepted, t + 1 * minute)
            .to(OrderState::Preparing, t + 2 * minute)
            .line(1, QStringLiteral("fry"), t + 4 * minute)
            .station(QStringLiteral("grill"), t + 5 * minute)
            .station(QStringLiteral("grill"), t + 6 * minute, false) // reopened
            .station(QStringLiteral("grill"), t + 7 * minute)
            .line(2, QStringLiteral("cold"), t + 3 * minute)
            .line(2, QStringLiteral("cold"), t + 5 * minute, false); // reopened, never redone
    const MetricsReport report = reportOf({order}, t + 60 * minute);
    QCOMPARE(report.all.stationTime.median, 6 * minute);
    QCOMPARE(report.all.lineFiredToDone.count, 1);
    QCOMPARE(report.all.lineFiredToDone.median, 3 * minute);
    QCOMPARE(report.all.lineStartedToDone.median, 2 * minute);
    QCOMPARE(report.byStation.keys(), (QList<QString>{QStringLiteral("fry"), QStringLiteral("grill")}));
    QCOMPARE(report.byStation.value(QStringLiteral("grill")).stationTime.median, 6 * minute);
    QCOMPARE(report.byStation.value(QStringLiteral("grill")).lineFiredToDone.count, 0);
    QCOMPARE(report.byStation.value(QStringLiteral("fry")).lineFiredToDone.median, 3 * minute);
}

void TestMetricsAggregate::groupsBySourceTypeAndHour()
{
    const qint64 t = noonDay(12, 0);
    OrderScript counter(QStringLiteral("c"), t + 60 * minute, OrderType::DineIn,
                        QStringLiteral("pos:square"));
    counter.to(OrderState::Accepted, t + 61 * minute);
    const MetricsReport report = reportOf({normalRun(QStringLiteral("p")), counter},
                                          t + 62 * minute);
    QCOMPARE(report.bySource.keys(),
             (QList<QString>{QStringLiteral("platform"), QStringLiteral("pos:square")}));
    QCOMPARE(report.bySource.value(QStringLiteral("pos:square")).orders, 1);
    QCOMPARE(report.bySource.value(QStringLiteral("platform")).toReady.median, 10 * minute);
    QCOMPARE(report.byType.value(OrderType::DineIn).orders, 1);
    QCOMPARE(report.byType.value(OrderType::Pickup).orders, 1);
    QVERIFY(!report.byType.contains(OrderType::Delivery));
    QCOMPARE(report.byHour[12].orders, 1);
    QCOMPARE(report.byHour[13].orders, 1);
}

void TestMetricsAggregate::incrementalEqualsAFreshFold()
{
    // Many orders whose events interleave; the aggregate is updated after every event, then
    // compared with one built afresh from the same ledger.
    QList<OrderScript> orders;
    for (int i = 0; i < 40; ++i) {
        const qint64 start = noonDay(11, 0) + i * 97 * 1000;
        OrderScript order(QStringLiteral("i%1").arg(i), start,
                          i % 3 == 0 ? OrderType::Delivery : OrderType::Pickup,
                          i % 4 == 0 ? QStringLiteral("pos:clover") : QStringLiteral("platform"));
        if (i % 7 == 0) {
            order.to(OrderState::Rejected, start + minute, QStringLiteral("Too busy"));
        } else {
            order.accept(start + (i % 3) * minute, start + 12 * minute)
                    .to(OrderState::Preparing, start + 3 * minute)
                    .station(QStringLiteral("grill"), start + (4 + i % 9) * minute);
            if (i % 5 == 0)
                order.to(OrderState::Cancelled, start + 6 * minute, QStringLiteral("Customer"));
            else if (i % 2 == 0)
                order.to(OrderState::Ready, start + (5 + i % 11) * minute)
                        .recall(OrderState::Preparing, start + 17 * minute)
                        .to(OrderState::Ready, start + 19 * minute);
            else
                order.to(OrderState::Ready, start + (5 + i % 13) * minute);
        }
        orders.append(order);
    }
    QList<LoggedEvent> log;
    for (const OrderScript &order : orders)
        log += order.events();
    std::sort(log.begin(), log.end(), [](const LoggedEvent &a, const LoggedEvent &b) {
        return a.occurredAt != b.occurredAt ? a.occurredAt < b.occurredAt : a.seq < b.seq;
    });

    MetricsLedger ledger;
    MetricsAggregate live(december1, utcSettings());
    for (const LoggedEvent &event : log) {
        const QString changed = ledger.apply(event);
        live.update(changed, ledger.timelines().value(changed));
    }
    MetricsAggregate fresh(december1, utcSettings());
    fresh.reset(ledger.timelines());
    const qint64 now = noonDay(13, 0);
    QCOMPARE(live.orderCount(), 40);
    QCOMPARE(describe(live.report(now, 0)), describe(fresh.report(now, 0)));
    QVERIFY(live.report(now, 0).all.recalls > 0);
}

QTEST_GUILESS_MAIN(TestMetricsAggregate)
#include "tst_metricsaggregate.moc"
