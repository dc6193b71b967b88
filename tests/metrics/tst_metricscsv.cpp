// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV exports read back with a reader of their own (csvtestreader.h) and held against the
// report and the timelines they were written from, figure by figure and time by time.
#include "csvtestreader.h"
#include "testcards.h"
#include "metrics/localhours.h"
#include "metrics/metricsaggregate.h"
#include "metrics/metricscsv.h"
#include "metrics/metricsledger.h"
#include "metrics/orderfigures.h"
#include "orderscript.h"
#include "common/cardredaction.h"

#include <QDateTime>
#include <QTest>

#include <algorithm>

using namespace MetricsTest;

namespace {
// A Visa test number (Luhn-valid), as a customer might type it into a note.
const QString cardNumber = TestCards::number("visa_spaced");

MetricsSettings utcSettings()
{
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    return settings; // alert 1 at 8 min, alert 2 at 12 min
}

const MetricsWindow december1 =
    MetricsWindow::days(QDate(2026, 12, 1), QDate(2026, 12, 1), QTimeZone::utc());
const qint64 now = noonDay(15, 30);

// The fixture's orders on 2026-12-01 (UTC), and one the next day that no file may show.
QList<OrderScript> dayOfOrders()
{
    OrderScript a1(QStringLiteral("a1"), noonDay(12, 0));
    a1.accept(noonDay(12, 1), noonDay(12, 20))
        .to(OrderState::Preparing, noonDay(12, 2))
        .line(0, QStringLiteral("grill"), noonDay(12, 5), true, QStringLiteral("Cheeseburger"))
        .station(QStringLiteral("grill"), noonDay(12, 6))
        .to(OrderState::Ready, noonDay(12, 10))
        .to(OrderState::PickedUp, noonDay(12, 15));
    OrderScript b2(QStringLiteral("b2"), noonDay(12, 30), OrderType::Delivery,
                   QStringLiteral("pos:square"));
    b2.accept(noonDay(12, 31), noonDay(12, 40))
        .to(OrderState::Preparing, noonDay(12, 32))
        .line(1, QStringLiteral("fry"), noonDay(12, 38), true,
              QStringLiteral("Café au lait, \"large\""))
        .to(OrderState::Ready, noonDay(12, 45))
        .to(OrderState::OutForDelivery, noonDay(12, 50))
        .to(OrderState::Delivered, noonDay(13, 20));
    OrderScript c3(QStringLiteral("c3"), noonDay(13, 5));
    c3.to(OrderState::Rejected, noonDay(13, 6), QStringLiteral("Card %1 declined").arg(cardNumber));
    OrderScript d4(QStringLiteral("d4"), noonDay(13, 10));
    d4.accept(noonDay(13, 11), noonDay(13, 30))
        .to(OrderState::Preparing, noonDay(13, 12))
        .to(OrderState::Cancelled, noonDay(13, 20),
            QStringLiteral("=HYPERLINK(\"http://example.com\")"));
    OrderScript e5(QStringLiteral("e5"), noonDay(14, 0), OrderType::DineIn);
    e5.accept(noonDay(14, 1), noonDay(14, 20))
        .to(OrderState::Preparing, noonDay(14, 2))
        .to(OrderState::Ready, noonDay(14, 5))
        .recall(OrderState::Preparing, noonDay(14, 6))
        .line(2, QStringLiteral("-cold"), noonDay(14, 8), true, QStringLiteral("@sum"))
        .to(OrderState::Ready, noonDay(14, 9))
        .refusedTo(OrderState::PickedUp, noonDay(14, 10))
        .to(OrderState::PickedUp, noonDay(14, 12));
    OrderScript f6(QStringLiteral("f6"), noonDay(15, 0));
    f6.accept(noonDay(15, 1), noonDay(15, 15)).to(OrderState::Preparing, noonDay(15, 2));
    OrderScript x9(QStringLiteral("x9"), at(2026, 12, 2, 9, 0));
    x9.accept(at(2026, 12, 2, 9, 1), at(2026, 12, 2, 9, 20));
    return {a1, b2, c3, d4, e5, f6, x9};
}

// The scripts folded in log order and reported over December 1st as of now.
ReportData dataOf(const QList<OrderScript> &orders)
{
    const MetricsLedger ledger = ledgerOf(orders);
    MetricsAggregate aggregate(december1, utcSettings());
    aggregate.reset(ledger.timelines());
    return ReportData::of(aggregate.report(now, ledger.lastSeq()), ledger.timelines(),
                          QTimeZone::utc());
}

qint64 msOf(const QString &isoTime)
{
    return isoTime.isEmpty()
        ? 0
        : QDateTime::fromString(isoTime, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const Distribution *distributionOf(const FigureSet &set, const QString &name)
{
    if (name == QLatin1String("to_ready"))
        return &set.toReady;
    if (name == QLatin1String("to_handed_over"))
        return &set.toHandedOver;
    if (name == QLatin1String("station_time"))
        return &set.stationTime;
    if (name == QLatin1String("line_fired_to_done"))
        return &set.lineFiredToDone;
    if (name == QLatin1String("line_started_to_done"))
        return &set.lineStartedToDone;
    for (OrderState state : OrderStates::all()) {
        if (name == QLatin1String("time_in_") + OrderStates::toString(state))
            return &set.timeIn[std::size_t(state)];
    }
    return nullptr;
}

// One statistic of a distribution as the file should show it; nothing for an unknown name.
std::optional<QString> statisticOf(const Distribution &d, const QString &stat)
{
    if (stat == QLatin1String("count"))
        return QString::number(d.count);
    qint64 ms = 0;
    if (stat == QLatin1String("fastest"))
        ms = d.fastest;
    else if (stat == QLatin1String("median"))
        ms = d.median;
    else if (stat == QLatin1String("p90"))
        ms = d.p90;
    else if (stat == QLatin1String("p99"))
        ms = d.p99;
    else if (stat == QLatin1String("slowest"))
        ms = d.slowest;
    else
        return std::nullopt;
    return d.count > 0 ? MetricsCsv::seconds(ms) : QString();
}

// What figures.csv should say for figure of set, worked out from the report's own fields.
std::optional<QString> expectedValue(const FigureSet &s, const QString &figure)
{
    const QHash<QString, int> counts {
        {QStringLiteral("orders"), s.orders},
        {QStringLiteral("ticketable"), s.ticketable},
        {QStringLiteral("alert1"), s.alert1},
        {QStringLiteral("alert2"), s.alert2},
        {QStringLiteral("promised"), s.promised},
        {QStringLiteral("late"), s.late},
        {QStringLiteral("recalls"), s.recalls},
        {QStringLiteral("rejected"), s.rejected},
        {QStringLiteral("cancelled"), s.cancelled},
        {QStringLiteral("cancelled_mid_prep"), s.cancelledMidPrep},
        {QStringLiteral("transitions"), s.transitions},
        {QStringLiteral("refusals"), s.refusals},
        {QStringLiteral("unusable"), s.unusable},
    };
    if (counts.contains(figure))
        return QString::number(counts.value(figure));
    if (figure == QLatin1String("alert1_pct"))
        return MetricsCsv::percent(s.alert1, s.ticketable);
    if (figure == QLatin1String("alert2_pct"))
        return MetricsCsv::percent(s.alert2, s.ticketable);
    if (figure == QLatin1String("late_pct"))
        return MetricsCsv::percent(s.late, s.promised);
    if (figure == QLatin1String("refusal_pct"))
        return MetricsCsv::percent(s.refusals, s.transitions);
    for (OrderState state : OrderStates::all()) {
        if (figure == QLatin1String("in_state_") + OrderStates::toString(state))
            return QString::number(s.inState[std::size_t(state)]);
    }
    if (figure.startsWith(QLatin1String("reject_reason:"))) {
        const QString reason = figure.mid(int(qstrlen("reject_reason:")));
        for (auto it = s.rejectReasons.cbegin(); it != s.rejectReasons.cend(); ++it) {
            if (CardRedaction::redact(it.key()) == reason)
                return QString::number(it.value());
        }
        return std::nullopt;
    }
    const qsizetype split = figure.lastIndexOf(QLatin1Char('_'));
    if (const Distribution *d = distributionOf(s, figure.left(split)))
        return statisticOf(*d, figure.mid(split + 1));
    return std::nullopt;
}

const FigureSet *groupOf(const MetricsReport &report, const QString &group, const QString &key)
{
    if (group == QLatin1String("all"))
        return key == QLatin1String("all") ? &report.all : nullptr;
    if (group == QLatin1String("type")) {
        const std::optional<OrderType> type = OrderTypes::fromString(key);
        return type && report.byType.contains(*type) ? &report.byType.find(*type).value() : nullptr;
    }
    if (group == QLatin1String("source"))
        return report.bySource.contains(key) ? &report.bySource.find(key).value() : nullptr;
    if (group == QLatin1String("station")) {
        // The file guards a name that would start a formula; the report has it as it is.
        const QString name = key.startsWith(QLatin1Char('\'')) ? key.mid(1) : key;
        return report.byStation.contains(name) ? &report.byStation.find(name).value() : nullptr;
    }
    if (group == QLatin1String("hour")) {
        bool ok = false;
        const int hour = key.toInt(&ok);
        return ok && hour >= 0 && hour < 24 ? &report.byHour[std::size_t(hour)] : nullptr;
    }
    return nullptr;
}

CsvTest::Table readBack(const QByteArray &bytes)
{
    CsvTest::Table table = CsvTest::read(bytes);
    if (!table.ok)
        qWarning().noquote() << "cannot read the CSV back:" << table.error;
    return table;
}

const QHash<QString, QString> *rowOf(const QList<QHash<QString, QString>> &rows,
                                     const QString &column, const QString &value)
{
    for (const QHash<QString, QString> &row : rows) {
        if (row.value(column) == value)
            return &row;
    }
    return nullptr;
}
} // namespace

class TestMetricsCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAreQuotedAsRfc4180Says_data();
    void fieldsAreQuotedAsRfc4180Says();
    void textThatWouldRunAsAFormulaIsGuarded_data();
    void textThatWouldRunAsAFormulaIsGuarded();
    void secondsAndPercentagesHaveOneDecimal_data();
    void secondsAndPercentagesHaveOneDecimal();
    void timesAreUtcIsoWithZ();
    void filesAreUtf8WithByteOrderMarkAndCrlf();
    void everyFigureEqualsTheReport();
    void figuresHaveEveryGroupAndTheNamedFigures();
    void ordersEqualTheTimelines();
    void itemsEqualTheTimelines();
    void cardNumbersNeverGetOut();
    void emptyDayHasHeadersOnly();
};

void TestMetricsCsv::fieldsAreQuotedAsRfc4180Says_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("grill") << QStringLiteral("grill");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces kept bare") << QStringLiteral(" a b ") << QStringLiteral(" a b ");
    QTest::newRow("comma") << QStringLiteral("fries, large") << QStringLiteral("\"fries, large\"");
    QTest::newRow("quote doubled")
        << QStringLiteral("the \"big\" one") << QStringLiteral("\"the \"\"big\"\" one\"");
    QTest::newRow("line feed") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("accents") << QStringLiteral("Café") << QStringLiteral("Café");
}

