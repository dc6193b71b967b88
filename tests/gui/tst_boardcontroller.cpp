// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardcontroller.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "board/ticketstyle.h"
#include "dialogs/acceptdialog.h"
#include "dialogs/delaydialog.h"
#include "dialogs/dialoghost.h"
#include "dialogs/minutepicks.h"
#include "dialogs/pausedialog.h"
#include "dialogs/recalldialog.h"
#include "dialogs/rejectdialog.h"
#include "engine/storepause.h"
#include "guitestsupport.h"
#include "screenshots.h"
#include "stationfixture.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QWidget>
#include <QtTest/QTest>

#include <memory>

namespace {
constexpr qint64 minute = 60'000;
const Actor kitchen = Actor::staff(QStringLiteral("kitchen")); // BoardOptions' default staff

// What the controller is built over in MainWindow, without the rest of the window: the models the
// board shows, the banner, and a window whose dialog host asks the questions.
struct ControllerBed
{
    ControllerBed(ConsoleSession &session, const Clock &clock)
        : orders(session.engine(), clock)
        , dialogs(window, *focus)
        , controller(session.engine(), clock, BoardOptions(), orders, view, *notice, dialogs)
    {
        view.setSourceModel(&orders);
        window.resize(1024, 768);
    }

    QWidget window;
    QWidget *focus = new QWidget(&window); // the board's place: it gets the keys back
    TicketStyle style;
    NoticeBanner *notice = new NoticeBanner(style, &window);
    OrderModel orders;
    StationFilterModel view;
    DialogHost dialogs;
    BoardController controller;
};
} // namespace

// BoardController on its own over a real console session: what each command writes to the store,
// what it asks first, and what staff read in the banner; a refused command changes nothing.
class TestBoardController : public QObject
{
    Q_OBJECT

public:
    enum class Command {
        Bump,
        Recall,
        Reject,
        Delay,
        Pause,
    };
    Q_ENUM(Command)
    enum class Setup {
        Nothing, // no order at all
        Placed,
        Accepted,
        HandedOverLongAgo, // past the recall window
    };
    Q_ENUM(Setup)

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void bumpAsksForAQuoteThenAccepts();
    void bumpMovesTheOrderOnAndLogsIt();
    void handingOverSaysHowToRecall();
    void recallBringsATicketBackWithinTheWindow();
    void rejectWithAChosenReason();
    void delayPushesThePromiseBack();
    void refusedCommandsChangeNothing_data();
    void refusedCommandsChangeNothing();
    void anAnswerTheEngineRefusesChangesNothing();
    void aCancelledQuestionChangesNothing();
    void oneQuestionAtATime();
    void stationBumpThenRecallReopensIt();
    void anotherViewForgetsTheLastStationBump();
    void pauseThenResume();
    void theEnginesRefusalsShowInTheBanner();

private:
    template<typename Dialog> Dialog *waitForDialog();
    /** Closes the open question and waits until it is gone. */
    bool closeDialog(QDialog *dialog, bool accept);
    QString bannerText() const;
    Order accepted(std::optional<OrderType> type = std::nullopt);
    Order handedOver();
    OrderEvent lastEventOf(const QString &orderId) const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<ControllerBed> m_bed;
};

void TestBoardController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBoardController::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_bed = std::make_unique<ControllerBed>(m_fixture->session(), m_fixture->clock());
    m_bed->window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_bed->window));
}

void TestBoardController::cleanup()
{
    screenshotOnFailure(m_bed ? &m_bed->window : nullptr);
    m_bed.reset();
    m_fixture.reset();
}

