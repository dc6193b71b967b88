// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "board/ticketdelegate.h"
#include "screenshots.h"
#include "synctestbed.h"

#include "settings/boardoptions.h"
#include "store/outbox.h"

#include <QStandardPaths>
#include <QTest>

using namespace SyncTest;

// Item-level bump through two consoles of one store, each with its board window, synced by a
// real hub on 127.0.0.1: the grill screen marks its items one at a time (a tap, or the item key
// then a number), the other console sees each line done, the grill's last line finishes the
// grill, and the expo console's last line makes the order ready. Every mark is one event in
// every log, never two.
class TestItemBump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void itemsAreBumpedOneByOneAcrossConsoles();

private:
    std::unique_ptr<MainWindow> windowFor(Console &console, const QString &station);
    static QPoint pointOnLine(BoardView &board, int line);
    void press(MainWindow &window, Qt::Key key);
    int itemDoneEvents();

    static constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    const QString m_storeId = QStringLiteral("store-1");
    const QString m_orderId = QStringLiteral("o-301");
    ManualClock m_clock {startMs};
    std::unique_ptr<HubBed> m_hub;
    std::unique_ptr<Console> m_grill; // a station screen
    std::unique_ptr<Console> m_expo; // expo, on another console
};

void TestItemBump::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestItemBump::init()
{
    m_hub = std::make_unique<HubBed>(m_clock);
    QVERIFY(m_hub->start({{m_storeId, {QStringLiteral("grill-1"), QStringLiteral("expo-1")}}}));
    m_grill = m_hub->console(m_storeId, QStringLiteral("grill-1"));
    m_expo = m_hub->console(m_storeId, QStringLiteral("expo-1"));
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->isLive() && m_expo->isLive(), 10'000);
}

void TestItemBump::cleanup()
{
    m_grill.reset();
    m_expo.reset();
    m_hub.reset();
}

