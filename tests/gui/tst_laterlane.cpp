// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/laterlane.h"
#include "board/latermodel.h"
#include "board/mainwindow.h"
#include "board/ordermodel.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QAbstractItemModelTester>
#include <QListView>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// Scheduled orders wait in the later lane until their prep should start, then join the board by
// themselves; one that arrives after its fire time goes straight on, flagged.
class TestLaterLane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void scheduledOrdersWaitThenFire();
    void lateFireGoesStraightToTheBoard();
    void cancelledScheduledOrderLeavesTheLane();
    void generatorSchedulesSome();
    void screenshotOfTheLane();

private:
    static constexpr qint64 minuteMs = 60'000;
    static constexpr qint64 leadMs = 15 * minuteMs; // BoardOptions' default prep time

    Order placeScheduled(qint64 scheduledFor, qint64 placedAt = 0);
    MainWindow &showWindow();

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_boardTester;
    std::unique_ptr<QAbstractItemModelTester> m_laterTester;
    OrderGenerator m_generator {QStringLiteral("store-1"), 11};
};

void TestLaterLane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLaterLane::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestLaterLane::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_laterTester.reset();
    m_boardTester.reset();
    m_window.reset();
    m_fixture.reset();
}

Order TestLaterLane::placeScheduled(qint64 scheduledFor, qint64 placedAt)
{
    Order order = m_generator.next(placedAt ? placedAt : m_fixture->clock().nowMs());
    order.scheduledFor = scheduledFor;
    const CommandResult result = m_fixture->engine().placeOrder(order, Actor::platform());
    if (!result.ok)
        qWarning("placing failed: %s", qUtf8Printable(result.message));
    return result.order.value_or(order);
}