template<typename Dialog> Dialog *TestBoardController::waitForDialog()
{
    Dialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = qobject_cast<Dialog *>(m_bed->dialogs.current());
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

bool TestBoardController::closeDialog(QDialog *dialog, bool accept)
{
    if (accept)
        dialog->accept();
    else
        dialog->reject();
    return QTest::qWaitFor([this] { return m_bed->window.findChild<QDialog *>() == nullptr; });
}

QString TestBoardController::bannerText() const
{
    return m_bed->notice->hasNotice() ? m_bed->notice->text() : QString();
}

Order TestBoardController::accepted(std::optional<OrderType> type)
{
    const Order order = m_fixture->place(type);
    const CommandResult result = m_fixture->bump(order.id);
    if (!result.ok)
        qWarning("accepting failed: %s", qUtf8Printable(result.message));
    return result.order.value_or(order);
}

Order TestBoardController::handedOver()
{
    const Order order = m_fixture->place(OrderType::Pickup);
    for (int i = 0; i < 4; ++i) {
        if (const CommandResult result = m_fixture->bump(order.id); !result.ok)
            qWarning("bumping failed: %s", qUtf8Printable(result.message));
    }
    m_fixture->clock().advanceMs(minute);
    return order;
}

OrderEvent TestBoardController::lastEventOf(const QString &orderId) const
{
    const QList<OrderEvent> events = m_fixture->store().events(orderId);
    return events.isEmpty() ? OrderEvent() : events.constLast();
}

void TestBoardController::bumpAsksForAQuoteThenAccepts()
{
    const Order order = m_fixture->place();
    const int eventsBefore = m_fixture->storedEventCount(order.id);

    m_bed->controller.bump(order.id);
    auto *dialog = waitForDialog<AcceptDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(order.number));
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed); // nothing before the answer
    QCOMPARE(m_fixture->storedEventCount(order.id), eventsBefore);

    dialog->picks()->choose(25);
    QVERIFY(closeDialog(dialog, true));
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_fixture->store().order(order.id)->promisedAt,
             m_fixture->clock().nowMs() + 25 * minute);
    const OrderEvent event = lastEventOf(order.id);
    QCOMPARE(event.kind, EventKind::Transition);
    QCOMPARE(event.to, OrderState::Accepted);
    QCOMPARE(event.actor, kitchen);
    QCOMPARE(m_bed->orders.orderAt(m_bed->orders.rowOf(order.id)).state, OrderState::Accepted);
}

void TestBoardController::bumpMovesTheOrderOnAndLogsIt()
{
    const Order order = accepted();
    const int eventsBefore = m_fixture->storedEventCount(order.id);

    m_bed->controller.bump(order.id);
    QVERIFY(!m_bed->dialogs.isAsking()); // only a placed order asks first
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    QCOMPARE(m_fixture->storedEventCount(order.id), eventsBefore + 1);
    const OrderEvent event = lastEventOf(order.id);
    QCOMPARE(event.kind, EventKind::Transition);
    QCOMPARE(event.from, OrderState::Accepted);
    QCOMPARE(event.to, OrderState::Preparing);
    QCOMPARE(event.actor, kitchen);
    QCOMPARE(m_bed->orders.orderAt(m_bed->orders.rowOf(order.id)).state, OrderState::Preparing);
    QVERIFY(bannerText().isEmpty()); // a step on the board needs no words
}

void TestBoardController::handingOverSaysHowToRecall()
{
    const Order order = accepted(OrderType::Pickup);
    m_bed->controller.bump(order.id);
    m_bed->controller.bump(order.id);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Ready);

    m_bed->controller.bump(order.id);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::PickedUp);
    QCOMPARE(m_bed->orders.rowOf(order.id), -1); // off the board
    QVERIFY2(bannerText().contains(order.number), qUtf8Printable(bannerText()));
    QVERIFY2(bannerText().contains(QLatin1String("Press R")), qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Info);
}

