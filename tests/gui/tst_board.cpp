// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "dialogs/acceptdialog.h"
#include "dialogs/recalldialog.h"
#include "dialogs/rejectdialog.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// The kitchen board end to end: keys and taps on the window, commands through a real engine into
// a real store, and what staff see afterwards.
class TestBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsSeededOrders();
    void keysWalkATicketThroughTheKitchen();
    void numberKeysSelectByPosition();
    void tapsAndDoubleClicksBump();
    void refusedRecallChangesNothing();
    void refusedRejectChangesNothing();
    void rejectsWithAChosenReason_data();
    void rejectsWithAChosenReason();
    void escapeCancelsTheRejectDialog();
    void recallBringsAHandedOverTicketBack();
    void recallSendsAReadyTicketBackToPreparing();
    void incomingRefusalsShowInTheBanner();
    void agesTickWithTheClock();
    void windowGrabs();

private:
    MainWindow &showWindow();
    QString selectedId() const { return m_window->board()->selectedOrderId(); }
    void press(Qt::Key key)
    {
        m_fixture->keyPace();
        QTest::keyClick(m_window->board(), key);
    }
    QString bannerText() const;
    RejectDialog *waitForRejectDialog();
    /** Answers the accept dialog a bump of a placed order opens with its preselected quote. */
    bool acceptDefaultQuote();
    /** Opens the recall list with R and recalls its first (latest) ticket with Enter. */
    bool recallLatest();

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestBoard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBoard::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestBoard::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

