// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alertbanner.h"
#include "board/alertsound.h"
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/feedstatusview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "board/ticketstyle.h"
#include "boardwindow.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// The alerts that stay until acknowledged: one strip of bounded height, alerts of a kind merged,
// one key (or a tap) for all of them; a cancelled or changed ticket stays marked meanwhile; a
// quiet feed's alarm goes by itself when the feed speaks again; a cook's own action raises none.
class TestAlertBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void platformRejectionRaisesAnAlertThatStays();
    void oneKeyAcknowledgesEveryAlert();
    void aTapAcknowledgesEveryAlert();
    void aRushOfCancelsIsOneLineOfBoundedHeight();
    void manyAlertsNeverStack();
    void refusalsStayTransient();
    void detailsShowBesideASingleAlert();
    void flashBlinksAndSettles();
    void changeInProgressIsShownItemByItem();
    void aCancelledTicketStaysMarkedUntilBumped();
    void aChangedTicketsFirstBumpAcknowledgesIt();
    void ownDelayRaisesNothingThePlatformsDoes();
    void newOrderIsAnnouncedAndFlashesWhenMuted();
    void newOrdersWithinAMinuteShareOneNotice();
    void quietFeedAlarmsThenClearsItselfWhenItSpeaks();
    void alertAreaScreenshots_data();
    void alertAreaScreenshots();

private:
    MainWindow &showWindow(BoardOptions options = {}, QSize size = {1280, 800});
    // Bumps a fresh order here and has the platform refuse that bump: the engine alerts.
    void overtake(const QString &reason);
    // Orders arrive from the platform and reach the board; none if they did not within 10 s.
    QList<Order> arriveFromPlatform(int count);
    QString allShown() const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestAlertBanner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAlertBanner::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestAlertBanner::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

MainWindow &TestAlertBanner::showWindow(BoardOptions options, QSize size)
{
    options.noticeTimeoutMs = 100;
    m_window = showBoardWindow(*m_fixture, size, options);
    return *m_window;
}

void TestAlertBanner::overtake(const QString &reason)
{
    const Order order = m_fixture->place();
    const CommandResult bumped = m_fixture->bump(order.id);
    QVERIFY(bumped.ok);
    m_fixture->engine().rejectByPlatform(bumped.event.id, reason);
}