void TestBoardController::recallBringsATicketBackWithinTheWindow()
{
    const Order order = handedOver();
    QCOMPARE(m_bed->orders.rowOf(order.id), -1);
    QSignalSpy select(&m_bed->controller, &BoardController::selectRequested);
    QVERIFY(select.isValid());

    m_bed->controller.recall();
    auto *dialog = waitForDialog<RecallDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->orderId(), order.id); // the latest bump comes first
    QCOMPARE(m_fixture->storedState(order.id), OrderState::PickedUp);
    QVERIFY(closeDialog(dialog, true));

    QCOMPARE(m_fixture->storedState(order.id), OrderState::Ready);
    const OrderEvent event = lastEventOf(order.id);
    QCOMPARE(event.kind, EventKind::Recall);
    QCOMPARE(event.actor, kitchen);
    QVERIFY(m_bed->orders.rowOf(order.id) >= 0); // back on the board
    QCOMPARE(select.count(), 1);
    QCOMPARE(select.constFirst().constFirst().toString(), order.id);
    QVERIFY2(bannerText().contains(QLatin1String("recalled")), qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Info);
}

void TestBoardController::rejectWithAChosenReason()
{
    const Order keep = m_fixture->place();
    const Order order = m_fixture->place();

    m_bed->controller.reject(order.id);
    auto *dialog = waitForDialog<RejectDialog>();
    QVERIFY(dialog);
    auto *reasons = dialog->findChild<QListWidget *>();
    QVERIFY(reasons);
    const QString reason = BoardOptions().policy.rejectReasons.at(1); // the store's list
    reasons->setCurrentRow(1);
    QCOMPARE(dialog->reason(), reason);
    QVERIFY(closeDialog(dialog, true));

    QCOMPARE(m_fixture->storedState(order.id), OrderState::Rejected);
    QCOMPARE(m_fixture->store().order(order.id)->lastReason, reason);
    const OrderEvent event = lastEventOf(order.id);
    QCOMPARE(event.to, OrderState::Rejected);
    QCOMPARE(event.reason, reason);
    QCOMPARE(event.actor, kitchen);
    QCOMPARE(m_bed->orders.rowOf(order.id), -1);
    QCOMPARE(m_fixture->storedState(keep.id), OrderState::Placed);
    QVERIFY2(bannerText().contains(reason), qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Info);
}

void TestBoardController::delayPushesThePromiseBack()
{
    const Order order = accepted();
    const qint64 promised = m_fixture->store().order(order.id)->promisedAt;

    m_bed->controller.delay(order.id);
    auto *dialog = waitForDialog<DelayDialog>();
    QVERIFY(dialog);
    dialog->picks()->choose(10);
    QVERIFY(closeDialog(dialog, true));

    QCOMPARE(m_fixture->store().order(order.id)->promisedAt, promised + 10 * minute);
    const OrderEvent event = lastEventOf(order.id);
    QCOMPARE(event.kind, EventKind::EtaChanged);
    QCOMPARE(event.actor, kitchen);
    QVERIFY2(bannerText().contains(QLatin1String("delayed by 10 min")),
             qUtf8Printable(bannerText()));
}

void TestBoardController::refusedCommandsChangeNothing_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("station"); // the view; empty for expo
    QTest::addColumn<QString>("says"); // part of the banner's words; the number if empty

    const QString expo;
    const QString grill = QStringLiteral("grill");
    QTest::newRow("bump without a ticket")
        << Setup::Nothing << Command::Bump << expo << QStringLiteral("Select a ticket first.");
    QTest::newRow("a station bumps a new order")
        << Setup::Placed << Command::Bump << grill << QString();
    QTest::newRow("recall with nothing bumped")
        << Setup::Accepted << Command::Recall << expo << QStringLiteral("Nothing to recall");
    QTest::newRow("recall past the window") << Setup::HandedOverLongAgo << Command::Recall << expo
                                            << QStringLiteral("Nothing to recall");
    QTest::newRow("a station recalls with nothing bumped")
        << Setup::Accepted << Command::Recall << grill << QString();
    QTest::newRow("reject an accepted order")
        << Setup::Accepted << Command::Reject << expo << QString();
    QTest::newRow("delay without a promise")
        << Setup::Placed << Command::Delay << expo << QString();
    QTest::newRow("pause without busy mode")
        << Setup::Nothing << Command::Pause << expo << QStringLiteral("not available");
}

