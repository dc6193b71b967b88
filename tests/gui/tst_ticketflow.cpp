// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/ordermodel.h"
#include "board/ticketdelegate.h"
#include "boardwindow.h"
#include "guitestsupport.h"
#include "screenshots.h"
#include "settings/boardoptions.h"
#include "textrecorder.h"

#include <QDateTime>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QtTest/QTest>

#include <memory>

// Tickets as tall as their content on a real window: no item hidden however large the order or
// the type, as many tickets as fit, and a ticket continued in the next column acts as one.
class TestTicketFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void everyItemOfALargeOrderIsShown();
    void tenTypicalTicketsFitAt1080p();
    void compactFitsMore();
    void continuedPartsAreSelectedAndBumpedAsOne();
    void headerShowsClockLateCountAndAverage();
    void changesMadeElsewhereAreMarkedOnTheTicket();

private:
    MainWindow &showWindow(const QSize &size, const BoardOptions &options = {});
    BoardView &board() { return *m_window->board(); }
    /** Places an order of count items named "Item 01"… , the first with a modifier and a note. */
    Order placeLarge(int count);
    /** Places count orders of one to four items, as a rush brings them. */
    void placeTypical(int count);
    /** The board's row of orderId, or -1. */
    int rowOnBoard(const QString &orderId);
    /** Rows whose every part lies whole on the screen shown. */
    int ticketsShownWhole();
    /** The text painted by every part of row, in order. */
    QStringList textOf(int row);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestTicketFlow::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestTicketFlow::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

MainWindow &TestTicketFlow::showWindow(const QSize &size, const BoardOptions &options)
{
    m_window = showBoardWindow(*m_fixture, size, options);
    return *m_window;
}

