// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "dialogs/acceptdialog.h"
#include "dialogs/delaydialog.h"
#include "dialogs/minutepicks.h"
#include "dialogs/pausedialog.h"
#include "dialogs/recalldialog.h"
#include "dialogs/recalllistmodel.h"
#include "dialogs/rejectdialog.h"
#include "engine/storepause.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimeEdit>
#include <QtTest/QTest>

#include <memory>

namespace {
constexpr qint64 minute = 60'000;
} // namespace

// The board's actions end to end, each by keyboard and by touch: accept with a quote, delay,
// reject with a listed reason, recall from the list, pause and resume; Esc closes every dialog
// and every refusal shows the engine's reason.
class TestBoardActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void acceptWithAQuote_data();
    void acceptWithAQuote();
    void acceptRefusedShowsTheEnginesReason();
    void delayPushesThePromiseBack_data();
    void delayPushesThePromiseBack();
    void delayRefusedShowsTheEnginesReason();
    void rejectOffersTheStoresReasons_data();
    void rejectOffersTheStoresReasons();
    void recallFromTheList_data();
    void recallFromTheList();
    void recallRefusedShowsTheEnginesReason();
    void recallListModelIsSound();
    void pauseThenResumeByItself_data();
    void pauseThenResumeByItself();
    void pauseUntilATimeByKeyboard();
    void resumeEarly_data();
    void resumeEarly();
    void escapeClosesEachDialog_data();
    void escapeClosesEachDialog();
    void screenshotsOfEachDialog();

private:
    MainWindow &showWindow();
    QString selectedId() const { return m_window->board()->selectedOrderId(); }
    void press(Qt::Key key)
    {
        m_fixture->keyPace();
        QTest::keyClick(m_window->board(), key);
    }
    QString bannerText() const;
    template<typename Dialog> Dialog *waitForDialog();
    template<typename Dialog> bool waitUntilClosed();
    /** Sends a key to whatever has focus inside the dialog, as a keyboard would. */
    void key(QDialog *dialog, Qt::Key key);
    void selectOrder(const QString &orderId);
    Order acceptedOrder(std::optional<OrderType> type = std::nullopt);
    Order handedOver();
    bool saveOverBoard(QDialog *dialog, const QString &name);

    /** The session's busy mode, looking at the clock often: a manual clock moves only when told. */
    StorePause &pause();

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestBoardActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBoardActions::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestBoardActions::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

StorePause &TestBoardActions::pause()
{
    StorePause &pause = m_fixture->session().storePause();
    pause.setTickIntervalMs(5);
    return pause;
}

MainWindow &TestBoardActions::showWindow()
{
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    pause(); // from the start, busy mode looks at the clock often
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

QString TestBoardActions::bannerText() const
{
    const NoticeBanner *notice = m_window->notice();
    return notice->isVisible() && notice->hasNotice() ? notice->text() : QString();
}

template<typename Dialog> Dialog *TestBoardActions::waitForDialog()
{
    Dialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_window->findChild<Dialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

template<typename Dialog> bool TestBoardActions::waitUntilClosed()
{
    return QTest::qWaitFor([this] { return m_window->findChild<Dialog *>() == nullptr; });
}

void TestBoardActions::key(QDialog *dialog, Qt::Key key)
{
    QWidget *target = dialog->focusWidget() ? dialog->focusWidget() : dialog;
    m_fixture->keyPace();
    QTest::keyClick(target, key);
}

void TestBoardActions::selectOrder(const QString &orderId)
{
    QVERIFY(m_window->board()->selectRow(m_window->orderModel()->rowOf(orderId)));
}

Order TestBoardActions::acceptedOrder(std::optional<OrderType> type)
{
    const Order order = m_fixture->place(type);
    const CommandResult accepted = m_fixture->bump(order.id);
    if (!accepted.ok)
        qWarning("accepting failed: %s", qUtf8Printable(accepted.message));
    return accepted.order.value_or(order);
}

Order TestBoardActions::handedOver()
{
    const Order order = m_fixture->place(OrderType::Pickup);
    for (int i = 0; i < 4; ++i)
        m_fixture->bump(order.id);
    m_fixture->clock().advanceMs(minute);
    return order;
}

// The dialog is its own top-level window, so a grab of the board misses it: paint it on top
// where it stands, over a dimmed board, as staff see it.
bool TestBoardActions::saveOverBoard(QDialog *dialog, const QString &name)
{
    QPixmap shot = m_window->grab();
    QPainter painter(&shot);
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 110));
    const QPoint at = dialog->mapToGlobal(QPoint(0, 0)) - m_window->mapToGlobal(QPoint(0, 0));
    painter.drawPixmap(at, dialog->grab());
    painter.end();
    const QString path = screenshotPath(name);
    if (!shot.save(path, "PNG"))
        return false;
    const QImage saved(path);
    return !saved.isNull() && saved.size() == m_window->size() && QFileInfo(path).size() > 0;
}