void TestBoardController::refusedCommandsChangeNothing()
{
    QFETCH(Setup, setup);
    QFETCH(Command, command);
    QFETCH(QString, station);
    QFETCH(QString, says);
    std::optional<Order> order;
    switch (setup) {
    case Setup::Nothing:
        break;
    case Setup::Placed:
        order = m_fixture->place();
        break;
    case Setup::Accepted:
        order = accepted();
        break;
    case Setup::HandedOverLongAgo:
        order = handedOver();
        m_fixture->clock().advanceMs(m_fixture->engine().config().recallWindowMs);
        break;
    }
    const QString orderId = order ? order->id : QString();
    const OrderState stateBefore = order ? m_fixture->storedState(orderId) : OrderState::Placed;
    const qint64 eventsBefore = m_fixture->store().eventCount();
    m_bed->view.setStation(station);
    QSignalSpy select(&m_bed->controller, &BoardController::selectRequested);
    QVERIFY(select.isValid());

    switch (command) {
    case Command::Bump:
        m_bed->controller.bump(orderId);
        break;
    case Command::Recall:
        m_bed->controller.recall();
        break;
    case Command::Reject:
        m_bed->controller.reject(orderId);
        break;
    case Command::Delay:
        m_bed->controller.delay(orderId);
        break;
    case Command::Pause:
        m_bed->controller.pause();
        break;
    }

    QVERIFY(!m_bed->dialogs.isAsking()); // refused before anyone is asked anything
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore);
    if (order)
        QCOMPARE(m_fixture->storedState(orderId), stateBefore);
    QVERIFY(select.isEmpty());
    QVERIFY2(!bannerText().isEmpty(), "a refusal without words");
    if (!says.isEmpty())
        QVERIFY2(bannerText().contains(says), qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Warning);
}

void TestBoardController::anAnswerTheEngineRefusesChangesNothing()
{
    // The question is open while another screen accepts the order: the answer comes too late.
    const Order order = m_fixture->place();
    m_bed->controller.reject(order.id);
    auto *dialog = waitForDialog<RejectDialog>();
    QVERIFY(dialog);
    QVERIFY(m_fixture->bump(order.id).ok);
    const qint64 eventsBefore = m_fixture->store().eventCount();

    dialog->findChild<QListWidget *>()->setCurrentRow(0);
    QVERIFY(closeDialog(dialog, true));
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QVERIFY(!bannerText().isEmpty());
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Warning);
}

void TestBoardController::aCancelledQuestionChangesNothing()
{
    const Order order = accepted();
    const qint64 eventsBefore = m_fixture->store().eventCount();

    m_bed->controller.delay(order.id);
    auto *dialog = waitForDialog<DelayDialog>();
    QVERIFY(dialog);
    QVERIFY(closeDialog(dialog, false)); // Esc
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore);
    QVERIFY(bannerText().isEmpty());
    QCOMPARE(m_fixture->store().order(order.id)->promisedAt, order.promisedAt);
}

void TestBoardController::oneQuestionAtATime()
{
    const Order first = m_fixture->place();
    const Order second = accepted();

    m_bed->controller.bump(first.id);
    auto *dialog = waitForDialog<AcceptDialog>();
    QVERIFY(dialog);
    m_bed->controller.reject(first.id);
    m_bed->controller.delay(second.id);
    m_bed->controller.bump(m_fixture->place().id);
    QCOMPARE(m_bed->dialogs.current(), dialog); // still the first question, alone
    QCOMPARE(m_bed->window.findChildren<QDialog *>().size(), 1);

    QVERIFY(closeDialog(dialog, true));
    QCOMPARE(m_fixture->storedState(first.id), OrderState::Accepted);
}

