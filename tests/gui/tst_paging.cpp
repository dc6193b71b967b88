// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/offscreenbar.h"
#include "board/ordermodel.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// A rush: 200 open tickets on a kitchen-sized screen. Paging a screen at a time, the bar that
// counts what is off screen on both sides and names the oldest, and bumping by a swipe.
class TestPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstScreenIsLaidOutFirst();
    void theRestFollowsOnTheNextTurn();
    void barCountsWhatIsOffScreen();
    void pageKeysMoveByAPage();
    void tappingTheBarTurnsTheScreen();
    void aCancelledTicketIsNotTheOldestToCook();
    void swipeBumps();
    void shortDragDoesNothing();
    void screenshotOf200Tickets();

private:
    MainWindow &showWindow(int orders);
    BoardView &board() { return *m_window->board(); }
    OffscreenBar &bar() { return *m_window->offscreenBar(); }
    bool fullyShown(int row);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QList<Order> m_orders;
};

void TestPaging::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPaging::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestPaging::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
    m_orders.clear();
}

MainWindow &TestPaging::showWindow(int orders)
{
    for (int i = 0; i < orders; ++i)
        m_orders.append(m_fixture->place());
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_window->resize(1920, 1080);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    m_window->offscreenBar()->refresh();
    return *m_window;
}

// A cold start with thousands of open tickets: the first screen is measured and painted alone,
// the rest laid out on the next turn, or at once when anything asks about more.
void TestPaging::firstScreenIsLaidOutFirst()
{
    for (int i = 0; i < 200; ++i)
        m_orders.append(m_fixture->place());
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_window->resize(1920, 1080);
    m_window->show();
    m_window->repaint();
    const BoardLayout &screen = board().screenLayout();
    QVERIFY2(screen.rowCount() < 200, qPrintable(QString::number(screen.rowCount())));
    const auto [first, last] = screen.rowsOn(0);
    QCOMPARE(first, 0);
    QVERIFY(last > 0 && last < screen.rowCount());
    const QList<BoardLayout::Piece> firstScreen =
        screen.pieces().mid(0, screen.piecesOn(0).second);
    QCOMPARE(board().lastVisibleRow(), last);

    // Turning the screen before the next turn lays out the rest at once.
    board().pageForward();
    QCOMPARE(board().currentPage(), 1);
    QCOMPARE(board().boardLayout().rowCount(), 200);
    QCOMPARE(board().firstVisibleRow(), last + 1);
    QVERIFY(board().boardLayout().shows(0, firstScreen)); // as the whole board has it
    QVERIFY(board().pageCount() > 2);
    QCOMPARE(board().verticalScrollBar()->maximum(), board().pageCount() - 1);
}

void TestPaging::theRestFollowsOnTheNextTurn()
{
    for (int i = 0; i < 200; ++i)
        m_orders.append(m_fixture->place());
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_window->resize(1920, 1080);
    m_window->show();
    m_window->repaint();
    QVERIFY(board().screenLayout().rowCount() < 200);
    // Nothing asks for more, yet the next turn lays out the rest (the first screen alone never
    // does) and the screens can all be turned to.
    QTRY_COMPARE(board().screenLayout().rowCount(), 200);
    QCOMPARE(board().verticalScrollBar()->maximum(), board().pageCount() - 1);
    QVERIFY(board().pageCount() > 2);
    m_window->offscreenBar()->refresh();
    QCOMPARE(bar().hiddenBelow(), 199 - board().lastVisibleRow());
}

bool TestPaging::fullyShown(int row)
{
    const QRect rect = board().visualRect(board().model()->index(row, 0));
    return board().viewport()->rect().contains(rect);
}

void TestPaging::barCountsWhatIsOffScreen()
{
    showWindow(200);
    QCOMPARE(board().model()->rowCount(), 200);
    const int last = board().lastVisibleRow();
    QCOMPARE(board().firstVisibleRow(), 0);
    QVERIFY(last > 0 && last < 199);
    for (int row = 0; row <= last; ++row)
        QVERIFY2(fullyShown(row), qPrintable(QString::number(row)));
    QVERIFY(!fullyShown(last + 1));

    QCOMPARE(bar().hiddenBelow(), 199 - last);
    QCOMPARE(bar().hiddenAbove(), 0);
    QVERIFY2(bar().text().contains(QString::number(199 - last)), qPrintable(bar().text()));
    QVERIFY2(bar().text().contains(u'#' + m_orders.constLast().number), qPrintable(bar().text()));
    // Every hidden ticket is still new (placed): the bar says how many, loudly.
    QVERIFY2(bar().text().contains(QStringLiteral("%1 new").arg(199 - last)),
             qPrintable(bar().text()));
    QVERIFY(bar().isAlarming());
    QVERIFY(bar().isVisible());

    // A ticket handed over makes room: the count follows the model.
    QVERIFY(m_fixture->engine()
                    .transition(m_orders.constFirst().id, OrderState::Cancelled, Actor::platform(),
                                {QStringLiteral("customer"), 0})
                    .ok);
    // Tickets are packed by content, so another may now fit: ask the board what it shows.
    QTRY_COMPARE(board().model()->rowCount(), 199);
    QTRY_COMPARE(bar().hiddenBelow(), 198 - board().lastVisibleRow());
    QVERIFY2(m_window->header()->openCountText().contains(QLatin1String("199")),
             qPrintable(m_window->header()->openCountText()));

    // A hidden ticket accepted elsewhere is no longer new: the bar says so.
    QVERIFY(m_fixture->bump(m_orders.constLast().id).ok);
    QTRY_VERIFY2(bar().text().contains(
                         QStringLiteral("%1 new").arg(197 - board().lastVisibleRow())),
                 qPrintable(bar().text()));
}

