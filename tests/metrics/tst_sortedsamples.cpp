// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/sortedsamples.h"

#include <QTest>

class TestSortedSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyHasNoFigures();
    void percentilesByNearestRank_data();
    void percentilesByNearestRank();
    void takenBackSampleLeavesTheRest();
    void takingBackAnUnknownSampleChangesNothing();
};

void TestSortedSamples::emptyHasNoFigures()
{
    const SortedSamples samples;
    QCOMPARE(samples.distribution(), Distribution{});
    QCOMPARE(samples.percentile(90), 0);
}

void TestSortedSamples::percentilesByNearestRank_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<qint64>("expected");
    // Worked out by hand: rank = ceil(p/100 × n), 1-based, over the sorted values.
    QTest::newRow("one sample, any p") << QList<qint64>{7} << 99.0 << qint64(7);
    QTest::newRow("ten, median is the 5th") << QList<qint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
                                            << 50.0 << qint64(5);
    QTest::newRow("ten, p90 is the 9th") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 90.0
                                         << qint64(9);
    QTest::newRow("ten, p99 is the 10th") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 99.0
                                          << qint64(10);
    QTest::newRow("two, median is the lower") << QList<qint64>{4, 2} << 50.0 << qint64(2);
    QTest::newRow("three, median is the middle") << QList<qint64>{3, 1, 2} << 50.0 << qint64(2);
    QTest::newRow("repeated values") << QList<qint64>{5, 5, 5, 1} << 50.0 << qint64(5);
}

void TestSortedSamples::percentilesByNearestRank()
{
    QFETCH(QList<qint64>, values);
    QFETCH(double, p);
    QFETCH(qint64, expected);
    SortedSamples samples;
    for (qint64 value : values)
        samples.add(value);
    QCOMPARE(samples.percentile(p), expected);
}

void TestSortedSamples::takenBackSampleLeavesTheRest()
{
    SortedSamples samples;
    for (qint64 value : {30, 10, 20, 10})
        samples.add(value);
    QVERIFY(samples.remove(10));
    const Distribution d = samples.distribution();
    QCOMPARE(d.count, 3);
    QCOMPARE(d.fastest, 10);
    QCOMPARE(d.median, 20);
    QCOMPARE(d.slowest, 30);
}

void TestSortedSamples::takingBackAnUnknownSampleChangesNothing()
{
    SortedSamples samples;
    samples.add(10);
    QVERIFY(!samples.remove(11));
    QCOMPARE(samples.count(), 1);
}

QTEST_GUILESS_MAIN(TestSortedSamples)
#include "tst_sortedsamples.moc"