void TestMetricsCsv::fieldsAreQuotedAsRfc4180Says()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(MetricsCsv::field(value), field);
    // And a reader of its own gets the value back.
    const QString text =
        QStringLiteral("h\r\n") + MetricsCsv::field(value) + QStringLiteral("\r\n");
    const CsvTest::Table table = readBack(text.toUtf8());
    QVERIFY(table.ok);
    QCOMPARE(table.records.size(), 1);
    QCOMPARE(table.records.constFirst().constFirst(), value);
}

void TestMetricsCsv::textThatWouldRunAsAFormulaIsGuarded_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
    QTest::newRow("inside is harmless") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("plain") << QStringLiteral("Too busy") << QStringLiteral("Too busy");
    QTest::newRow("empty") << QString() << QString();
}

void TestMetricsCsv::textThatWouldRunAsAFormulaIsGuarded()
{
    QFETCH(QString, value);
    QFETCH(QString, text);
    QCOMPARE(MetricsCsv::text(value), text);
    QCOMPARE(MetricsCsv::freeText(value), text); // no card number: only the guard
}

void TestMetricsCsv::secondsAndPercentagesHaveOneDecimal_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0 ms") << MetricsCsv::seconds(0) << QStringLiteral("0.0");
    QTest::newRow("49 ms") << MetricsCsv::seconds(49) << QStringLiteral("0.0");
    QTest::newRow("50 ms") << MetricsCsv::seconds(50) << QStringLiteral("0.1");
    QTest::newRow("1249 ms") << MetricsCsv::seconds(1249) << QStringLiteral("1.2");
    QTest::newRow("1250 ms") << MetricsCsv::seconds(1250) << QStringLiteral("1.3");
    QTest::newRow("10 min") << MetricsCsv::seconds(10 * minute) << QStringLiteral("600.0");
    QTest::newRow("1 of 3") << MetricsCsv::percent(1, 3) << QStringLiteral("33.3");
    QTest::newRow("2 of 3") << MetricsCsv::percent(2, 3) << QStringLiteral("66.7");
    QTest::newRow("1 of 16") << MetricsCsv::percent(1, 16) << QStringLiteral("6.3");
    QTest::newRow("5 of 5") << MetricsCsv::percent(5, 5) << QStringLiteral("100.0");
    QTest::newRow("0 of 0") << MetricsCsv::percent(0, 0) << QStringLiteral("0.0");
}