void TestBoardActions::acceptWithAQuote_data()
{
    QTest::addColumn<QList<int>>("keys"); // pressed in the dialog, then Enter
    QTest::addColumn<int>("clickMinutes"); // 0: by keyboard; else tap this pick, then Accept
    QTest::addColumn<int>("minutes");
    QTest::newRow("default, Enter") << QList<int> {} << 0 << 15;
    QTest::newRow("two right") << QList<int> {Qt::Key_Right, Qt::Key_Right} << 0 << 25;
    QTest::newRow("down a row") << QList<int> {Qt::Key_Down} << 0 << 50;
    QTest::newRow("number key 1") << QList<int> {Qt::Key_1} << 0 << 5;
    QTest::newRow("tap 30, Accept") << QList<int> {} << 30 << 30;
    QTest::newRow("tap 120, Accept") << QList<int> {} << 120 << 120;
}

void TestBoardActions::acceptWithAQuote()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, clickMinutes);
    QFETCH(int, minutes);
    const Order order = m_fixture->place();
    showWindow();
    QCOMPARE(selectedId(), order.id);

    press(Qt::Key_Return);
    auto *dialog = waitForDialog<AcceptDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(order.number));
    QCOMPARE(dialog->minutes(), 15); // the store's default, preselected
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed);
    QVERIFY(m_window->board()->isVisible()); // opened with open(): the board keeps running
    for (int k : std::as_const(keys))
        key(dialog, Qt::Key(k));
    if (clickMinutes > 0) {
        QPushButton *pick = dialog->picks()->button(clickMinutes);
        QVERIFY(pick);
        QVERIFY(pick->height() >= 60); // a target for a finger
        QTest::mouseClick(pick, Qt::LeftButton);
        QCOMPARE(dialog->minutes(), minutes);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
    } else {
        QCOMPARE(dialog->minutes(), minutes);
        key(dialog, Qt::Key_Return);
    }
    QVERIFY(waitUntilClosed<AcceptDialog>());

    const qint64 now = m_fixture->clock().nowMs();
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    const OrderEvent accepted = m_fixture->store().events(order.id).constLast();
    QCOMPARE(accepted.payload.value(QStringLiteral("promised_at")).toInteger(),
             now + minutes * minute);
    QCOMPARE(accepted.payload.value(QStringLiteral("prep_minutes")).toInt(), minutes);
    QCOMPARE(m_fixture->store().order(order.id)->promisedAt, now + minutes * minute);

    // The later bumps need no quote: start, ready, hand over.
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    QVERIFY(m_window->findChild<AcceptDialog *>() == nullptr);
}