QList<Order> TestAlertBanner::arriveFromPlatform(int count)
{
    QList<OrderEvent> placed;
    for (int i = 0; i < count; ++i)
        placed.append(m_fixture->placedOnPlatform());
    const int before = m_window->orderModel()->rowCount();
    m_fixture->fromPlatform(placed);
    QList<Order> orders;
    const OrderModel *model = m_window->orderModel();
    if (!QTest::qWaitFor([&] { return model->rowCount() == before + count; }, 10'000))
        return orders; // the caller's check of the count fails
    for (const OrderEvent &event : std::as_const(placed))
        orders.append(m_fixture->engine().order(event.orderId).value_or(Order()));
    return orders;
}

QString TestAlertBanner::allShown() const
{
    return m_window->alerts()->shownLines().join(u'\n');
}

void TestAlertBanner::platformRejectionRaisesAnAlertThatStays()
{
    MainWindow &window = showWindow();
    AlertBanner *alerts = window.alerts();
    QVERIFY(!alerts->isVisible());
    QSignalSpy raised(&m_fixture->engine(), &OrderEngine::alert);
    QVERIFY(raised.isValid());

    overtake(QStringLiteral("the customer cancelled"));
    QCOMPARE(raised.size(), 1);
    QTRY_COMPARE(alerts->count(), 1); // raised at the end of the turn that applied it
    QVERIFY(alerts->isVisible());
    QCOMPARE(alerts->messages().constFirst(), raised.constFirst().at(1).toString());

    // Unlike a notice it does not time out.
    QTest::qWait(300);
    QVERIFY(alerts->isVisible());
    QCOMPARE(alerts->count(), 1);

    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
    QVERIFY(!alerts->isVisible());
}

void TestAlertBanner::oneKeyAcknowledgesEveryAlert()
{
    BoardOptions options;
    options.policy.feedQuietMinutes = 3;
    MainWindow &window = showWindow(options);
    AlertBanner *alerts = window.alerts();
    overtake(QStringLiteral("first"));
    overtake(QStringLiteral("second"));
    window.feeds()->heard(QStringLiteral("platform"));
    m_fixture->clock().advanceMs(4 * 60 * 1000);
    window.feeds()->check();
    // Two refusals close together are one line; the quiet feed is another.
    QTRY_COMPARE(alerts->count(), 2);
    QVERIFY2(alerts->messages().contains(
                 QStringLiteral("The platform overruled this console on 2 orders: 101, 102")),
             qPrintable(alerts->messages().join(u'|')));

    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
    QVERIFY(!alerts->isVisible());
    // C with nothing to acknowledge does nothing else: no bump, no selection jump.
    const int selected = window.board()->currentIndex().row();
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
    QCOMPARE(window.board()->currentIndex().row(), selected);
}

void TestAlertBanner::aTapAcknowledgesEveryAlert()
{
    MainWindow &window = showWindow();
    AlertBanner *alerts = window.alerts();
    overtake(QStringLiteral("first"));
    QTRY_COMPARE(alerts->count(), 1);
    alerts->addAlert(QStringLiteral("The order database was rebuilt"));
    QCOMPARE(alerts->count(), 2);
    QTRY_VERIFY(alerts->height() > 0);
    QTest::mouseClick(alerts, Qt::LeftButton, {}, alerts->rect().center());
    QCOMPARE(alerts->count(), 0);
    QVERIFY(!alerts->isVisible());
}

void TestAlertBanner::aRushOfCancelsIsOneLineOfBoundedHeight()
{
    MainWindow &window = showWindow({}, {1024, 768});
    AlertBanner *alerts = window.alerts();
    const QList<Order> orders = arriveFromPlatform(120);
    QCOMPARE(orders.size(), 120);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture->bump(orders.at(i).id).ok); // some are being made already

    overtake(QStringLiteral("another console bumped it first"));
    QTRY_COMPARE(alerts->count(), 1);
    QTRY_VERIFY(alerts->height() > 0);
    const int oneLine = alerts->height();

    QList<OrderEvent> cancels;
    for (const Order &order : orders)
        cancels.append(m_fixture->cancelledOnPlatform(order.id));
    m_fixture->fromPlatform(cancels);
    QTRY_COMPARE(alerts->count(), 2);
    const QString expected = QStringLiteral("120 orders cancelled: %1, %2, %3, %4, %5 and 115 more")
                                 .arg(orders.at(0).number, orders.at(1).number, orders.at(2).number,
                                      orders.at(3).number, orders.at(4).number);
    QCOMPARE(alerts->messages().constLast(), expected);
    QTRY_VERIFY2(allShown().contains(QStringLiteral("120 orders cancelled")),
                 qPrintable(allShown()));
    // Two lines and the hint, not a wall: the strip grew by one line, never by 120.
    QTRY_VERIFY(alerts->height() > oneLine);
    QVERIFY2(alerts->height() < 2 * oneLine, qPrintable(QString::number(alerts->height())));
    QVERIFY2(alerts->height() <= window.height() / 6,
             qPrintable(QString::number(alerts->height())));

    // The cancelled tickets stay on the board, struck through, until acknowledged.
    OrderModel *model = window.orderModel();
    QTRY_COMPARE(model->attentionCount(), 120);
    QCOMPARE(model->rowCount(), 121);
    const QModelIndex first = model->index(model->rowOf(orders.constFirst().id));
    QCOMPARE(first.data(OrderModel::AttentionRole).value<OrderAttention::Kind>(),
             OrderAttention::Kind::Cancelled);
    QCOMPARE(first.data(OrderModel::StateRole).value<OrderState>(), OrderState::Cancelled);

    // One key for all of it: the strip and the 120 tickets.
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
    QCOMPARE(model->attentionCount(), 0);
    QCOMPARE(model->rowCount(), 1);
}

void TestAlertBanner::manyAlertsNeverStack()
{
    TicketStyle style;
    AlertBanner alerts(style);
    alerts.resize(1024, 200);
    alerts.show();
    for (int i = 0; i < AlertBanner::maxRows; ++i)
        alerts.addAlert(QStringLiteral("alert %1").arg(i));
    QTRY_VERIFY(alerts.height() > 0);
    const int full = alerts.sizeHint().height();
    for (int i = AlertBanner::maxRows; i < 40; ++i)
        alerts.addAlert(QStringLiteral("alert %1").arg(i));
    QCOMPARE(alerts.count(), 40);
    QCOMPARE(alerts.sizeHint().height(), full);
    const QStringList shown = alerts.shownLines();
    QCOMPARE(shown.size(), AlertBanner::maxRows + 1);
    QVERIFY2(shown.constFirst().endsWith(QStringLiteral("alert 39")), qPrintable(shown.join(u'|')));
    QVERIFY2(shown.constLast().startsWith(QStringLiteral("+ 37 earlier alerts")),
             qPrintable(shown.constLast()));
    QVERIFY2(shown.constLast().contains(QStringLiteral("Press C")), qPrintable(shown.constLast()));
    QVERIFY(alerts.acknowledgeAll());
    QCOMPARE(alerts.count(), 0);
    QVERIFY(!alerts.acknowledgeAll());
}

void TestAlertBanner::refusalsStayTransient()
{
    MainWindow &window = showWindow();
    // Recall with nothing to recall is refused: a notice that clears itself, not an alert.
    QTest::keyClick(window.board(), Qt::Key_R);
    QVERIFY(window.notice()->hasNotice());
    QCOMPARE(window.alerts()->count(), 0);
    QTRY_VERIFY(!window.notice()->hasNotice());
}

void TestAlertBanner::detailsShowBesideASingleAlert()
{
    AlertBanner banner {TicketStyle()};
    banner.resize(1600, 200);
    banner.show();
    KitchenAlert changed;
    changed.kind = KitchenAlert::Kind::Changed;
    changed.orderId = QStringLiteral("o-1");
    changed.orderNumber = QStringLiteral("12");
    changed.title = QStringLiteral("Order 12 changed");
    changed.details = {QStringLiteral("Added 1× Fries"), QStringLiteral("Removed 1× Burger")};
    banner.addAlert(changed);
    const QString line = banner.shownLines().constFirst();
    QVERIFY2(line.contains(QStringLiteral("Order 12 changed")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("Added 1× Fries")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("Removed 1× Burger")), qPrintable(line));

    // Too long for a narrow strip: cut short on its one line, not wrapped onto more.
    banner.resize(300, 200);
    QTRY_VERIFY2(banner.shownLines().constFirst().endsWith(QStringLiteral("…")),
                 qPrintable(banner.shownLines().constFirst()));
    QVERIFY(banner.acknowledgeAll());
    QCOMPARE(banner.count(), 0);
}

void TestAlertBanner::flashBlinksAndSettles()
{
    const TicketStyle style;
    AlertBanner banner {style};
    banner.addAlert(QStringLiteral("Something to see"));
    const QColor calm = banner.palette().color(QPalette::Window);
    banner.flash();
    QVERIFY(banner.isFlashing());
    QCOMPARE(banner.palette().color(QPalette::Window), style.lateText); // first blink at once
    QTRY_VERIFY(!banner.isFlashing());
    QCOMPARE(banner.palette().color(QPalette::Window), calm);
}

void TestAlertBanner::changeInProgressIsShownItemByItem()
{
    MainWindow &window = showWindow();
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok); // accepted: work is under way

    OrderItem shake;
    shake.name = QStringLiteral("Banana shake");
    shake.station = QStringLiteral("bar");
    m_fixture->addItemOnPlatform(order, shake);

    QTRY_COMPARE(window.alerts()->count(), 1);
    QVERIFY2(allShown().contains(order.number), qPrintable(allShown()));
    QVERIFY2(allShown().contains(QStringLiteral("Banana shake")), qPrintable(allShown()));

    // The ticket itself is marked, line by line, until someone acknowledges it.
    OrderModel *model = window.orderModel();
    QTRY_COMPARE(model->attention(order.id), OrderAttention::Kind::Changed);
    const QModelIndex row = model->index(model->rowOf(order.id));
    const auto changes = row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.constFirst().kind, ItemChange::Kind::Added);
    QCOMPARE(changes.constFirst().after.name, QStringLiteral("Banana shake"));
    QVERIFY(row.data(OrderModel::ItemsRole)
                .value<QList<OrderItem>>()
                .contains(changes.constFirst().after));

    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(window.alerts()->count(), 0);
    QCOMPARE(model->attention(order.id), OrderAttention::Kind::None);
    QVERIFY(row.data(OrderModel::ItemChangesRole).value<QList<ItemChange>>().isEmpty());
    QCOMPARE(model->rowOf(order.id), 0); // still on the board: only its marks went
}