void TestMetricsCsv::secondsAndPercentagesHaveOneDecimal()
{
    QFETCH(QString, written);
    QFETCH(QString, expected);
    QCOMPARE(written, expected);
}

void TestMetricsCsv::timesAreUtcIsoWithZ()
{
    QCOMPARE(MetricsCsv::time(noonDay(12, 0) + 250), QStringLiteral("2026-12-01T12:00:00.250Z"));
    QCOMPARE(MetricsCsv::time(0), QString());
}

void TestMetricsCsv::filesAreUtf8WithByteOrderMarkAndCrlf()
{
    const ReportData data = dataOf(dayOfOrders());
    for (const QByteArray &bytes :
         {MetricsCsv::figures(data), MetricsCsv::orders(data), MetricsCsv::items(data)}) {
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.endsWith("\r\n"));
        const CsvTest::Table table = readBack(bytes);
        QVERIFY(table.ok);
        QVERIFY(table.byteOrderMark);
        QVERIFY(!table.records.isEmpty());
    }
    const QList<QHash<QString, QString>> items = readBack(MetricsCsv::items(data)).rows();
    QVERIFY(rowOf(items, QStringLiteral("line_name"), QStringLiteral("Café au lait, \"large\"")));
}

void TestMetricsCsv::everyFigureEqualsTheReport()
{
    const ReportData data = dataOf(dayOfOrders());
    const CsvTest::Table table = readBack(MetricsCsv::figures(data));
    QVERIFY(table.ok);
    QCOMPARE(table.header,
             QStringList({QStringLiteral("group"), QStringLiteral("key"), QStringLiteral("figure"),
                          QStringLiteral("value"), QStringLiteral("unit")}));
    QSet<QString> seen;
    for (const QHash<QString, QString> &row : table.rows()) {
        const QString where = row.value(QStringLiteral("group")) + QLatin1Char('/')
            + row.value(QStringLiteral("key")) + QLatin1Char('/')
            + row.value(QStringLiteral("figure"));
        QVERIFY2(!seen.contains(where), qPrintable(where + QStringLiteral(" twice")));
        seen.insert(where);
        const FigureSet *set = groupOf(data.report, row.value(QStringLiteral("group")),
                                       row.value(QStringLiteral("key")));
        QVERIFY2(set, qPrintable(where));
        const std::optional<QString> expected =
            expectedValue(*set, row.value(QStringLiteral("figure")));
        QVERIFY2(expected, qPrintable(where + QStringLiteral(": no such figure")));
        QVERIFY2(row.value(QStringLiteral("value")) == *expected,
                 qPrintable(where + QStringLiteral(": ") + row.value(QStringLiteral("value"))
                            + QStringLiteral(" != ") + *expected));
        QVERIFY(!row.value(QStringLiteral("unit")).isEmpty());
    }

    // A few worked out by hand, so the file and the report cannot be wrong together.
    const auto valueOf = [&](const QString &group, const QString &key, const QString &figure) {
        for (const QHash<QString, QString> &row : table.rows()) {
            if (row.value(QStringLiteral("group")) == group
                && row.value(QStringLiteral("key")) == key
                && row.value(QStringLiteral("figure")) == figure)
                return row.value(QStringLiteral("value"));
        }
        return QStringLiteral("(missing)");
    };
    const QString all = QStringLiteral("all");
    QCOMPARE(valueOf(all, all, QStringLiteral("orders")), QStringLiteral("6")); // not x9
    QCOMPARE(valueOf(all, all, QStringLiteral("to_ready_fastest")), QStringLiteral("540.0")); // e5
    QCOMPARE(valueOf(all, all, QStringLiteral("to_ready_slowest")), QStringLiteral("900.0")); // b2
    QCOMPARE(valueOf(all, all, QStringLiteral("late")), QStringLiteral("2")); // b2; f6 past 15:15
    QCOMPARE(valueOf(all, all, QStringLiteral("recalls")), QStringLiteral("1"));
    QCOMPARE(valueOf(all, all, QStringLiteral("refusals")), QStringLiteral("1"));
    QCOMPARE(valueOf(all, all, QStringLiteral("cancelled_mid_prep")), QStringLiteral("1"));
    QCOMPARE(
        valueOf(QStringLiteral("source"), QStringLiteral("pos:square"), QStringLiteral("orders")),
        QStringLiteral("1"));
    QCOMPARE(valueOf(QStringLiteral("station"), QStringLiteral("grill"),
                     QStringLiteral("station_time_median")),
             QStringLiteral("300.0")); // a1: fired 12:01, grill done 12:06
    QCOMPARE(valueOf(QStringLiteral("hour"), QStringLiteral("13"), QStringLiteral("orders")),
             QStringLiteral("2"));
    QCOMPARE(valueOf(all, all, QStringLiteral("time_in_refunded_median")), QString());
}