void TestPaging::pageKeysMoveByAPage()
{
    showWindow(200);
    const int firstPageEnd = board().lastVisibleRow();
    QCOMPARE(board().selectedOrderId(), m_orders.at(0).id);

    QTest::keyClick(&board(), Qt::Key_PageDown);
    QCOMPARE(board().currentPage(), 1);
    // Small tickets are never cut: the next screen starts with the next ticket.
    QCOMPARE(board().firstVisibleRow(), firstPageEnd + 1);
    QCOMPARE(board().selectedOrderId(), m_orders.at(firstPageEnd + 1).id);
    QTRY_COMPARE(bar().hiddenAbove(), firstPageEnd + 1);
    QCOMPARE(bar().hiddenBelow(), 199 - board().lastVisibleRow());
    // The oldest ticket off screen is named, on the side it is on.
    QCOMPARE(bar().oldestHiddenRow(), 0);
    QVERIFY2(bar().text().contains(QStringLiteral("oldest #") + m_orders.at(0).number),
             qPrintable(bar().text()));

    QTest::keyClick(&board(), Qt::Key_PageDown);
    QCOMPARE(board().currentPage(), 2);
    QTest::keyClick(&board(), Qt::Key_PageUp);
    QCOMPARE(board().firstVisibleRow(), firstPageEnd + 1);
    QTest::keyClick(&board(), Qt::Key_PageUp);
    QTest::keyClick(&board(), Qt::Key_PageUp); // past the start stays at the start
    QCOMPARE(board().firstVisibleRow(), 0);
    QCOMPARE(board().selectedOrderId(), m_orders.at(0).id);

    // Paging to the end shows the newest whole, with nothing below.
    for (int i = 0; i < board().pageCount(); ++i)
        QTest::keyClick(&board(), Qt::Key_PageDown);
    QCOMPARE(board().lastVisibleRow(), 199);
    QVERIFY(fullyShown(199));
    QTRY_COMPARE(bar().hiddenBelow(), 0);
    QVERIFY(bar().hiddenAbove() > 0);
}

void TestPaging::tappingTheBarTurnsTheScreen()
{
    showWindow(200);
    QSignalSpy jumped(&bar(), &OffscreenBar::jumped);
    QVERIFY(jumped.isValid());
    // Only later screens: the whole bar turns on.
    QTest::mouseClick(&bar(), Qt::LeftButton, {}, QPoint(10, bar().height() / 2));
    QCOMPARE(jumped.count(), 1);
    QCOMPARE(board().currentPage(), 1);
    QVERIFY(bar().hiddenAbove() > 0 && bar().hiddenBelow() > 0);
    QVERIFY2(bar().text().contains(QString::number(bar().hiddenAbove())), qPrintable(bar().text()));

    // Both sides hidden: the right half turns on, the left half back.
    QTest::mouseClick(&bar(), Qt::LeftButton, {}, QPoint(bar().width() - 10, bar().height() / 2));
    QCOMPARE(board().currentPage(), 2);
    QTest::mouseClick(&bar(), Qt::LeftButton, {}, QPoint(10, bar().height() / 2));
    QTest::mouseClick(&bar(), Qt::LeftButton, {}, QPoint(10, bar().height() / 2));
    QCOMPARE(board().currentPage(), 0);
    QCOMPARE(board().firstVisibleRow(), 0);
    QCOMPARE(jumped.count(), 4);
}