void TestBoardController::stationBumpThenRecallReopensIt()
{
    StationFixture stations(*m_fixture);
    // 201 is accepted: the stations may start it.
    const StationFixture::Placed ids = stations.placeAll();
    m_bed->view.setStation(QStringLiteral("grill"));
    QSignalSpy select(&m_bed->controller, &BoardController::selectRequested);
    QVERIFY(select.isValid());

    m_bed->controller.bump(ids.a);
    OrderEvent event = lastEventOf(ids.a);
    QCOMPARE(event.kind, EventKind::StationBumped);
    QCOMPARE(event.payload.value(QStringLiteral("station")).toString(), QStringLiteral("grill"));
    QCOMPARE(event.payload.value(QStringLiteral("done")).toBool(), true);
    QCOMPARE(event.actor, kitchen);
    QVERIFY2(bannerText().contains(QLatin1String("GRILL done")), qUtf8Printable(bannerText()));

    m_bed->controller.recall(); // a station's recall asks nothing: it reopens its last bump
    QVERIFY(!m_bed->dialogs.isAsking());
    event = lastEventOf(ids.a);
    QCOMPARE(event.kind, EventKind::StationBumped);
    QCOMPARE(event.payload.value(QStringLiteral("done")).toBool(), false);
    QCOMPARE(select.count(), 1);
    QCOMPARE(select.constFirst().constFirst().toString(), ids.a);
    QVERIFY2(bannerText().contains(QLatin1String("reopened")), qUtf8Printable(bannerText()));

    // Reopened once: a second recall has nothing to reopen.
    const qint64 eventsBefore = m_fixture->store().eventCount();
    m_bed->controller.recall();
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore);
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Warning);
}

void TestBoardController::anotherViewForgetsTheLastStationBump()
{
    StationFixture stations(*m_fixture);
    const StationFixture::Placed ids = stations.placeAll(); // 202 accepted
    m_bed->view.setStation(QStringLiteral("fry"));
    m_bed->controller.bump(ids.b);
    QCOMPARE(lastEventOf(ids.b).kind, EventKind::StationBumped);

    m_bed->view.setStation(QStringLiteral("grill"));
    m_bed->controller.forgetLastBump();
    const qint64 eventsBefore = m_fixture->store().eventCount();
    m_bed->controller.recall();
    QCOMPARE(m_fixture->store().eventCount(), eventsBefore); // the fryer's bump stands
    QCOMPARE(lastEventOf(ids.b).payload.value(QStringLiteral("done")).toBool(), true);
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Warning);
}

void TestBoardController::pauseThenResume()
{
    StorePause &pause = m_fixture->session().storePause();
    m_bed->controller.setStorePause(&pause);
    QVERIFY(!pause.isPaused());

    m_bed->controller.pause();
    auto *dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    QVERIFY(!dialog->resumeButton()->isVisible()); // nothing to resume yet
    dialog->pauseFor20()->click();
    QTRY_VERIFY(!m_bed->dialogs.isAsking());
    QCOMPARE(pause.pausedUntil(), m_fixture->clock().nowMs() + 20 * minute);
    QVERIFY2(bannerText().contains(QLatin1String("The store is paused")),
             qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Info);

    m_bed->controller.pause();
    dialog = waitForDialog<PauseDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->resumeButton()->isVisible());
    dialog->resumeButton()->click();
    QTRY_VERIFY(!m_bed->dialogs.isAsking());
    QVERIFY(!pause.isPaused());
    QVERIFY2(bannerText().contains(QLatin1String("taking orders again")),
             qUtf8Printable(bannerText()));
}

void TestBoardController::theEnginesRefusalsShowInTheBanner()
{
    const QString message = QStringLiteral("Order 777 was cancelled by the customer first.");
    Q_EMIT m_fixture->engine().refused(message);
    QVERIFY2(bannerText().contains(message), qUtf8Printable(bannerText()));
    QCOMPARE(m_bed->notice->kind(), NoticeBanner::Kind::Warning);
}

QTEST_MAIN(TestBoardController)
#include "tst_boardcontroller.moc"