void TestBoardActions::acceptRefusedShowsTheEnginesReason()
{
    const Order order = m_fixture->place();
    showWindow();
    press(Qt::Key_Return);
    auto *dialog = waitForDialog<AcceptDialog>();
    QVERIFY(dialog);
    // While the cook chooses, the customer cancels: the accept must be refused, and say why.
    TransitionDetails why;
    why.reason = QStringLiteral("customer changed their mind");
    QVERIFY(
        m_fixture->engine().transition(order.id, OrderState::Cancelled, Actor::platform(), why).ok);
    const qint64 events = m_fixture->store().eventCount();
    key(dialog, Qt::Key_Return);
    QVERIFY(waitUntilClosed<AcceptDialog>());

    TransitionDetails details;
    details.promisedAt = m_fixture->clock().nowMs() + 15 * minute;
    const Verdict expected = m_fixture->engine().stateMachine().check(
        *m_fixture->store().order(order.id), OrderState::Accepted, ActorRole::Staff, details,
        m_fixture->clock().nowMs());
    QVERIFY(!expected.allowed());
    QVERIFY2(bannerText().contains(expected.reason), qUtf8Printable(bannerText()));
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Warning);
    QCOMPARE(m_fixture->store().eventCount(), events);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Cancelled);
}

void TestBoardActions::delayPushesThePromiseBack_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("clickMinutes");
    QTest::addColumn<int>("minutes");
    QTest::newRow("Enter: +5") << QList<int> {} << 0 << 5;
    QTest::newRow("right: +10") << QList<int> {Qt::Key_Right} << 0 << 10;
    QTest::newRow("number 5: +30") << QList<int> {Qt::Key_5} << 0 << 30;
    QTest::newRow("tap +20") << QList<int> {} << 20 << 20;
}

void TestBoardActions::delayPushesThePromiseBack()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, clickMinutes);
    QFETCH(int, minutes);
    const Order order = acceptedOrder();
    const qint64 promised = m_fixture->store().order(order.id)->promisedAt;
    QVERIFY(promised > 0);
    showWindow();
    QCOMPARE(selectedId(), order.id);

    press(Qt::Key_D);
    auto *dialog = waitForDialog<DelayDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(order.number));
    for (int k : std::as_const(keys))
        key(dialog, Qt::Key(k));
    if (clickMinutes > 0) {
        QTest::mouseClick(dialog->picks()->button(clickMinutes), Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    } else {
        QCOMPARE(dialog->minutes(), minutes);
        key(dialog, Qt::Key_Return);
    }
    QVERIFY(waitUntilClosed<DelayDialog>());

    const OrderEvent delayed = m_fixture->store().events(order.id).constLast();
    QCOMPARE(delayed.kind, EventKind::EtaChanged);
    QCOMPARE(delayed.payload.value(QStringLiteral("promised_at")).toInteger(),
             promised + minutes * minute);
    QCOMPARE(m_fixture->store().order(order.id)->promisedAt, promised + minutes * minute);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_window->orderModel()->orderAt(0).promisedAt, promised + minutes * minute);
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Info);
}

void TestBoardActions::delayRefusedShowsTheEnginesReason()
{
    // A placed order has no promise to delay: no dialog, the engine's reason instead.
    const Order placed = m_fixture->place();
    const Order accepted = acceptedOrder();
    showWindow();
    selectOrder(placed.id);
    const qint64 events = m_fixture->store().eventCount();
    press(Qt::Key_D);
    QVERIFY(m_window->findChild<DelayDialog *>() == nullptr);
    const QString reason = m_fixture->engine().checkDelay(placed.id).message;
    QVERIFY(!reason.isEmpty());
    QVERIFY2(bannerText().contains(reason), qUtf8Printable(bannerText()));
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Warning);

    // The order is handed over while the dialog is open: the delay is refused when sent.
    selectOrder(accepted.id);
    press(Qt::Key_D);
    auto *dialog = waitForDialog<DelayDialog>();
    QVERIFY(dialog);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture->bump(accepted.id).ok);
    const qint64 before = m_fixture->store().eventCount();
    key(dialog, Qt::Key_Return);
    QVERIFY(waitUntilClosed<DelayDialog>());
    const QString closed = m_fixture->engine().checkDelay(accepted.id).message;
    QVERIFY2(bannerText().contains(closed), qUtf8Printable(bannerText()));
    QCOMPARE(m_fixture->store().eventCount(), before);
    QVERIFY(events < before);
}