void TestPaging::aCancelledTicketIsNotTheOldestToCook()
{
    showWindow(200);
    QVERIFY(m_fixture->bump(m_orders.at(0).id).ok);
    QVERIFY(m_fixture->bump(m_orders.at(0).id).ok); // preparing: a cancel now stays, marked
    QTest::keyClick(&board(), Qt::Key_PageDown);
    QTRY_COMPARE(bar().oldestHiddenRow(), 0);

    m_fixture->fromPlatform({m_fixture->cancelledOnPlatform(m_orders.at(0).id)});
    QTRY_COMPARE(m_window->orderModel()->attention(m_orders.at(0).id),
                 OrderAttention::Kind::Cancelled);
    bar().refresh();
    QCOMPARE(bar().oldestHiddenRow(), 1);
    QVERIFY2(bar().text().contains(QStringLiteral("oldest #") + m_orders.at(1).number),
             qPrintable(bar().text()));
}

void TestPaging::swipeBumps()
{
    showWindow(3);
    // Accepted already: a bump of a placed order asks for a quote first (tst_boardactions).
    for (int i = 1; i < 3; ++i)
        QVERIFY(m_fixture->bump(m_orders.at(i).id).ok);
    QSignalSpy advance(&board(), &BoardView::advanceRequested);
    QVERIFY(advance.isValid());
    QWidget *viewport = board().viewport();
    const QPoint start = board().visualRect(board().model()->index(1, 0)).center()
            - QPoint(BoardView::swipeDistancePx / 2, 0);
    const int page = board().currentPage();

    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start + QPoint(BoardView::swipeDistancePx / 2, 4));
    QTest::mouseMove(viewport, start + QPoint(BoardView::swipeDistancePx + 10, 8));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + QPoint(BoardView::swipeDistancePx + 10, 8));

    QCOMPARE(advance.count(), 1);
    QCOMPARE(advance.constFirst().constFirst().toString(), m_orders.at(1).id);
    QCOMPARE(m_fixture->storedState(m_orders.at(1).id), OrderState::Preparing);
    QCOMPARE(m_fixture->storedState(m_orders.at(0).id), OrderState::Placed);
    QCOMPARE(board().currentPage(), page);

    // A swipe to the left works too, on the ticket it started on.
    const QPoint third = board().visualRect(board().model()->index(2, 0)).center();
    QTest::mousePress(viewport, Qt::LeftButton, {}, third);
    QTest::mouseMove(viewport, third - QPoint(BoardView::swipeDistancePx + 5, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, third - QPoint(BoardView::swipeDistancePx + 5, 0));
    QCOMPARE(advance.count(), 2);
    QCOMPARE(advance.constLast().constFirst().toString(), m_orders.at(2).id);

    // The swipe's press selected it; on the selected ticket a swipe still bumps once, not once
    // for the tap and once for the swipe.
    QCOMPARE(board().selectedOrderId(), m_orders.at(2).id);
    QTest::mousePress(viewport, Qt::LeftButton, {}, third);
    QTest::mouseMove(viewport, third + QPoint(BoardView::swipeDistancePx + 5, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, third + QPoint(BoardView::swipeDistancePx + 5, 0));
    QCOMPARE(advance.count(), 3);
    QCOMPARE(m_fixture->storedState(m_orders.at(2).id), OrderState::Ready);
}

void TestPaging::shortDragDoesNothing()
{
    showWindow(3);
    QSignalSpy advance(&board(), &BoardView::advanceRequested);
    QVERIFY(advance.isValid());
    QWidget *viewport = board().viewport();
    const QPoint second = board().visualRect(board().model()->index(1, 0)).center();

    // Too short, then mostly downwards: neither is a swipe; the press only selected.
    QTest::mousePress(viewport, Qt::LeftButton, {}, second);
    QTest::mouseMove(viewport, second + QPoint(BoardView::swipeDistancePx / 3, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, second + QPoint(BoardView::swipeDistancePx / 3, 0));
    QTest::mousePress(viewport, Qt::LeftButton, {}, second);
    QTest::mouseMove(viewport, second + QPoint(BoardView::swipeDistancePx, 2 * BoardView::swipeDistancePx));
    QTest::mouseRelease(viewport, Qt::LeftButton, {},
                        second + QPoint(BoardView::swipeDistancePx, 2 * BoardView::swipeDistancePx));
    QCOMPARE(advance.count(), 0);
    QCOMPARE(board().selectedOrderId(), m_orders.at(1).id);
    QCOMPARE(m_fixture->storedState(m_orders.at(1).id), OrderState::Placed);
}

void TestPaging::screenshotOf200Tickets()
{
    showWindow(200);
    // Some tickets further along, so the shot shows the colours a rush really has.
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_fixture->bump(m_orders.at(i).id).ok);
    m_fixture->clock().advanceMs(9 * 60'000);
    m_window->orderModel()->setTickIntervalMs(10);
    QTRY_VERIFY(bar().hiddenBelow() > 0);
    const QString path = saveScreenshot(*m_window, QStringLiteral("board-200-tickets"));
    QVERIFY(!path.isEmpty());
    qInfo("board screenshot: %s", qUtf8Printable(path));
}

QTEST_MAIN(TestPaging)
#include "tst_paging.moc"