void TestAlertBanner::aCancelledTicketStaysMarkedUntilBumped()
{
    MainWindow &window = showWindow();
    const Order cancelled = m_fixture->place();
    const Order other = m_fixture->place();
    QVERIFY(m_fixture->bump(cancelled.id).ok);
    OrderModel *model = window.orderModel();
    QCOMPARE(model->rowCount(), 2);

    m_fixture->fromPlatform(
        {m_fixture->cancelledOnPlatform(cancelled.id, QStringLiteral("No show"))});
    QTRY_COMPARE(window.alerts()->count(), 1);
    QCOMPARE(m_fixture->storedState(cancelled.id), OrderState::Cancelled);
    // Not vanished: on the board, cancelled, waiting to be seen, and not counted as open.
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->attention(cancelled.id), OrderAttention::Kind::Cancelled);
    QCOMPARE(model->orderAt(model->rowOf(cancelled.id)).state, OrderState::Cancelled);
    QCOMPARE(model->orderAt(model->rowOf(cancelled.id)).lastReason, QStringLiteral("No show"));
    QCOMPARE(model->stateCounts().value(OrderState::Accepted), 0);
    m_fixture->clock().advanceMs(30 * 60 * 1000);
    window.kitchenAlerts()->checkLate();
    QCOMPARE(model->rowCount(), 2); // time alone does not take it away

    // A bump on it is the acknowledgement: it leaves, and its line in the strip with it.
    window.board()->selectRow(0);
    QTest::keyClick(window.board(), Qt::Key_Return);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowOf(cancelled.id), -1);
    QCOMPARE(window.alerts()->count(), 0);
    QVERIFY2(window.notice()->text().contains(QStringLiteral("cancel acknowledged")),
             qPrintable(window.notice()->text()));
    QCOMPARE(m_fixture->storedState(other.id), OrderState::Placed); // nothing else was bumped
}