void TestMetricsCsv::figuresHaveEveryGroupAndTheNamedFigures()
{
    const ReportData data = dataOf(dayOfOrders());
    const QList<QHash<QString, QString>> rows = readBack(MetricsCsv::figures(data)).rows();
    QSet<QString> groups;
    QSet<QString> allFigures;
    QSet<QString> stationFigures;
    for (const QHash<QString, QString> &row : rows) {
        groups.insert(row.value(QStringLiteral("group")) + QLatin1Char('/')
                      + row.value(QStringLiteral("key")));
        if (row.value(QStringLiteral("group")) == QLatin1String("all"))
            allFigures.insert(row.value(QStringLiteral("figure")));
        if (row.value(QStringLiteral("key")) == QLatin1String("grill"))
            stationFigures.insert(row.value(QStringLiteral("figure")));
    }
    const QSet<QString> expectedGroups {
        QStringLiteral("all/all"),         QStringLiteral("type/pickup"),
        QStringLiteral("type/delivery"),   QStringLiteral("type/dine_in"),
        QStringLiteral("source/platform"), QStringLiteral("source/pos:square"),
        QStringLiteral("station/grill"),   QStringLiteral("station/fry"),
        QStringLiteral("station/'-cold"),  QStringLiteral("hour/12"),
        QStringLiteral("hour/13"),         QStringLiteral("hour/14"),
        QStringLiteral("hour/15"),
    };
    QCOMPARE(groups, expectedGroups);
    for (const char *figure : {"orders",
                               "in_state_placed",
                               "in_state_refunded",
                               "time_in_preparing_median",
                               "time_in_ready_p90",
                               "time_in_accepted_p99",
                               "to_ready_fastest",
                               "to_ready_median",
                               "to_ready_p90",
                               "to_ready_p99",
                               "to_ready_slowest",
                               "to_handed_over_median",
                               "station_time_p90",
                               "line_fired_to_done_slowest",
                               "line_started_to_done_median",
                               "alert1",
                               "alert1_pct",
                               "alert2",
                               "alert2_pct",
                               "late",
                               "late_pct",
                               "recalls",
                               "rejected",
                               "cancelled",
                               "cancelled_mid_prep",
                               "refusals",
                               "refusal_pct",
                               "unusable"})
        QVERIFY2(allFigures.contains(QLatin1String(figure)), figure);
    QVERIFY(stationFigures.contains(QStringLiteral("station_time_median")));
    QVERIFY(!stationFigures.contains(QStringLiteral("to_ready_median")));
    QVERIFY(!stationFigures.contains(QStringLiteral("late")));
}