MainWindow &TestBoard::showWindow()
{
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

QString TestBoard::bannerText() const
{
    const NoticeBanner *notice = m_window->notice();
    return notice->isVisible() && notice->hasNotice() ? notice->text() : QString();
}

RejectDialog *TestBoard::waitForRejectDialog()
{
    RejectDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_window->findChild<RejectDialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

bool TestBoard::acceptDefaultQuote()
{
    const bool shown = QTest::qWaitFor([this] {
        auto *dialog = m_window->findChild<AcceptDialog *>();
        return dialog && dialog->isVisible();
    });
    if (!shown)
        return false;
    auto *dialog = m_window->findChild<AcceptDialog *>();
    m_fixture->keyPace();
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    return QTest::qWaitFor([this] { return !m_window->findChild<AcceptDialog *>(); });
}

bool TestBoard::recallLatest()
{
    press(Qt::Key_R);
    auto *dialog = m_window->findChild<RecallDialog *>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return false;
    m_fixture->keyPace();
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    return QTest::qWaitFor([this] { return !m_window->findChild<RecallDialog *>(); });
}

void TestBoard::showsSeededOrders()
{
    QList<Order> seeded;
    for (int i = 0; i < 5; ++i)
        seeded.append(m_fixture->place());
    MainWindow &window = showWindow();

    QCOMPARE(window.windowTitle(), QStringLiteral("Kitchen Console"));
    QCOMPARE(window.orderModel()->rowCount(), seeded.size());
    QCOMPARE(window.stationModel()->sourceModel(), window.orderModel());
    for (int row = 0; row < seeded.size(); ++row) {
        const QModelIndex index = window.board()->model()->index(row, 0);
        QCOMPARE(index.data(OrderModel::OrderIdRole).toString(), seeded.at(row).id);
        const QRect rect = window.board()->visualRect(index);
        QVERIFY(!rect.isEmpty());
        QVERIFY(window.board()->viewport()->rect().intersects(rect));
    }
    QVERIFY(window.header()->openCountText().contains(QLatin1String("5")));
    QCOMPARE(selectedId(), seeded.constFirst().id); // the oldest is ready for the keyboard
    QVERIFY(!window.notice()->hasNotice());

    m_fixture->place();
    QTRY_VERIFY(window.header()->openCountText().contains(QLatin1String("6"))); // once per turn
}

void TestBoard::keysWalkATicketThroughTheKitchen()
{
    const Order order = m_fixture->place(OrderType::Pickup);
    const Order next = m_fixture->place();
    MainWindow &window = showWindow();
    QCOMPARE(selectedId(), order.id);
    OrderModel &model = *window.orderModel();

    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed); // first the quote
    QVERIFY(acceptDefaultQuote());
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(model.orderAt(model.rowOf(order.id)).state, OrderState::Accepted);
    QCOMPARE(m_fixture->store().order(order.id)->promisedAt,
             m_fixture->clock().nowMs() + 15 * 60'000);
    QCOMPARE(selectedId(), order.id);

    press(Qt::Key_Enter);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    QCOMPARE(model.orderAt(model.rowOf(order.id)).state, OrderState::Preparing);

    press(Qt::Key_Space);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Ready);
    QCOMPARE(model.orderAt(model.rowOf(order.id)).state, OrderState::Ready);

    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::PickedUp);
    QCOMPARE(model.rowOf(order.id), -1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(selectedId(), next.id); // the neighbour takes the selection
    QVERIFY(bannerText().contains(order.number)); // with how to get it back
    QCOMPARE(window.notice()->kind(), NoticeBanner::Kind::Info);
}

void TestBoard::numberKeysSelectByPosition()
{
    QList<Order> orders;
    for (int i = 0; i < 4; ++i)
        orders.append(m_fixture->place());
    showWindow();

    press(Qt::Key_3);
    QCOMPARE(selectedId(), orders.at(2).id);
    press(Qt::Key_1);
    QCOMPARE(selectedId(), orders.at(0).id);
    press(Qt::Key_9); // no ninth ticket: the selection stays
    QCOMPARE(selectedId(), orders.at(0).id);
    QTest::keyClick(m_window->board(), Qt::Key_4, Qt::KeypadModifier);
    QCOMPARE(selectedId(), orders.at(3).id);

    press(Qt::Key_Return);
    QVERIFY(acceptDefaultQuote());
    QCOMPARE(m_fixture->storedState(orders.at(3).id), OrderState::Accepted);
    QCOMPARE(m_fixture->storedState(orders.at(0).id), OrderState::Placed);
}

void TestBoard::tapsAndDoubleClicksBump()
{
    const Order first = m_fixture->place();
    const Order second = m_fixture->place();
    MainWindow &window = showWindow();
    QWidget *viewport = window.board()->viewport();
    const QPoint secondCentre =
        window.board()->visualRect(window.board()->model()->index(1, 0)).center();
    QSignalSpy advance(window.board(), &BoardView::advanceRequested);
    QVERIFY(advance.isValid());

    // A tap selects; a second tap on the selected ticket bumps it.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, secondCentre);
    QCOMPARE(selectedId(), second.id);
    QCOMPARE(advance.count(), 0);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, secondCentre);
    QCOMPARE(advance.count(), 1);
    QVERIFY(acceptDefaultQuote());
    QCOMPARE(m_fixture->storedState(second.id), OrderState::Accepted);

    // A double-click on another ticket selects and bumps it, once.
    const QPoint firstCentre =
        window.board()->visualRect(window.board()->model()->index(0, 0)).center();
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, firstCentre);
    QCOMPARE(selectedId(), first.id);
    QCOMPARE(advance.count(), 2);
    QVERIFY(acceptDefaultQuote());
    QCOMPARE(m_fixture->storedState(first.id), OrderState::Accepted);
}

void TestBoard::refusedRecallChangesNothing()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    showWindow();
    QCOMPARE(selectedId(), order.id);
    const int eventsBefore = m_fixture->storedEventCount(order.id);
    const qint64 totalBefore = m_fixture->store().eventCount();

    press(Qt::Key_R); // nothing was bumped recently: no list, a reason instead
    QVERIFY(m_window->findChild<RecallDialog *>() == nullptr);
    QCOMPARE(m_fixture->storedEventCount(order.id), eventsBefore);
    QCOMPARE(m_fixture->store().eventCount(), totalBefore);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_window->orderModel()->orderAt(0).state, OrderState::Accepted);
    QVERIFY2(bannerText().contains(QLatin1String("Nothing to recall")),
             qUtf8Printable(bannerText()));
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Warning);

    // The next action clears the refusal.
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    QVERIFY(bannerText().isEmpty());
}

