// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/backoff.h"

#include <QTest>

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delaysStayUnderTheCappedExponential();
    void jitterSpreadsConsoles();
    void resetStartsOver();
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

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