void TestBoardActions::rejectOffersTheStoresReasons_data()
{
    QTest::addColumn<bool>("byClick");
    QTest::newRow("keyboard") << false;
    QTest::newRow("touch") << true;
}

void TestBoardActions::rejectOffersTheStoresReasons()
{
    QFETCH(bool, byClick);
    BoardOptions options;
    options.policy.rejectReasons = {QStringLiteral("Out of buns"), QStringLiteral("Fryer down")};
    const Order order = m_fixture->place();
    m_window = std::make_unique<MainWindow>(m_fixture->session(), options);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    press(Qt::Key_X);
    auto *dialog = waitForDialog<RejectDialog>();
    QVERIFY(dialog);
    auto *reasons = dialog->findChild<QListWidget *>();
    QVERIFY(reasons);
    QCOMPARE(reasons->count(), 3); // the store's two, then "Other…", numbered for the keys
    QVERIFY(reasons->item(0)->text().startsWith(QLatin1String("1")));
    QVERIFY(reasons->item(0)->text().endsWith(QLatin1String("Out of buns")));
    QVERIFY(reasons->item(1)->text().endsWith(QLatin1String("Fryer down")));
    QVERIFY(reasons->selectedItems().isEmpty()); // nothing preselected
    QVERIFY(!dialog->confirmButton()->isEnabled());
    if (byClick) {
        QTest::mouseClick(reasons->viewport(), Qt::LeftButton, {},
                          reasons->visualItemRect(reasons->item(1)).center());
        QVERIFY(dialog->isVisible()); // a tap chooses; the button confirms
        QVERIFY(dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    } else {
        QTest::keyClick(reasons, Qt::Key_2);
        QVERIFY(dialog->isVisible()); // a number chooses; Enter confirms
        QVERIFY(dialog->confirmButton()->isEnabled());
        key(dialog, Qt::Key_Return);
    }
    QTRY_COMPARE(m_fixture->storedState(order.id), OrderState::Rejected);
    QCOMPARE(m_fixture->store().order(order.id)->lastReason, QStringLiteral("Fryer down"));
}

void TestBoardActions::recallFromTheList_data()
{
    QTest::addColumn<bool>("byClick");
    QTest::newRow("keyboard") << false;
    QTest::newRow("double tap") << true;
}

void TestBoardActions::recallFromTheList()
{
    QFETCH(bool, byClick);
    const Order first = handedOver();
    const Order second = handedOver();
    const Order third = handedOver();
    const Order waiting = m_fixture->place();
    showWindow();
    QCOMPARE(m_window->orderModel()->rowCount(), 1);

    press(Qt::Key_R);
    auto *dialog = waitForDialog<RecallDialog>();
    QVERIFY(dialog);
    RecallListModel *model = dialog->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0).data(RecallListModel::OrderIdRole).toString(), third.id);
    QCOMPARE(model->index(1).data(RecallListModel::OrderIdRole).toString(), second.id);
    QCOMPARE(model->index(2).data(RecallListModel::OrderIdRole).toString(), first.id);
    const QString row = model->index(1).data().toString();
    QVERIFY2(row.contains(second.number)
                 && row.contains(OrderStates::displayName(OrderState::PickedUp)),
             qUtf8Printable(row));
    const qint64 agoMs =
        m_fixture->clock().nowMs() - m_fixture->store().order(second.id)->stateSince;
    QVERIFY2(row.contains(QStringLiteral("%1 min ago").arg(agoMs / minute)), qUtf8Printable(row));

    if (byClick) {
        QListView *list = dialog->list();
        const QPoint centre = list->visualRect(model->index(1)).center();
        QVERIFY2(list->viewport()->rect().contains(centre),
                 qPrintable(QString::number(centre.y())));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(dialog->orderId(), second.id);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centre);
    } else {
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Return);
    }
    QVERIFY(waitUntilClosed<RecallDialog>());
    QCOMPARE(m_fixture->storedState(second.id), OrderState::Ready);
    QCOMPARE(m_fixture->storedState(first.id), OrderState::PickedUp);
    QCOMPARE(m_fixture->storedState(third.id), OrderState::PickedUp);
    QCOMPARE(m_fixture->store().events(second.id).constLast().kind, EventKind::Recall);
    QCOMPARE(m_window->orderModel()->rowCount(), 2);
    QCOMPARE(selectedId(), second.id);
    QCOMPARE(m_fixture->storedState(waiting.id), OrderState::Placed);
}

