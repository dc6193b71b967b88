// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alertbanner.h"
#include "board/alertsound.h"
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/feedstatusview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ticketstyle.h"
#include "engine/feedmonitor.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// Alerts from the engine (the platform overtook this console) stay on the board until someone
// acknowledges them with A or a tap, stack when several arrive, and leave refusals alone.
class TestAlertBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void platformRejectionRaisesAnAlertThatStays();
    void alertsStackAndAreAcknowledgedOneAtATime();
    void aTapAcknowledgesTheTappedAlert();
    void manyAlertsAreCounted();
    void refusalsStayTransient();
    void detailsShowUnderTheirAlert();
    void flashBlinksAndSettles();
    void changeInProgressIsShownItemByItem();
    void newOrderIsAnnouncedAndFlashesWhenMuted();
    void quietFeedTurnsItsChipRedAndRaisesAnAlert();
    void windowWithAlertsGrabs();

private:
    MainWindow &showWindow(BoardOptions options = {});
    // Bumps a fresh order here and has the platform refuse that bump: the engine alerts.
    void overtake(const QString &reason);

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

MainWindow &TestAlertBanner::showWindow(BoardOptions options)
{
    options.noticeTimeoutMs = 100;
    m_window = std::make_unique<MainWindow>(m_fixture->session(), options);
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

void TestAlertBanner::overtake(const QString &reason)
{
    const Order order = m_fixture->place();
    const CommandResult bumped = m_fixture->bump(order.id);
    QVERIFY(bumped.ok);
    m_fixture->engine().rejectByPlatform(bumped.event.id, reason);
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

void TestAlertBanner::alertsStackAndAreAcknowledgedOneAtATime()
{
    MainWindow &window = showWindow();
    AlertBanner *alerts = window.alerts();
    overtake(QStringLiteral("first"));
    overtake(QStringLiteral("second"));
    QTRY_COMPARE(alerts->count(), 2);
    const QString second = alerts->messages().at(1);

    QSignalSpy acknowledged(alerts, &AlertBanner::acknowledged);
    QVERIFY(acknowledged.isValid());
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 1);
    QCOMPARE(alerts->messages(), QStringList {second});
    QVERIFY(alerts->isVisible());
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
    QCOMPARE(acknowledged.size(), 2);
    // A with nothing to acknowledge does nothing else: no bump, no selection jump.
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(alerts->count(), 0);
}

void TestAlertBanner::aTapAcknowledgesTheTappedAlert()
{
    MainWindow &window = showWindow();
    AlertBanner *alerts = window.alerts();
    overtake(QStringLiteral("first"));
    overtake(QStringLiteral("second"));
    QTRY_COMPARE(alerts->count(), 2);
    const QString first = alerts->messages().at(0);
    QTRY_VERIFY(alerts->height() > 0);
    // The second row sits below the first: tap near the bottom of the rows.
    QLabel *secondRow = nullptr;
    for (QLabel *label : alerts->findChildren<QLabel *>()) {
        if (label->text().endsWith(alerts->messages().at(1)))
            secondRow = label;
    }
    QVERIFY(secondRow);
    QTest::mouseClick(alerts, Qt::LeftButton, {}, secondRow->geometry().center());
    QCOMPARE(alerts->messages(), QStringList {first});
}

void TestAlertBanner::manyAlertsAreCounted()
{
    TicketStyle style;
    AlertBanner alerts(style);
    for (int i = 0; i < AlertBanner::maxShown + 2; ++i)
        alerts.addAlert(QStringLiteral("order-%1").arg(i), QStringLiteral("alert %1").arg(i));
    QCOMPARE(alerts.count(), AlertBanner::maxShown + 2);
    bool counted = false;
    for (const QLabel *label : alerts.findChildren<QLabel *>())
        counted = counted || label->text() == QStringLiteral("+ 2 more");
    QVERIFY(counted);
    QVERIFY(alerts.acknowledgeOldest());
    QCOMPARE(alerts.messages().constFirst(), QStringLiteral("alert 1"));
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

void TestAlertBanner::windowWithAlertsGrabs()
{
    MainWindow &window = showWindow();
    overtake(QStringLiteral("the customer cancelled"));
    overtake(QStringLiteral("another console already bumped it"));
    QVERIFY(!window.grab().isNull());
}

void TestAlertBanner::detailsShowUnderTheirAlert()
{
    AlertBanner banner{TicketStyle()};
    banner.addAlert(QStringLiteral("o-1"), QStringLiteral("Order 12 changed"),
                    {QStringLiteral("+ 1× Fries"), QStringLiteral("− Burger")});
    const QList<QLabel *> labels = banner.findChildren<QLabel *>();
    bool shown = false;
    for (const QLabel *label : labels) {
        if (label->text().contains(QStringLiteral("Order 12 changed"))) {
            QVERIFY(label->text().contains(QStringLiteral("+ 1× Fries")));
            QVERIFY(label->text().contains(QStringLiteral("− Burger")));
            shown = true;
        }
    }
    QVERIFY(shown);
    QVERIFY(banner.acknowledgeOldest());
    QCOMPARE(banner.count(), 0);
}

void TestAlertBanner::flashBlinksAndSettles()
{
    const TicketStyle style;
    AlertBanner banner{style};
    banner.addAlert(QStringLiteral("o-1"), QStringLiteral("New order 12"));
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
    QString shown;
    for (const QLabel *label : window.alerts()->findChildren<QLabel *>())
        shown += label->text() + u'\n';
    QVERIFY2(shown.contains(order.number), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Banana shake")), qPrintable(shown));
    QTest::keyClick(window.board(), Qt::Key_C);
    QCOMPARE(window.alerts()->count(), 0);
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

void TestAlertBanner::quietFeedTurnsItsChipRedAndRaisesAnAlert()
{
    BoardOptions options;
    options.policy.feedQuietMinutes = 3;
    options.policy.expectedFeeds = {QStringLiteral("platform"), QStringLiteral("pos:square")};
    MainWindow &window = showWindow(options);
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
}

QTEST_MAIN(TestAlertBanner)
#include "tst_alertbanner.moc"