void TestBoard::refusedRejectChangesNothing()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    showWindow();
    const int eventsBefore = m_fixture->storedEventCount(order.id);

    press(Qt::Key_X);
    QVERIFY(m_window->findChild<RejectDialog *>() == nullptr); // nobody is asked for a reason
    QCOMPARE(m_fixture->storedEventCount(order.id), eventsBefore);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_window->orderModel()->rowCount(), 1);
    QVERIFY2(bannerText().contains(order.number), qUtf8Printable(bannerText()));
}

void TestBoard::rejectsWithAChosenReason_data()
{
    QTest::addColumn<QList<int>>("choose"); // keys that choose a reason; Enter then confirms
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");
    // The store's list (StorePolicy::rejectReasons), then "Other…". Nothing is chosen at first:
    // the first arrow down chooses the first reason.
    QTest::newRow("arrow to the first")
        << QList<int> {Qt::Key_Down} << QString() << QStringLiteral("Kitchen is closing");
    QTest::newRow("arrow to the second")
        << QList<int> {Qt::Key_Down, Qt::Key_Down} << QString() << QStringLiteral("Too busy");
    QTest::newRow("number key 2") << QList<int> {Qt::Key_2} << QString()
                                  << QStringLiteral("Too busy");
    QTest::newRow("other by arrows, typed")
        << QList<int>(6, Qt::Key_Down) << QStringLiteral("Fryer is broken")
        << QStringLiteral("Fryer is broken");
    QTest::newRow("other by number, typed")
        << QList<int> {Qt::Key_6} << QStringLiteral("Grill on fire")
        << QStringLiteral("Grill on fire");
}

void TestBoard::rejectsWithAChosenReason()
{
    QFETCH(QList<int>, choose);
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    const Order keep = m_fixture->place();
    const Order order = m_fixture->place();
    showWindow();
    press(Qt::Key_2);
    QCOMPARE(selectedId(), order.id);

    press(Qt::Key_X);
    RejectDialog *dialog = waitForRejectDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(order.number));
    auto *reasons = dialog->findChild<QListWidget *>();
    QVERIFY(reasons);
    QTRY_VERIFY(reasons->hasFocus());
    // A careless Enter before any choice rejects nothing.
    m_fixture->keyPace();
    QTest::keyClick(reasons, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed);
    for (int key : std::as_const(choose))
        QTest::keyClick(reasons, Qt::Key(key));
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed); // chosen, not confirmed
    m_fixture->keyPace();
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    if (!typed.isEmpty()) {
        // "Other…" with no text yet keeps the dialog open and asks for the words.
        QVERIFY(dialog->isVisible());
        auto *text = dialog->findChild<QLineEdit *>();
        QVERIFY(text && text->isEnabled() && text->hasFocus());
        QTest::keyClicks(text, typed);
        QTest::keyClick(text, Qt::Key_Return);
    }

    QTRY_COMPARE(m_fixture->storedState(order.id), OrderState::Rejected);
    QCOMPARE(m_fixture->store().order(order.id)->lastReason, reason);
    QCOMPARE(m_window->orderModel()->rowOf(order.id), -1);
    QCOMPARE(m_window->orderModel()->rowCount(), 1);
    QCOMPARE(m_fixture->storedState(keep.id), OrderState::Placed);
    QTRY_VERIFY(m_window->findChild<RejectDialog *>() == nullptr); // closed and gone
}