Order TestTicketFlow::placeLarge(int count)
{
    m_fixture->clock().advanceMs(30'000);
    Order order;
    order.id = QStringLiteral("large-%1").arg(count);
    order.storeId = QStringLiteral("store-1");
    order.number = QStringLiteral("900");
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Ana");
    order.placedAt = m_fixture->clock().nowMs();
    for (int i = 1; i <= count; ++i) {
        OrderItem item;
        item.name = QStringLiteral("Item %1").arg(i, 2, 10, QLatin1Char('0'));
        item.station = QStringLiteral("grill");
        if (i == 1) {
            item.modifiers = {QStringLiteral("no onions")};
            item.notes = QStringLiteral("sesame allergy");
        }
        order.items.append(item);
    }
    const CommandResult placed = m_fixture->engine().placeOrder(order, Actor::platform());
    if (!placed.ok)
        qWarning("placing failed: %s", qUtf8Printable(placed.message));
    return order;
}

void TestTicketFlow::placeTypical(int count)
{
    OrderGenerator generator(QStringLiteral("store-1"), 11);
    for (int i = 0; i < count; ++i) {
        m_fixture->clock().advanceMs(20'000);
        Order order = generator.next(m_fixture->clock().nowMs());
        order.items = order.items.mid(0, 4);
        if (!m_fixture->engine().placeOrder(order, Actor::platform()).ok)
            qWarning("placing failed");
    }
}

int TestTicketFlow::rowOnBoard(const QString &orderId)
{
    for (int row = 0; row < board().model()->rowCount(); ++row) {
        if (board().model()->index(row, 0).data(OrderModel::OrderIdRole).toString() == orderId)
            return row;
    }
    return -1;
}

int TestTicketFlow::ticketsShownWhole()
{
    const BoardLayout &layout = board().boardLayout();
    const QRect screen = board().viewport()->rect();
    int whole = 0;
    for (int row = 0; row < layout.rowCount(); ++row) {
        const int first = layout.firstPieceOf(row);
        bool shown = true;
        for (int i = first; i < first + layout.pieceCountOf(row); ++i) {
            const BoardLayout::Piece &piece = layout.pieces().at(i);
            shown = shown && piece.page == board().currentPage()
                && screen.contains(board().viewportRect(piece));
        }
        whole += shown ? 1 : 0;
    }
    return whole;
}

QStringList TestTicketFlow::textOf(int row)
{
    // A fresh delegate in the board's style paints each part straight onto the recorder.
    TicketDelegate fresh;
    fresh.setTicketStyle(board().ticketDelegate()->ticketStyle());
    const BoardLayout &layout = board().boardLayout();
    const QModelIndex index = board().model()->index(row, 0);
    QStringList runs;
    const int first = layout.firstPieceOf(row);
    for (int i = first; i < first + layout.pieceCountOf(row); ++i) {
        const BoardLayout::Piece &piece = layout.pieces().at(i);
        const QRect rect = board().viewportRect(piece);
        TextRecorder recorder(QSize(rect.right() + 20, rect.bottom() + 20));
        QStyleOptionViewItem option;
        option.rect = rect;
        QPainter painter(&recorder);
        fresh.paintPart(&painter, option, index, piece.part);
        painter.end();
        runs += recorder.runs();
    }
    return runs;
}

void TestTicketFlow::everyItemOfALargeOrderIsShown()
{
    // The hardest case the issue names: 30 items at 250 % type on a 1024×768 screen.
    const Order large = placeLarge(30);
    BoardOptions options;
    options.fontPercent = 250;
    showWindow(QSize(1024, 768), options);
    const int row = rowOnBoard(large.id);
    QVERIFY(row >= 0);
    const BoardLayout &layout = board().boardLayout();
    const int parts = layout.pieceCountOf(row);
    QVERIFY2(parts > 1, "30 items at 250 % cannot fit one column");

    // Each part lies whole on a screen, and together they paint every item once, in order.
    const QStringList text = textOf(row);
    int at = 0;
    for (int i = 1; i <= 30; ++i) {
        const QString name = QStringLiteral("Item %1").arg(i, 2, 10, QLatin1Char('0'));
        const int found = int(text.indexOf(name, at));
        QVERIFY2(found >= 0, qPrintable(name + QStringLiteral(" not painted in order")));
        QCOMPARE(text.count(name), 1);
        at = found;
    }
    for (int i = layout.firstPieceOf(row); i < layout.firstPieceOf(row) + parts; ++i) {
        QVERIFY(board().viewport()->rect().contains(board().viewportRect(layout.pieces().at(i))));
    }
    // Continued, on both sides of every cut; the removal, and the allergen named in a note.
    const QString joined = text.join(u'|');
    QCOMPARE(joined.count(QStringLiteral("CONTINUED 1/%1").arg(parts)), 1);
    QCOMPARE(joined.count(QStringLiteral("◀ CONTINUED %1/%1").arg(parts)), 1);
    QCOMPARE(joined.count(QStringLiteral("CONTINUED")), 2 * (parts - 1));
    QVERIFY2(joined.contains(QStringLiteral("✕ no onions")), qPrintable(joined));
    QVERIFY2(joined.contains(QStringLiteral("⚠ SESAME")), qPrintable(joined));

    for (int page = 0; page < qMin(3, board().pageCount()); ++page) {
        QCOMPARE(board().currentPage(), page);
        QVERIFY(!saveScreenshot(*m_window, QStringLiteral("large-order-250-%1").arg(page)).isEmpty());
        QTest::keyClick(&board(), Qt::Key_PageDown);
    }
}

void TestTicketFlow::tenTypicalTicketsFitAt1080p()
{
    placeTypical(40);
    showWindow(QSize(1920, 1080));
    const int whole = ticketsShownWhole();
    qInfo("tickets shown whole at 1920x1080: %d", whole);
    QVERIFY2(whole >= 10, qPrintable(QString::number(whole)));
    QCOMPARE(board().firstVisibleRow(), 0); // the oldest where the eye starts
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("typical-1080p")).isEmpty());
}

void TestTicketFlow::compactFitsMore()
{
    placeTypical(40);
    showWindow(QSize(1920, 1080));
    const int comfortable = ticketsShownWhole();
    m_window.reset();
    BoardOptions options;
    options.compact = true;
    showWindow(QSize(1920, 1080), options);
    const int compact = ticketsShownWhole();
    qInfo("tickets shown whole at 1920x1080: %d comfortable, %d compact", comfortable, compact);
    QVERIFY2(compact > comfortable, qPrintable(QStringLiteral("%1 vs %2").arg(compact).arg(comfortable)));
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("typical-1080p-compact")).isEmpty());
}

