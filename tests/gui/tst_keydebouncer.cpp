// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/keydebouncer.h"

#include <QTest>

namespace {
constexpr qint64 t0 = 1'764'000'000'000;
const QKeyCombination enter(Qt::Key_Return);
const QKeyCombination space(Qt::Key_Space);
const QKeyCombination shiftEnter(Qt::ShiftModifier, Qt::Key_Return);
} // namespace

// The same key twice within the window counts once; another key, or the same after the window,
// counts. Times are given, so no test waits.
class TestKeyDebouncer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pressesCountOnce_data();
    void pressesCountOnce();
    void aWindowOfZeroCountsEveryPress();
    void aClockSetBackIsNotABounce();
    void aPressThatCountsAnywayStartsTheWindow();
};

void TestKeyDebouncer::pressesCountOnce_data()
{
    QTest::addColumn<QList<QKeyCombination>>("keys");
    QTest::addColumn<QList<int>>("atMs"); // after t0
    QTest::addColumn<QList<bool>>("counts");

    QTest::newRow("a bounce 40 ms later")
        << QList {enter, enter} << QList {0, 40} << QList {true, false};
    QTest::newRow("just inside the window")
        << QList {enter, enter} << QList {0, 299} << QList {true, false};
    QTest::newRow("at the window's end")
        << QList {enter, enter} << QList {0, 300} << QList {true, true};
    QTest::newRow("another key") << QList {enter, space} << QList {0, 40} << QList {true, true};
    QTest::newRow("a modifier makes another key")
        << QList {enter, shiftEnter} << QList {0, 40} << QList {true, true};
    QTest::newRow("each key has its own window")
        << QList {enter, space, enter, space} << QList {0, 10, 40, 50}
        << QList {true, true, false, false};
    // A chattering button: only the first press of the burst counts, and a dropped press does not
    // stretch the window, so a deliberate press right after it counts.
    QTest::newRow("chatter") << QList {enter, enter, enter, enter} << QList {0, 100, 250, 320}
                             << QList {true, false, false, true};
    QTest::newRow("a cook's steady presses")
        << QList {enter, enter, enter} << QList {0, 400, 800} << QList {true, true, true};
}

void TestKeyDebouncer::pressesCountOnce()
{
    QFETCH(QList<QKeyCombination>, keys);
    QFETCH(QList<int>, atMs);
    QFETCH(QList<bool>, counts);
    KeyDebouncer debouncer(300);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(debouncer.press(keys.at(i), t0 + atMs.at(i)), counts.at(i));
}

void TestKeyDebouncer::aWindowOfZeroCountsEveryPress()
{
    KeyDebouncer debouncer;
    QCOMPARE(debouncer.windowMs(), 0);
    QVERIFY(debouncer.press(enter, t0));
    QVERIFY(debouncer.press(enter, t0));
    debouncer.setWindowMs(300);
    QVERIFY(!debouncer.press(enter, t0 + 1));
    debouncer.setWindowMs(0);
    QVERIFY(debouncer.press(enter, t0 + 2));
}

void TestKeyDebouncer::aClockSetBackIsNotABounce()
{
    KeyDebouncer debouncer(300);
    QVERIFY(debouncer.press(enter, t0));
    QVERIFY(debouncer.press(enter, t0 - 60'000));
    QVERIFY(!debouncer.press(enter, t0 - 60'000 + 40));
}

void TestKeyDebouncer::aPressThatCountsAnywayStartsTheWindow()
{
    KeyDebouncer debouncer(300);
    debouncer.counted(enter, t0); // Enter typed in a text field: it always gets its key
    QVERIFY(!debouncer.press(enter, t0 + 40)); // its bounce on the board does not
    QVERIFY(debouncer.press(space, t0 + 40));
    QVERIFY(debouncer.press(enter, t0 + 300));
}

QTEST_GUILESS_MAIN(TestKeyDebouncer)
#include "tst_keydebouncer.moc"
