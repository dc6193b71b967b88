// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/backoff.h"

#include <QTest>

#include <algorithm>

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delaysStayUnderTheCappedExponential();
    void jitterSpreadsConsoles();
    void resetStartsOver();
    void delayAfterAFailureIsCappedJitteredAndSeeded();
};

void TestBackoff::delaysStayUnderTheCappedExponential()
{
    Backoff backoff(500, 30'000, 7);
    for (int attempt = 0; attempt < 40; ++attempt) {
        const qint64 ceiling = std::min<qint64>(30'000, qint64(500) << std::min(attempt, 30));
        const qint64 delay = backoff.nextDelayMs();
        QVERIFY2(delay >= 0 && delay <= ceiling,
                 qPrintable(QStringLiteral("attempt %1: %2 > %3").arg(attempt).arg(delay).arg(ceiling)));
    }
    QCOMPARE(backoff.attempts(), 40);
}

void TestBackoff::jitterSpreadsConsoles()
{
    // A hundred consoles losing the hub together must not come back together.
    QList<qint64> firstRetries;
    for (quint32 console = 1; console <= 100; ++console)
        firstRetries.append(Backoff(500, 30'000, console).jitterMs(5000));
    std::sort(firstRetries.begin(), firstRetries.end());
    QVERIFY(firstRetries.constFirst() < 1000);
    QVERIFY(firstRetries.constLast() > 4000);
    int inTheSameSecond = 0;
    for (qint64 retry : firstRetries)
        inTheSameSecond += retry < 1000 ? 1 : 0;
    QVERIFY2(inTheSameSecond < 40, "more than 40% of consoles retried in the first second");
}

void TestBackoff::resetStartsOver()
{
    Backoff backoff(100, 10'000, 3);
    for (int i = 0; i < 10; ++i)
        backoff.nextDelayMs();
    backoff.reset();
    QCOMPARE(backoff.attempts(), 0);
    QVERIFY(backoff.nextDelayMs() <= 100);
}

void TestBackoff::delayAfterAFailureIsCappedJitteredAndSeeded()
{
    // The dispatcher asks by an event's own failure count, not by a running attempt counter.
    Backoff backoff(1000, 8000, 11);
    QCOMPARE(backoff.ceilingAfter(1), 1000);
    QCOMPARE(backoff.ceilingAfter(2), 2000);
    QCOMPARE(backoff.ceilingAfter(4), 8000);
    QCOMPARE(backoff.ceilingAfter(40), 8000); // capped, never overflowing
    QList<qint64> first;
    QList<qint64> spread;
    for (int failures = 1; failures <= 20; ++failures) {
        const qint64 delay = backoff.delayAfter(failures);
        QVERIFY(delay >= 0 && delay <= backoff.ceilingAfter(failures));
        first.append(delay);
        if (failures >= 4)
            spread.append(delay);
    }
    QCOMPARE(backoff.attempts(), 0); // delayAfter counts nothing
    std::sort(spread.begin(), spread.end());
    QVERIFY(spread.constFirst() != spread.constLast()); // jittered, not a fixed wait
    // The same seed gives the same waits: tests can rely on them.
    Backoff again(1000, 8000, 11);
    for (int failures = 1; failures <= 20; ++failures)
        QCOMPARE(again.delayAfter(failures), first.at(failures - 1));
}

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