void TestAlertBanner::aChangedTicketsFirstBumpAcknowledgesIt()
{
    MainWindow &window = showWindow();
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    QVERIFY(m_fixture->bump(order.id).ok); // preparing
    OrderItem extra;
    extra.name = QStringLiteral("Side salad");
    extra.station = QStringLiteral("cold");
    m_fixture->addItemOnPlatform(*m_fixture->engine().order(order.id), extra);
    OrderModel *model = window.orderModel();
    QTRY_COMPARE(model->attention(order.id), OrderAttention::Kind::Changed);

    window.board()->selectRow(0);
    QTest::keyClick(window.board(), Qt::Key_Return);
    QCOMPARE(model->attention(order.id), OrderAttention::Kind::None);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing); // seen, not moved on
    QCOMPARE(window.alerts()->count(), 0);
    m_fixture->keyPace(); // a second press, not a bounce
    QTest::keyClick(window.board(), Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Ready);
}

void TestAlertBanner::ownDelayRaisesNothingThePlatformsDoes()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    MainWindow &window = showWindow(); // the order is on the board already, not news
    OrderModel *model = window.orderModel();
    QSignalSpy raised(window.kitchenAlerts(), &KitchenAlerts::raised);
    QVERIFY(raised.isValid());

    // The cook's own delay: the ready time moves, nobody is alerted, the ticket is not marked.
    const qint64 promised = m_fixture->engine().order(order.id)->promisedAt;
    QVERIFY(m_fixture->engine().delay(order.id, 10, Actor::staff(QStringLiteral("cook"))).ok);
    QTRY_COMPARE(model->orderAt(0).promisedAt, promised + 10 * 60'000);
    QCoreApplication::processEvents(); // alerts are raised at the end of a turn
    QCOMPARE(raised.count(), 0);
    QCOMPARE(window.alerts()->count(), 0);
    QCOMPARE(model->attention(order.id), OrderAttention::Kind::None);

    // The same move, made on the platform: alerted and marked, with the time it had.
    m_fixture->fromPlatform({m_fixture->etaMovedOnPlatform(order.id, promised + 20 * 60'000)});
    QTRY_COMPARE(window.alerts()->count(), 1);
    QCOMPARE(raised.count(), 1);
    QCOMPARE(raised.constFirst().constFirst().value<KitchenAlert>().kind,
             KitchenAlert::Kind::Changed);
    QTRY_COMPARE(model->attention(order.id), OrderAttention::Kind::Changed);
    QCOMPARE(model->index(0).data(OrderModel::PromiseMovedFromRole).toLongLong(),
             promised + 10 * 60'000);
}

void TestAlertBanner::newOrderIsAnnouncedAndFlashesWhenMuted()
{
    BoardOptions options;
    options.soundMuted = true;
    MainWindow &window = showWindow(options);
    QVERIFY(window.sound()->isMuted());
    QSignalSpy fallback(window.sound(), &AlertSound::visualFallback);
    QVERIFY(fallback.isValid());
    const Order order = m_fixture->place();
    QTRY_VERIFY(window.notice()->hasNotice());
    QVERIFY(window.notice()->text().contains(order.number));
    QCOMPARE(fallback.size(), 1);
    QCOMPARE(window.alerts()->count(), 0); // a new order needs no acknowledgement
}

void TestAlertBanner::newOrdersWithinAMinuteShareOneNotice()
{
    BoardOptions options;
    options.soundMuted = true;
    MainWindow &window = showWindow(options);
    window.notice()->setTimeoutMs(60'000);
    const Order first = m_fixture->place();
    QTRY_COMPARE(window.notice()->text(), QStringLiteral("New order %1").arg(first.number));

    // Two more in the next burst, 20 s on: the notice counts all three, not only the last two.
    m_fixture->clock().advanceMs(20'000);
    const QList<Order> burst = arriveFromPlatform(2);
    QCOMPARE(burst.size(), 2);
    QTRY_COMPARE(window.notice()->text(),
                 QStringLiteral("3 new orders: %1, %2, %3")
                     .arg(first.number, burst.at(0).number, burst.at(1).number));

    // A cook acknowledges: the count starts afresh.
    QTest::keyClick(window.board(), Qt::Key_C);
    const Order next = m_fixture->place();
    QTRY_COMPARE(window.notice()->text(), QStringLiteral("New order %1").arg(next.number));

    // Past the minute, a new order is news on its own again.
    m_fixture->clock().advanceMs(61'000);
    const Order later = m_fixture->place();
    QTRY_COMPARE(window.notice()->text(), QStringLiteral("New order %1").arg(later.number));
    QCOMPARE(window.alerts()->count(), 0); // none of them waits for acknowledgement
}

void TestAlertBanner::quietFeedAlarmsThenClearsItselfWhenItSpeaks()
{
    BoardOptions options;
    options.policy.feedQuietMinutes = 3;
    options.policy.expectedFeeds = {QStringLiteral("platform"), QStringLiteral("pos:square")};
    options.noticeTimeoutMs = 60'000;
    MainWindow &window = showWindow(options);
    window.notice()->setTimeoutMs(60'000);
    FeedStatusView *chips = window.header()->feedStatus();
    window.feeds()->heard(QStringLiteral("platform"));
    window.feeds()->heard(QStringLiteral("pos:square"));
    QTRY_COMPARE(chips->chipTexts().size(), 2);
    QVERIFY(!chips->isAlarmShown(QStringLiteral("pos:square")));

    m_fixture->clock().advanceMs(2 * 60 * 1000);
    window.feeds()->heard(QStringLiteral("platform")); // the platform keeps talking
    m_fixture->clock().advanceMs(2 * 60 * 1000);
    window.feeds()->check();
    QTRY_VERIFY(chips->isAlarmShown(QStringLiteral("pos:square")));
    QVERIFY(!chips->isAlarmShown(QStringLiteral("platform")));
    QVERIFY2(chips->chipTexts().join(u'|').contains(QStringLiteral("Square QUIET")),
             qPrintable(chips->chipTexts().join(u'|')));
    QTRY_COMPARE(window.alerts()->count(), 1);
    QVERIFY2(window.alerts()->messages().constFirst().startsWith(QStringLiteral("Square ")),
             qPrintable(window.alerts()->messages().constFirst()));

    // It speaks again: the alarm goes by itself, and the board says so without asking anyone.
    window.feeds()->heard(QStringLiteral("pos:square"));
    QCOMPARE(window.alerts()->count(), 0);
    QVERIFY(!window.alerts()->isVisible());
    QVERIFY(!chips->isAlarmShown(QStringLiteral("pos:square")));
    QTRY_COMPARE(window.notice()->text(), QStringLiteral("Square back online"));
}

void TestAlertBanner::alertAreaScreenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestAlertBanner::alertAreaScreenshots()
{
    QFETCH(QSize, size);
    BoardOptions options;
    options.policy.feedQuietMinutes = 3;
    MainWindow &window = showWindow(options, size);
    const QList<Order> orders = arriveFromPlatform(24);
    QCOMPARE(orders.size(), 24);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_fixture->bump(orders.at(i).id).ok);
    // A change in progress, a rush of cancels and a quiet platform: three lines, one strip.
    OrderItem shake;
    shake.name = QStringLiteral("Banana shake");
    shake.station = QStringLiteral("bar");
    m_fixture->addItemOnPlatform(*m_fixture->engine().order(orders.at(0).id), shake);
    QTRY_COMPARE(window.alerts()->count(), 1);
    QList<OrderEvent> cancels;
    for (int i = 10; i < 24; ++i)
        cancels.append(m_fixture->cancelledOnPlatform(orders.at(i).id));
    m_fixture->fromPlatform(cancels);
    QTRY_COMPARE(window.alerts()->count(), 2);
    window.feeds()->heard(QStringLiteral("platform"));
    m_fixture->clock().advanceMs(4 * 60 * 1000);
    window.feeds()->check();
    QTRY_COMPARE(window.alerts()->count(), 3);
    QTRY_COMPARE(window.orderModel()->attentionCount(), 15);

    AlertBanner *alerts = window.alerts();
    QTRY_VERIFY(alerts->isVisible() && alerts->height() > 0);
    QTRY_VERIFY(!alerts->isFlashing()); // the shot shows the strip at rest
    const QRect inWindow(alerts->mapTo(&window, QPoint(0, 0)), alerts->size());
    QVERIFY(window.rect().contains(inWindow));
    QVERIFY2(alerts->height() <= size.height() / 5, qPrintable(QString::number(alerts->height())));
    QVERIFY2(allShown().contains(QStringLiteral("14 orders cancelled")), qPrintable(allShown()));
    const QString suffix = QStringLiteral("-%1x%2").arg(size.width()).arg(size.height());
    QVERIFY(!saveScreenshot(*alerts, QStringLiteral("alert-area") + suffix).isEmpty());
    QVERIFY(!saveScreenshot(window, QStringLiteral("board-with-alerts") + suffix).isEmpty());
}

QTEST_MAIN(TestAlertBanner)
#include "tst_alertbanner.moc"