void TestMetricsCsv::ordersEqualTheTimelines()
{
    const ReportData data = dataOf(dayOfOrders());
    const CsvTest::Table table = readBack(MetricsCsv::orders(data));
    QVERIFY(table.ok);
    const QList<QHash<QString, QString>> rows = table.rows();
    QCOMPARE(rows.size(), 6);
    QStringList ids;
    for (const QHash<QString, QString> &row : rows)
        ids.append(row.value(QStringLiteral("order_id")));
    QCOMPARE(ids,
             QStringList({QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3"),
                          QStringLiteral("d4"), QStringLiteral("e5"), QStringLiteral("f6")}));

    const QList<std::pair<const char *, OrderState>> stateColumns {
        {"placed_at", OrderState::Placed},       {"accepted_at", OrderState::Accepted},
        {"preparing_at", OrderState::Preparing}, {"ready_at", OrderState::Ready},
        {"delivered_at", OrderState::Delivered}, {"cancelled_at", OrderState::Cancelled},
        {"rejected_at", OrderState::Rejected},
    };
    for (int i = 0; i < rows.size(); ++i) {
        const QHash<QString, QString> &row = rows.at(i);
        const OrderTimeline &t = data.orders.at(i).timeline;
        QCOMPARE(row.value(QStringLiteral("number")), t.number());
        QCOMPARE(row.value(QStringLiteral("type")), OrderTypes::toString(t.type()));
        QCOMPARE(row.value(QStringLiteral("source")), t.source());
        QCOMPARE(row.value(QStringLiteral("state")), OrderStates::toString(t.state()));
        for (const auto &[column, state] : stateColumns)
            QCOMPARE(msOf(row.value(QLatin1String(column))), t.enteredAt(state));
        QCOMPARE(
            msOf(row.value(QStringLiteral("handed_over_at"))),
            std::max(t.enteredAt(OrderState::PickedUp), t.enteredAt(OrderState::OutForDelivery)));
        QCOMPARE(msOf(row.value(QStringLiteral("promised_at"))), t.promisedAt());
        QCOMPARE(row.value(QStringLiteral("recalls")).toInt(), t.recalls());
        LocalHours hours(data.zone);
        const OrderFigures figures = OrderFigures::of(data.orders.at(i).id, t, hours);
        QCOMPARE(row.value(QStringLiteral("placed_to_ready_s")),
                 figures.toReady ? MetricsCsv::seconds(*figures.toReady) : QString());
        QCOMPARE(row.value(QStringLiteral("placed_to_handed_over_s")),
                 figures.toHandedOver ? MetricsCsv::seconds(*figures.toHandedOver) : QString());
    }
    // By hand: a1 ready in 10 minutes, handed over in 15; f6 is still cooking.
    QCOMPARE(rows.at(0).value(QStringLiteral("placed_to_ready_s")), QStringLiteral("600.0"));
    QCOMPARE(rows.at(0).value(QStringLiteral("placed_to_handed_over_s")), QStringLiteral("900.0"));
    QCOMPARE(rows.at(0).value(QStringLiteral("ready_at")),
             QStringLiteral("2026-12-01T12:10:00.000Z"));
    QCOMPARE(rows.at(1).value(QStringLiteral("handed_over_at")),
             QStringLiteral("2026-12-01T12:50:00.000Z"));
    QCOMPARE(rows.at(5).value(QStringLiteral("ready_at")), QString());
    QCOMPARE(rows.at(5).value(QStringLiteral("placed_to_ready_s")), QString());
    // e5 was recalled, so its ready time is the last one.
    QCOMPARE(rows.at(4).value(QStringLiteral("recalls")), QStringLiteral("1"));
    QCOMPARE(rows.at(4).value(QStringLiteral("ready_at")),
             QStringLiteral("2026-12-01T14:09:00.000Z"));
    // d4's reason would run as a formula; the file keeps it as text.
    QCOMPARE(rows.at(3).value(QStringLiteral("end_reason")),
             QStringLiteral("'=HYPERLINK(\"http://example.com\")"));
}