MainWindow &TestLaterLane::showWindow()
{
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_boardTester = std::make_unique<QAbstractItemModelTester>(
        m_window->orderModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_laterTester = std::make_unique<QAbstractItemModelTester>(
        m_window->laterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->orderModel()->setTickIntervalMs(10);
    m_window->resize(1920, 1080);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

void TestLaterLane::scheduledOrdersWaitThenFire()
{
    const Order now = m_fixture->place();
    const qint64 t = m_fixture->clock().nowMs();
    const Order inAnHour = placeScheduled(t + 60 * minuteMs);
    const Order in40 = placeScheduled(t + 40 * minuteMs);
    MainWindow &window = showWindow();
    OrderModel &board = *window.orderModel();
    LaterModel &later = *window.laterModel();

    QCOMPARE(board.rowCount(), 1);
    QCOMPARE(board.index(0).data(OrderModel::OrderIdRole).toString(), now.id);
    QCOMPARE(later.rowCount(), 2);
    QCOMPARE(later.index(0).data(LaterModel::OrderIdRole).toString(), in40.id); // soonest first
    QCOMPARE(later.index(1).data(LaterModel::OrderIdRole).toString(), inAnHour.id);
    QCOMPARE(later.index(0).data(LaterModel::FireAtRole).toLongLong(), t + 25 * minuteMs);
    QCOMPARE(later.index(0).data(LaterModel::FiresInMsRole).toLongLong(), 25 * minuteMs);
    const QString text = later.index(0).data().toString();
    QVERIFY2(text.contains(u'#' + in40.number) && text.contains(in40.customerName)
                     && text.contains(QLatin1String("in 25 min")),
             qPrintable(text));
    QVERIFY(window.laterLane()->isVisible());
    QVERIFY(window.laterLane()->titleText().contains(QLatin1String("2")));

    // A new scheduled order arriving live also waits.
    const Order inTwoHours = placeScheduled(t + 120 * minuteMs);
    QCOMPARE(later.rowCount(), 3);
    QCOMPARE(board.rowOf(inTwoHours.id), -1);

    // Just before its fire time it still waits; once the clock passes it, it is on the board.
    m_fixture->clock().advanceMs(25 * minuteMs - 1000);
    QTRY_VERIFY(later.index(0).data().toString().contains(QLatin1String("in 1 min")));
    QCOMPARE(board.rowCount(), 1);
    m_fixture->clock().advanceMs(1000);
    QTRY_COMPARE(board.rowCount(), 2);
    QCOMPARE(later.rowCount(), 2);
    QCOMPARE(board.index(1).data(OrderModel::OrderIdRole).toString(), in40.id);
    QCOMPARE(board.index(1).data(OrderModel::FiredLateRole).toBool(), false);

    m_fixture->clock().advanceMs(20 * minuteMs);
    QTRY_COMPARE(board.rowCount(), 3);
    QCOMPARE(later.rowCount(), 1);
    QCOMPARE(later.index(0).data(LaterModel::OrderIdRole).toString(), inTwoHours.id);
    m_fixture->clock().advanceMs(60 * minuteMs);
    QTRY_COMPARE(later.rowCount(), 0);
    QCOMPARE(board.rowCount(), 4);
    QVERIFY(!window.laterLane()->isVisible());
}

void TestLaterLane::lateFireGoesStraightToTheBoard()
{
    MainWindow &window = showWindow();
    OrderModel &board = *window.orderModel();
    const qint64 t = m_fixture->clock().nowMs();
    // Placed half an hour ago for ten minutes from now: its fire time passed while it was away.
    const Order late = placeScheduled(t + 10 * minuteMs, t - 30 * minuteMs);
    // Placed now for forty minutes from now: waits as usual.
    const Order onTime = placeScheduled(t + 40 * minuteMs);

    QCOMPARE(board.rowCount(), 1);
    QCOMPARE(board.index(0).data(OrderModel::OrderIdRole).toString(), late.id);
    QCOMPARE(board.index(0).data(OrderModel::FiredLateRole).toBool(), true);
    QCOMPARE(window.laterModel()->rowCount(), 1);
    QCOMPARE(window.laterModel()->index(0).data(LaterModel::OrderIdRole).toString(), onTime.id);
}

void TestLaterLane::cancelledScheduledOrderLeavesTheLane()
{
    const Order scheduled = placeScheduled(m_fixture->clock().nowMs() + 50 * minuteMs);
    MainWindow &window = showWindow();
    QCOMPARE(window.laterModel()->rowCount(), 1);
    QVERIFY(m_fixture->engine()
                    .transition(scheduled.id, OrderState::Cancelled, Actor::platform(),
                                {QStringLiteral("customer"), 0})
                    .ok);
    QCOMPARE(window.laterModel()->rowCount(), 0);
    QCOMPARE(window.orderModel()->rowCount(), 0);
}

void TestLaterLane::generatorSchedulesSome()
{
    OrderGenerator plain(QStringLiteral("store-1"), 3);
    OrderGenerator scheduling(QStringLiteral("store-1"), 3);
    scheduling.setScheduledPercent(OrderGenerator::simulatorScheduledPercent);
    int scheduled = 0;
    for (int i = 0; i < 500; ++i) {
        const Order a = plain.next(1000);
        const Order b = scheduling.next(1000);
        QCOMPARE(a.scheduledFor, 0);
        // Scheduling draws from its own stream: everything else stays the same.
        QCOMPARE(b.items, a.items);
        QCOMPARE(b.customerName, a.customerName);
        if (b.scheduledFor == 0)
            continue;
        ++scheduled;
        QVERIFY(b.scheduledFor >= 1000 + 30 * minuteMs && b.scheduledFor <= 1000 + 90 * minuteMs);
    }
    QVERIFY2(scheduled > 25 && scheduled < 75, qPrintable(QString::number(scheduled)));
}

void TestLaterLane::screenshotOfTheLane()
{
    const qint64 t = m_fixture->clock().nowMs();
    for (int i = 0; i < 8; ++i)
        m_fixture->place();
    for (int minutes : {35, 42, 50, 65, 80, 95})
        placeScheduled(t + minutes * minuteMs);
    placeScheduled(t + 5 * minuteMs, t - 40 * minuteMs); // fired late: flagged on the board
    MainWindow &window = showWindow();
    QCOMPARE(window.laterModel()->rowCount(), 6);
    const QString lane = saveScreenshot(*window.laterLane(), QStringLiteral("later-lane"));
    QVERIFY(!lane.isEmpty());
    const QString whole = saveScreenshot(window, QStringLiteral("board-with-later-lane"));
    QVERIFY(!whole.isEmpty());
    qInfo("later lane screenshots: %s %s", qUtf8Printable(lane), qUtf8Printable(whole));
}

QTEST_MAIN(TestLaterLane)
#include "tst_laterlane.moc"
