// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/result.h"

#include <QTest>

#include <memory>

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsAValue();
    void holdsAFailure();
    void movesItsValueOut();
    void voidResultSaysOnlyWhetherItWorked();
};

namespace {

Result<int> half(int n)
{
    if (n % 2 != 0)
        return Failure {QStringLiteral("%1 is odd").arg(n)};
    return n / 2;
}

} // namespace

void TestResult::holdsAValue()
{
    const Result<int> result = half(8);
    QVERIFY(result);
    QVERIFY(result.ok());
    QCOMPARE(*result, 4);
    QCOMPARE(result.value(), 4);
    QVERIFY(result.error().isEmpty());
    QCOMPARE(result.toOptional(), std::optional<int>(4));
}

void TestResult::holdsAFailure()
{
    const Result<int> result = half(7);
    QVERIFY(!result);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("7 is odd"));
    QCOMPARE(result.toOptional(), std::nullopt);
}

void TestResult::movesItsValueOut()
{
    // A move-only value goes through: results carry orders and batches without copies.
    Result<std::unique_ptr<int>> result = std::make_unique<int>(5);
    QVERIFY(result);
    std::unique_ptr<int> taken = std::move(result).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 5);
}

void TestResult::voidResultSaysOnlyWhetherItWorked()
{
    const Result<void> worked;
    QVERIFY(worked);
    QVERIFY(worked.error().isEmpty());

    const Result<void> failed = Failure {QStringLiteral("disk full")};
    QVERIFY(!failed);
    QCOMPARE(failed.error(), QStringLiteral("disk full"));
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