void TestMetricsCsv::itemsEqualTheTimelines()
{
    const ReportData data = dataOf(dayOfOrders());
    const CsvTest::Table table = readBack(MetricsCsv::items(data));
    QVERIFY(table.ok);
    const QList<QHash<QString, QString>> rows = table.rows();
    int expectedRows = 0;
    for (const ReportData::PlacedOrder &order : data.orders)
        expectedRows +=
            int(order.timeline.stationsDone().size() + order.timeline.linesDone().size());
    QCOMPARE(rows.size(), expectedRows);
    QCOMPARE(rows.size(), 4); // a1: a line and its station; b2 and e5: a line each

    for (const QHash<QString, QString> &row : rows) {
        const auto order = std::find_if(data.orders.cbegin(), data.orders.cend(),
                                        [&](const ReportData::PlacedOrder &o) {
                                            return o.id == row.value(QStringLiteral("order_id"));
                                        });
        QVERIFY(order != data.orders.cend());
        const OrderTimeline &t = order->timeline;
        const qint64 fired = t.enteredAt(OrderState::Accepted);
        const qint64 started = t.enteredAt(OrderState::Preparing);
        QCOMPARE(msOf(row.value(QStringLiteral("fired_at"))), fired);
        QCOMPARE(msOf(row.value(QStringLiteral("started_at"))), started);
        QString station = row.value(QStringLiteral("station"));
        if (station.startsWith(QLatin1Char('\'')))
            station = station.mid(1);
        qint64 doneAt = 0;
        if (row.value(QStringLiteral("line")).isEmpty()) {
            const auto done = std::find_if(
                    t.stationsDone().cbegin(), t.stationsDone().cend(),
                    [&](const OrderTimeline::StationDone &s) { return s.station == station; });
            QVERIFY(done != t.stationsDone().cend());
            doneAt = done->doneAt;
        } else {
            const int index = row.value(QStringLiteral("line")).toInt();
            for (const OrderTimeline::LineDone &line : t.linesDone()) {
                if (line.item == index) {
                    QCOMPARE(line.station, station);
                    doneAt = line.doneAt;
                }
            }
        }
        QVERIFY(doneAt > 0);
        QCOMPARE(msOf(row.value(QStringLiteral("done_at"))), doneAt);
        QCOMPARE(row.value(QStringLiteral("fired_to_done_s")), MetricsCsv::seconds(doneAt - fired));
        QCOMPARE(row.value(QStringLiteral("started_to_done_s")),
                 MetricsCsv::seconds(doneAt - started));
    }
    // a1's rows in the order they were done: the line (12:05), then the grill (12:06).
    QCOMPARE(rows.at(0).value(QStringLiteral("line")), QStringLiteral("0"));
    QCOMPARE(rows.at(0).value(QStringLiteral("line_name")), QStringLiteral("Cheeseburger"));
    QCOMPARE(rows.at(0).value(QStringLiteral("fired_to_done_s")), QStringLiteral("240.0"));
    QCOMPARE(rows.at(1).value(QStringLiteral("line")), QString());
    QCOMPARE(rows.at(1).value(QStringLiteral("station")), QStringLiteral("grill"));
    QCOMPARE(rows.at(1).value(QStringLiteral("fired_to_done_s")), QStringLiteral("300.0"));
    // e5's station and line name would run as formulas.
    QCOMPARE(rows.at(3).value(QStringLiteral("station")), QStringLiteral("'-cold"));
    QCOMPARE(rows.at(3).value(QStringLiteral("line_name")), QStringLiteral("'@sum"));
}