void TestBoardActions::recallRefusedShowsTheEnginesReason()
{
    const Order served = handedOver();
    showWindow();
    press(Qt::Key_R);
    auto *dialog = waitForDialog<RecallDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), 1);
    // The cook waits too long: the window closes while the list is open.
    m_fixture->clock().advanceMs(m_fixture->engine().config().recallWindowMs);
    const qint64 events = m_fixture->store().eventCount();
    key(dialog, Qt::Key_Return);
    QVERIFY(waitUntilClosed<RecallDialog>());

    const Verdict expected = m_fixture->engine().stateMachine().checkRecall(
        *m_fixture->store().order(served.id), ActorRole::Staff, m_fixture->clock().nowMs());
    QVERIFY(!expected.allowed());
    QVERIFY2(bannerText().contains(expected.reason), qUtf8Printable(bannerText()));
    QCOMPARE(m_fixture->store().eventCount(), events);
    QCOMPARE(m_fixture->storedState(served.id), OrderState::PickedUp);
}

void TestBoardActions::recallListModelIsSound()
{
    RecallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const Order a = handedOver();
    const Order b = handedOver();
    model.setOrders(m_fixture->engine().recallable(50), m_fixture->clock().nowMs());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(RecallListModel::NumberRole).toString(), b.number);
    QCOMPARE(model.index(1).data(RecallListModel::CustomerRole).toString(), a.customerName);
    QCOMPARE(model.index(1).data(RecallListModel::StateRole).toInt(), int(OrderState::PickedUp));
    QCOMPARE(model.index(1).data(RecallListModel::BumpedAgoMsRole).toLongLong(),
             m_fixture->clock().nowMs() - m_fixture->store().order(a.id)->stateSince);
    QCOMPARE(model.orderAt(0).id, b.id);
    QVERIFY(model.roleNames().contains(RecallListModel::OrderIdRole));
    QVERIFY(!model.index(5).data().isValid());
    model.setOrders({}, m_fixture->clock().nowMs());
    QCOMPARE(model.rowCount(), 0);
}

void TestBoardActions::pauseThenResumeByItself_data()
{
    QTest::addColumn<bool>("byClick");
    QTest::addColumn<int>("minutes");
    QTest::newRow("Enter: 20 min") << false << 20;
    QTest::newRow("tap 40 min") << true << 40;
}

