// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
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

QTEST_GUILESS_MAIN(TestMetricsWindow)
#include "tst_metricswindow.moc"