void TestTicketFlow::continuedPartsAreSelectedAndBumpedAsOne()
{
    const Order large = placeLarge(12); // two columns, so a newer ticket shares the screen
    const Order small = m_fixture->place(OrderType::Pickup);
    QVERIFY(m_fixture->bump(large.id).ok); // accepted: the next bump starts it, no dialog
    showWindow(QSize(1024, 768));
    const int row = rowOnBoard(large.id);
    QVERIFY(board().selectRow(rowOnBoard(small.id)));
    QCOMPARE(board().selectedOrderId(), small.id);
    const BoardLayout &layout = board().boardLayout();
    QVERIFY(layout.pieceCountOf(row) > 1);
    const BoardLayout::Piece second = layout.pieces().at(layout.firstPieceOf(row) + 1);
    QCOMPARE(second.page, board().currentPage());

    // A tap on the continued part selects the whole ticket; both parts show it selected.
    QTest::mouseClick(board().viewport(), Qt::LeftButton, {}, board().viewportRect(second).center());
    QCOMPARE(board().selectedOrderId(), large.id);
    QSignalSpy advance(&board(), &BoardView::advanceRequested);
    QVERIFY(advance.isValid());
    QTest::keyClick(&board(), Qt::Key_Return);
    QCOMPARE(advance.count(), 1);
    QCOMPARE(m_fixture->storedState(large.id), OrderState::Preparing);
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("continued-selected")).isEmpty());
}

void TestTicketFlow::headerShowsClockLateCountAndAverage()
{
    const Order first = m_fixture->place(OrderType::Pickup);
    m_fixture->place(OrderType::Pickup);
    m_fixture->place(OrderType::Pickup);
    showWindow(QSize(1920, 1080));
    BoardHeader &header = *m_window->header();
    // 00:01:30 UTC on the fixture's day, shown in local time.
    const QString clock = QDateTime::fromMSecsSinceEpoch(m_fixture->clock().nowMs())
                              .toLocalTime()
                              .toString(QStringLiteral("HH:mm"));
    QTRY_VERIFY2(header.serviceText().startsWith(clock), qPrintable(header.serviceText()));
    QVERIFY2(!header.serviceText().contains(QStringLiteral("LATE")), qPrintable(header.serviceText()));

    // The first came ready five minutes after it was placed (a minute of placing the others,
    // then three bumps 80 s apart); nine minutes on, all three are late, ready or not.
    for (int step = 0; step < 3; ++step) {
        m_fixture->clock().advanceMs(80'000);
        QVERIFY(m_fixture->bump(first.id).ok);
    }
    m_fixture->clock().advanceMs(9 * 60'000);
    QTRY_VERIFY2(header.serviceText().contains(QStringLiteral("3 LATE")),
                 qPrintable(header.serviceText()));
    QVERIFY2(header.serviceText().contains(QStringLiteral("avg 05:00")),
             qPrintable(header.serviceText()));
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("header-service")).isEmpty());
}

void TestTicketFlow::changesMadeElsewhereAreMarkedOnTheTicket()
{
    const Order changed = m_fixture->place(OrderType::Pickup);
    const Order cancelled = m_fixture->place(OrderType::Pickup);
    for (const Order &order : {changed, cancelled}) {
        QVERIFY(m_fixture->bump(order.id).ok); // accepted
        QVERIFY(m_fixture->bump(order.id).ok); // preparing: a change now matters
    }
    showWindow(QSize(1920, 1080));

    // The platform takes the first line off one order and adds a line; it cancels the other.
    OrderItem added;
    added.name = QStringLiteral("Extra pickles");
    added.station = QStringLiteral("grill");
    QList<OrderItem> items = changed.items.mid(1);
    items.append(added);
    m_fixture->fromPlatform({m_fixture->modifiedOnPlatform(changed.id, items)});
    m_fixture->fromPlatform({m_fixture->cancelledOnPlatform(cancelled.id)});

    QTRY_VERIFY(textOf(rowOnBoard(changed.id)).join(u'|').contains(QStringLiteral("CHANGED")));
    const QString changedText = textOf(rowOnBoard(changed.id)).join(u'|');
    QVERIFY2(changedText.contains(QStringLiteral("NEW|1×|Extra pickles")), qPrintable(changedText));
    QVERIFY2(changedText.contains(QStringLiteral("REMOVED|") ) && changedText.contains(changed.items.at(0).name),
             qPrintable(changedText));
    QTRY_VERIFY(rowOnBoard(cancelled.id) >= 0);
    QTRY_VERIFY(textOf(rowOnBoard(cancelled.id)).join(u'|').contains(QStringLiteral("CANCELLED")));
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("marked-changes")).isEmpty());
}

QTEST_MAIN(TestTicketFlow)
#include "tst_ticketflow.moc"