void TestBoardActions::pauseThenResumeByItself()
{
    QFETCH(bool, byClick);
    QFETCH(int, minutes);
    const Order order = m_fixture->place();
    showWindow();
    QVERIFY(m_window->header()->pauseText().isEmpty());

    press(Qt::Key_P);
    auto *dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    QVERIFY(!dialog->resumeButton()->isVisible()); // nothing to resume yet
    if (byClick)
        QTest::mouseClick(dialog->pauseFor40(), Qt::LeftButton);
    else
        key(dialog, Qt::Key_Return);
    QVERIFY(waitUntilClosed<PauseDialog>());

    const qint64 until = m_fixture->clock().nowMs() + minutes * minute;
    QVERIFY(pause().isPaused());
    QCOMPARE(pause().pausedUntil(), until);
    const QString time =
        QDateTime::fromMSecsSinceEpoch(until).toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(
        m_window->header()->pauseText().startsWith(QStringLiteral("PAUSED until %1").arg(time)),
        qUtf8Printable(m_window->header()->pauseText()));
    const OrderEvent paused = m_fixture->store().lastStoreEvent().value();
    QCOMPARE(paused.kind, EventKind::StorePaused);
    QCOMPARE(paused.payload.value(QStringLiteral("until")).toInteger(), until);

    // Orders still arrive and can be worked while paused.
    const Order late = m_fixture->place(std::nullopt, minute);
    QCOMPARE(m_window->orderModel()->rowCount(), 2);
    selectOrder(order.id);
    press(Qt::Key_Return);
    QVERIFY(waitForDialog<AcceptDialog>());
    key(m_window->findChild<AcceptDialog *>(), Qt::Key_Return);
    QVERIFY(waitUntilClosed<AcceptDialog>());
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_fixture->storedState(late.id), OrderState::Placed);

    // The clock passes the end: the store resumes by itself, once, as the system.
    m_fixture->clock().setNowMs(until);
    QTRY_VERIFY(!pause().isPaused());
    QTRY_VERIFY(m_window->header()->pauseText().isEmpty());
    const OrderEvent resumed = m_fixture->store().lastStoreEvent().value();
    QCOMPARE(resumed.kind, EventKind::StoreResumed);
    QCOMPARE(resumed.actor, Actor::system());
    QCOMPARE(resumed.occurredAt, until);
}

void TestBoardActions::pauseUntilATimeByKeyboard()
{
    showWindow();
    press(Qt::Key_P);
    auto *dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    // Tab to the time field (past 20 min, 40 min, "Pause until"), an hour later, Enter.
    for (int i = 0; i < 3; ++i)
        key(dialog, Qt::Key_Tab);
    QVERIFY2(dialog->focusWidget() == dialog->timeEdit(),
             dialog->focusWidget() ? dialog->focusWidget()->metaObject()->className() : "none");
    const QTime start = dialog->timeEdit()->time();
    key(dialog, Qt::Key_Up);
    QCOMPARE(dialog->timeEdit()->time(), start.addSecs(3600));
    key(dialog, Qt::Key_Return);
    QVERIFY(waitUntilClosed<PauseDialog>());

    QVERIFY(pause().isPaused());
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(pause().pausedUntil()).toLocalTime();
    QCOMPARE(until.time(), start.addSecs(3600));
    QVERIFY(pause().pausedUntil() > m_fixture->clock().nowMs());
    QVERIFY(pause().pausedUntil() <= m_fixture->clock().nowMs() + 24 * 60 * minute);
    QVERIFY(m_window->header()->pauseText().contains(until.toString(QStringLiteral("HH:mm"))));
}

void TestBoardActions::resumeEarly_data()
{
    QTest::addColumn<bool>("byClick");
    QTest::newRow("keyboard") << false;
    QTest::newRow("touch") << true;
}

void TestBoardActions::resumeEarly()
{
    QFETCH(bool, byClick);
    QVERIFY(pause()
                    .pause(m_fixture->clock().nowMs() + 40 * minute,
                           Actor::staff(QStringLiteral("ana")))
                    .ok);
    showWindow();
    QVERIFY(!m_window->header()->pauseText().isEmpty()); // shown from the start

    press(Qt::Key_P);
    auto *dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->resumeButton()->isVisible());
    QVERIFY(dialog->resumeButton()->height() >= 60);
    if (byClick)
        QTest::mouseClick(dialog->resumeButton(), Qt::LeftButton);
    else
        key(dialog, Qt::Key_Return); // "Resume now" has the focus while paused
    QVERIFY(waitUntilClosed<PauseDialog>());

    QVERIFY(!pause().isPaused());
    QVERIFY(m_window->header()->pauseText().isEmpty());
    const OrderEvent resumed = m_fixture->store().lastStoreEvent().value();
    QCOMPARE(resumed.kind, EventKind::StoreResumed);
    QCOMPARE(resumed.actor, Actor::staff(QStringLiteral("kitchen")));
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Info);
}