void TestBoard::escapeCancelsTheRejectDialog()
{
    const Order order = m_fixture->place();
    showWindow();
    const int eventsBefore = m_fixture->storedEventCount(order.id);

    press(Qt::Key_X);
    RejectDialog *dialog = waitForRejectDialog();
    QVERIFY(dialog);
    QTest::keyClick(dialog->findChild<QListWidget *>(), Qt::Key_Escape);
    QTRY_VERIFY(m_window->findChild<RejectDialog *>() == nullptr);
    QCOMPARE(m_fixture->storedEventCount(order.id), eventsBefore);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed);
    QCOMPARE(m_window->orderModel()->rowCount(), 1);
}

void TestBoard::recallBringsAHandedOverTicketBack()
{
    const Order served = m_fixture->place(OrderType::Pickup);
    const Order waiting = m_fixture->place();
    MainWindow &window = showWindow();
    press(Qt::Key_Return);
    QVERIFY(acceptDefaultQuote());
    for (int i = 0; i < 3; ++i)
        press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(served.id), OrderState::PickedUp);
    QCOMPARE(window.orderModel()->rowCount(), 1);
    QCOMPARE(selectedId(), waiting.id); // a placed ticket: not itself recallable

    m_fixture->clock().advanceMs(60'000);
    QVERIFY(recallLatest());
    QCOMPARE(m_fixture->storedState(served.id), OrderState::Ready);
    QCOMPARE(m_fixture->storedState(waiting.id), OrderState::Placed);
    QCOMPARE(window.orderModel()->rowCount(), 2);
    QCOMPARE(window.orderModel()->rowOf(served.id), 0); // back in its place in the queue
    QCOMPARE(selectedId(), served.id);
    QCOMPARE(window.notice()->kind(), NoticeBanner::Kind::Info);

    // Past the recall window nothing comes back, and the banner says so.
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(served.id), OrderState::PickedUp);
    m_fixture->clock().advanceMs(m_fixture->engine().config().recallWindowMs + 1000);
    const qint64 eventsBefore = m_fixture->store().eventCount();
    press(Qt::Key_R);
    QVERIFY(m_window->findChild<RecallDialog *>() == nullptr);
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore);
    QCOMPARE(m_fixture->storedState(served.id), OrderState::PickedUp);
    QVERIFY(!bannerText().isEmpty());
    QCOMPARE(window.notice()->kind(), NoticeBanner::Kind::Warning);
}

void TestBoard::recallSendsAReadyTicketBackToPreparing()
{
    const Order order = m_fixture->place(OrderType::Delivery);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture->bump(order.id).ok);
    showWindow();
    QCOMPARE(selectedId(), order.id);

    QVERIFY(recallLatest());
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    QCOMPARE(m_window->orderModel()->orderAt(0).state, OrderState::Preparing);
}

void TestBoard::incomingRefusalsShowInTheBanner()
{
    m_fixture->place();
    showWindow();
    const QString message = QStringLiteral("Order 777 was cancelled by the customer first.");
    Q_EMIT m_fixture->engine().refused(message);
    QVERIFY(bannerText().contains(message));
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Warning);
}

void TestBoard::agesTickWithTheClock()
{
    m_fixture->place();
    MainWindow &window = showWindow();
    OrderModel &model = *window.orderModel();
    const QModelIndex first = model.index(0);
    const qint64 before = first.data(OrderModel::AgeMsRole).toLongLong();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.isValid());

    model.setTickIntervalMs(10);
    m_fixture->clock().advanceMs(6 * 60'000);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(first.data(OrderModel::AgeMsRole).toLongLong(), before + 6 * 60'000);
    const QImage ticket =
        window.board()
            ->viewport()
            ->grab(window.board()->visualRect(window.board()->model()->index(0, 0)))
            .toImage();
    QVERIFY(!ticket.isNull());
}

void TestBoard::windowGrabs()
{
    for (int i = 0; i < 8; ++i)
        m_fixture->place();
    MainWindow &window = showWindow();
    QVERIFY(!saveScreenshot(window, QStringLiteral("board")).isEmpty());
}

QTEST_MAIN(TestBoard)
#include "tst_board.moc"
