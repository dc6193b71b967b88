// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/localhours.h"
#include "metrics/metricswindow.h"
#include "orderscript.h"

#include <QTest>

using namespace MetricsTest;

class TestMetricsWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDayRunsFromLocalMidnightToLocalMidnight();
    void aDayWithTheClockSetBackHas25Hours();
    void aDayWithTheClockSetForwardHas23Hours();
    void todayIsTheLocalDayOfNow();
    void lastHourSlidesWithNow();
    void aRangeCoversBothEnds();
    void localHoursAgreeWithQDateTime_data();
    void localHoursAgreeWithQDateTime();
};

void TestMetricsWindow::aDayRunsFromLocalMidnightToLocalMidnight()
{
    const QTimeZone madrid("Europe/Madrid");
    const MetricsWindow window = MetricsWindow::days(QDate(2026, 12, 1), QDate(2026, 12, 1), madrid);
    // CET is UTC+1 in December: local midnight is 23:00 UTC the day before.
    QCOMPARE(window.from, at(2026, 11, 30, 23, 0));
    QCOMPARE(window.to, at(2026, 12, 1, 23, 0));
    QVERIFY(window.contains(at(2026, 12, 1, 22, 59)));
    QVERIFY(!window.contains(at(2026, 12, 1, 23, 0)));
}

void TestMetricsWindow::aDayWithTheClockSetBackHas25Hours()
{
    const QTimeZone madrid("Europe/Madrid");
    const MetricsWindow window = MetricsWindow::days(QDate(2026, 10, 25), QDate(2026, 10, 25), madrid);
    QCOMPARE(window.to - window.from, 25 * 60 * minute);
}

void TestMetricsWindow::aDayWithTheClockSetForwardHas23Hours()
{
    const QTimeZone madrid("Europe/Madrid");
    const MetricsWindow window = MetricsWindow::days(QDate(2026, 3, 29), QDate(2026, 3, 29), madrid);
    QCOMPARE(window.to - window.from, 23 * 60 * minute);
}

void TestMetricsWindow::todayIsTheLocalDayOfNow()
{
    const QTimeZone madrid("Europe/Madrid");
    // 23:30 UTC on 1 December is 00:30 on 2 December in Madrid.
    const MetricsWindow window = MetricsWindow::today(at(2026, 12, 1, 23, 30), madrid);
    QCOMPARE(window.first, QDate(2026, 12, 2));
    QVERIFY(window.contains(at(2026, 12, 1, 23, 30)));
}

void TestMetricsWindow::lastHourSlidesWithNow()
{
    const qint64 now = noonDay(12, 0);
    const MetricsWindow window = MetricsWindow::lastHour(now);
    QVERIFY(window.contains(now));
    QVERIFY(window.contains(noonDay(11, 0)));
    QVERIFY(!window.contains(noonDay(10, 59)));
}

void TestMetricsWindow::aRangeCoversBothEnds()
{
    const MetricsWindow window = MetricsWindow::days(QDate(2026, 12, 3), QDate(2026, 12, 1),
                                                     QTimeZone::utc());
    QCOMPARE(window.first, QDate(2026, 12, 1));
    QCOMPARE(window.from, at(2026, 12, 1, 0, 0));
    QCOMPARE(window.to, at(2026, 12, 4, 0, 0));
}

void TestMetricsWindow::localHoursAgreeWithQDateTime_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("UTC") << QByteArray("UTC");
    QTest::newRow("Madrid, both clock changes") << QByteArray("Europe/Madrid");
    QTest::newRow("New York") << QByteArray("America/New_York");
    QTest::newRow("Kathmandu, +5:45") << QByteArray("Asia/Kathmandu");
    QTest::newRow("Adelaide, +9:30 / +10:30") << QByteArray("Australia/Adelaide");
}

void TestMetricsWindow::localHoursAgreeWithQDateTime()
{
    QFETCH(QByteArray, zone);
    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    LocalHours hours(timeZone);
    // Every 7 minutes 13 seconds through 2026: both clock changes, every quarter hour's phase.
    const qint64 step = 7 * minute + 13 * 1000;
    for (qint64 t = at(2026, 1, 1, 0, 0); t < at(2027, 1, 1, 0, 0); t += step) {
        const int expected = QDateTime::fromMSecsSinceEpoch(t, timeZone).time().hour();
        if (hours.hourOf(t) != expected)
            QFAIL(qPrintable(QStringLiteral("%1: %2, not %3")
                                     .arg(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc())
                                                  .toString(Qt::ISODate))
                                     .arg(hours.hourOf(t))
                                     .arg(expected)));
    }
}

QTEST_GUILESS_MAIN(TestMetricsWindow)
#include "tst_metricswindow.moc"