void TestBoardActions::escapeClosesEachDialog_data()
{
    QTest::addColumn<int>("command");
    QTest::newRow("accept") << int(Qt::Key_Return);
    QTest::newRow("delay") << int(Qt::Key_D);
    QTest::newRow("reject") << int(Qt::Key_X);
    QTest::newRow("recall") << int(Qt::Key_R);
    QTest::newRow("pause") << int(Qt::Key_P);
}

void TestBoardActions::escapeClosesEachDialog()
{
    QFETCH(int, command);
    handedOver(); // something to recall
    const Order accepted = acceptedOrder();
    const Order placed = m_fixture->place();
    showWindow();
    const bool needsPlaced = command == Qt::Key_Return || command == Qt::Key_X;
    selectOrder(needsPlaced ? placed.id : accepted.id);
    const qint64 events = m_fixture->store().eventCount();

    press(Qt::Key(command));
    QDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        dialog = m_window->openDialog();
        return dialog && dialog->isVisible();
    }));
    QVERIFY(m_window->isVisible());
    key(dialog, Qt::Key_Escape);
    QTRY_VERIFY(m_window->openDialog() == nullptr);
    QCOMPARE(m_fixture->store().eventCount(), events);
    QVERIFY(!pause().isPaused());
    // The board has the keys again.
    QTRY_VERIFY(m_window->board()->hasFocus() || QApplication::focusWidget() == nullptr);
}

void TestBoardActions::screenshotsOfEachDialog()
{
    handedOver();
    handedOver();
    const Order accepted = acceptedOrder();
    for (int i = 0; i < 5; ++i)
        m_fixture->place();
    showWindow();
    const int placedRow = m_window->orderModel()->rowCount() - 1;

    struct Shot
    {
        QString name;
        Qt::Key key;
        bool placedSelected;
    };
    const QList<Shot> shots {
        {QStringLiteral("accept-dialog"), Qt::Key_Return, true},
        {QStringLiteral("delay-dialog"), Qt::Key_D, false},
        {QStringLiteral("reject-dialog"), Qt::Key_X, true},
        {QStringLiteral("recall-dialog"), Qt::Key_R, false},
        {QStringLiteral("pause-dialog"), Qt::Key_P, false},
    };
    for (const Shot &shot : shots) {
        if (shot.placedSelected)
            QVERIFY(m_window->board()->selectRow(placedRow));
        else
            selectOrder(accepted.id);
        press(shot.key);
        QDialog *dialog = nullptr;
        QVERIFY2(QTest::qWaitFor([&] {
                     dialog = m_window->openDialog();
                     return dialog && dialog->isVisible();
                 }),
                 qUtf8Printable(shot.name));
        QVERIFY2(saveOverBoard(dialog, shot.name), qUtf8Printable(screenshotPath(shot.name)));
        key(dialog, Qt::Key_Escape);
        QTRY_VERIFY(m_window->openDialog() == nullptr);
    }

    // The board while paused, header and all, and the dialog that offers "Resume now".
    QVERIFY(pause()
                    .pause(m_fixture->clock().nowMs() + 20 * minute,
                           Actor::staff(QStringLiteral("ana")))
                    .ok);
    const QPixmap board = m_window->grab();
    const QString boardPath = screenshotPath(QStringLiteral("board-paused"));
    QVERIFY(board.save(boardPath, "PNG"));
    QCOMPARE(QImage(boardPath).size(), m_window->size());
    press(Qt::Key_P);
    auto *dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    QVERIFY(saveOverBoard(dialog, QStringLiteral("pause-dialog-paused")));
    key(dialog, Qt::Key_Escape);
    QTRY_VERIFY(m_window->openDialog() == nullptr);
}

QTEST_MAIN(TestBoardActions)
#include "tst_boardactions.moc"