std::unique_ptr<MainWindow> TestItemBump::windowFor(Console &console, const QString &station)
{
    console.session().startKitchenServices();
    BoardOptions options;
    options.station = station;
    auto window = std::make_unique<MainWindow>(console.session(), options);
    window->resize(1024, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

QPoint TestItemBump::pointOnLine(BoardView &board, int line)
{
    // Down the middle of the selected ticket's card until the painter says this line is there.
    const QModelIndex ticket = board.currentIndex();
    const BoardLayout &layout = board.boardLayout();
    const BoardLayout::Piece &piece = layout.pieces().at(layout.firstPieceOf(ticket.row()));
    const QRect card = board.viewportRect(piece);
    for (int y = card.top(); y < card.bottom(); y += 2) {
        const QPoint point(card.center().x(), y);
        if (board.ticketDelegate()->lineAt(ticket, card, piece.part, point) == line)
            return point;
    }
    return {};
}

void TestItemBump::press(MainWindow &window, Qt::Key key)
{
    m_clock.advanceMs(1000); // a cook's pace: never a bounce
    QTest::keyClick(window.board(), key);
}

int TestItemBump::itemDoneEvents()
{
    int count = 0;
    HubLog &log = m_hub->log();
    const QList<Protocol::SequencedEvent> events =
        log.eventsAfter(m_storeId, 0, int(log.head(m_storeId)) + 1);
    for (const Protocol::SequencedEvent &sequenced : events)
        count += sequenced.event.orderId == m_orderId && sequenced.event.kind == EventKind::ItemDone;
    return count;
}

void TestItemBump::itemsAreBumpedOneByOneAcrossConsoles()
{
    Order order;
    order.id = m_orderId;
    order.storeId = m_storeId;
    order.number = QStringLiteral("301");
    const auto item = [](const QString &name, const QString &station) {
        OrderItem line;
        line.name = name;
        line.station = station;
        return line;
    };
    order.items = {item(QStringLiteral("Cheeseburger"), QStringLiteral("grill")),
                   item(QStringLiteral("Fries"), QStringLiteral("fry")),
                   item(QStringLiteral("Veggie burger"), QStringLiteral("grill"))};
    QVERIFY(m_hub->hub()
                    .submit(OrderEvent::placed(order, Actor::platform(),
                                               QStringLiteral("test-platform"), m_clock.nowMs()))
                    .acked());
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->stateOf(m_orderId) && m_expo->stateOf(m_orderId), 10'000);
    TransitionDetails accept;
    accept.promisedAt = m_clock.nowMs() + 15 * 60'000;
    QVERIFY(m_expo->engine().advance(m_orderId, Actor::staff(QStringLiteral("eve")), accept).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_grill->stateOf(m_orderId), OrderState::Accepted, 10'000);

    const auto grillWindow = windowFor(*m_grill, QStringLiteral("grill"));
    const auto expoWindow = windowFor(*m_expo, QString());
    BoardView &grillBoard = *grillWindow->board();
    QCOMPARE(grillBoard.selectedOrderId(), m_orderId);
    const auto doneOn = [this](Console &console, int line) {
        const std::optional<Order> seen = console.store().order(m_orderId);
        return seen && seen->isItemDone(line);
    };

    // A tap on the cheeseburger marks it: the order starts, the expo console sees the line done.
    const QPoint burger = pointOnLine(grillBoard, 0);
    QVERIFY2(!burger.isNull(), "the cheeseburger is on the grill's ticket");
    QTest::mouseClick(grillBoard.viewport(), Qt::LeftButton, {}, burger);
    QVERIFY(doneOn(*m_grill, 0));
    QCOMPARE(m_grill->stateOf(m_orderId), OrderState::Preparing);
    QTRY_VERIFY_WITH_TIMEOUT(doneOn(*m_expo, 0), 10'000);
    QCOMPARE(m_expo->stateOf(m_orderId), OrderState::Preparing);
    QCOMPARE(grillBoard.selectedOrderId(), m_orderId); // the grill still has the veggie burger

    // Tapped again it is open again, everywhere; a third tap marks it once more.
    m_clock.advanceMs(1000);
    QTest::mouseClick(grillBoard.viewport(), Qt::LeftButton, {}, burger);
    QVERIFY(!doneOn(*m_grill, 0));
    QTRY_VERIFY_WITH_TIMEOUT(!doneOn(*m_expo, 0), 10'000);
    m_clock.advanceMs(1000);
    QTest::mouseClick(grillBoard.viewport(), Qt::LeftButton, {}, burger);
    QTRY_VERIFY_WITH_TIMEOUT(doneOn(*m_expo, 0), 10'000);
    saveScreenshot(*expoWindow, QStringLiteral("itembump-expo-one-line-done-1024x768"));

    // The item key numbers the grill's lines; 2 is the veggie burger, the grill's last: the grill
    // is done and the ticket leaves the grill's screen.
    press(*grillWindow, Qt::Key_I);
    saveScreenshot(*grillWindow, QStringLiteral("itembump-grill-numbered-1024x768"));
    press(*grillWindow, Qt::Key_2);
    QVERIFY(doneOn(*m_grill, 2));
    QCOMPARE(m_grill->store().order(m_orderId)->stationsDone,
             QStringList {QStringLiteral("grill")});
    QTRY_COMPARE(grillWindow->stationModel()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(doneOn(*m_expo, 2), 10'000);
    saveScreenshot(*expoWindow, QStringLiteral("itembump-expo-grill-done-1024x768"));

    // Expo marks the fries by key (the second line as painted): nothing is left, so the expo
    // console, holding the latest mark, makes the order ready, and the grill console hears it.
    QCOMPARE(expoWindow->board()->selectedOrderId(), m_orderId);
    press(*expoWindow, Qt::Key_I);
    press(*expoWindow, Qt::Key_2);
    QCOMPARE(m_expo->stateOf(m_orderId), OrderState::Ready);
    QTRY_COMPARE_WITH_TIMEOUT(m_grill->stateOf(m_orderId), OrderState::Ready, 10'000);

    // Three lines marked, one of them reopened and marked again: five marks, each logged once.
    QTRY_COMPARE_WITH_TIMEOUT(Outbox(m_grill->store()).pendingCount(), 0, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(Outbox(m_expo->store()).pendingCount(), 0, 10'000);
    QCOMPARE(itemDoneEvents(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(m_grill->client().cursor(), m_hub->log().head(m_storeId), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_expo->client().cursor(), m_hub->log().head(m_storeId), 10'000);
    checkConverged(*m_grill, m_hub->log(), m_storeId);
    checkConverged(*m_expo, m_hub->log(), m_storeId);
}

QTEST_MAIN(TestItemBump)
#include "tst_itembump.moc"