void TestMetricsCsv::cardNumbersNeverGetOut()
{
    QVERIFY(CardRedaction::containsCardNumber(cardNumber)); // the fixture is card-like
    const ReportData data = dataOf(dayOfOrders());
    const QByteArray figures = MetricsCsv::figures(data);
    const QByteArray orders = MetricsCsv::orders(data);
    const QByteArray items = MetricsCsv::items(data);
    for (const QByteArray &bytes : {figures, orders, items}) {
        QVERIFY(!bytes.contains(cardNumber.toUtf8()));
        QVERIFY(!bytes.contains(TestCards::number("visa").toUtf8()));
    }
    const QList<QHash<QString, QString>> orderRows = readBack(orders).rows();
    const QHash<QString, QString> *rejected =
        rowOf(orderRows, QStringLiteral("order_id"), QStringLiteral("c3"));
    QVERIFY(rejected);
    const QString masked =
        QStringLiteral("Card %1 declined").arg(CardRedaction::redact(cardNumber));
    QCOMPARE(rejected->value(QStringLiteral("end_reason")), masked);
    QVERIFY(masked.contains(QLatin1String("1111")));
    const QList<QHash<QString, QString>> figureRows = readBack(figures).rows();
    QVERIFY(rowOf(figureRows, QStringLiteral("figure"), QStringLiteral("reject_reason:") + masked));
}

void TestMetricsCsv::emptyDayHasHeadersOnly()
{
    const ReportData data = dataOf({});
    for (const QByteArray &bytes : {MetricsCsv::orders(data), MetricsCsv::items(data)}) {
        const CsvTest::Table table = readBack(bytes);
        QVERIFY(table.ok);
        QVERIFY(!table.header.isEmpty());
        QCOMPARE(table.records.size(), 0);
    }
    // The whole day's group is there, with nothing in it.
    const QList<QHash<QString, QString>> rows = readBack(MetricsCsv::figures(data)).rows();
    const QHash<QString, QString> *orders =
        rowOf(rows, QStringLiteral("figure"), QStringLiteral("orders"));
    QVERIFY(orders);
    QCOMPARE(orders->value(QStringLiteral("value")), QStringLiteral("0"));
    QVERIFY(!rowOf(rows, QStringLiteral("group"), QStringLiteral("hour")));
}

QTEST_GUILESS_MAIN(TestMetricsCsv)
#include "tst_metricscsv.moc"
