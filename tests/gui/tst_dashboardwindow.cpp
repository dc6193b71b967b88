// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The manager's window over a real console (store on disk, engine, metrics thread): it follows
// what happens on the board without a refresh, lists what is stuck with a jump to the ticket, and
// shows each link's health in words.
#include "../channels/fakechannel.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/figuretile.h"
#include "dashboard/overviewpage.h"
#include "dashboard/synchealthmodel.h"
#include "dashboard/synchealthpanel.h"
#include "dashboard/watchlistmodel.h"
#include "enginetestbed.h"
#include "metrics/metricsservice.h"
#include "ordertestsupport.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {
constexpr qint64 start = 1'796'205'600'000; // 2026-12-02 10:00 UTC
constexpr qint64 minute = 60 * 1000;

EngineConfig console()
{
    EngineConfig config;
    config.storeId = QStringLiteral("store-1");
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {};
    config.writeIncomingOnOwnThread = false;
    return config;
}

Order newOrder(const QString &id, qint64 placedAt)
{
    Order order = OrderFixtures::order(OrderState::Placed);
    order.id = id;
    order.storeId = QStringLiteral("store-1");
    order.number = id;
    order.placedAt = placedAt;
    return order;
}

bool done(const CommandResult &result)
{
    if (!result.ok)
        qWarning() << result.message;
    return result.ok;
}

QString tileValue(const DashboardWindow &window, OverviewPage::Tile tile)
{
    return window.overview().tile(tile)->value();
}
} // namespace

class TestDashboardWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void followsTheBoardWithoutARefresh();
    void aStuckOrderIsListedWithAJumpToItsTicket();
    void anotherPeriodShowsOtherOrders();
    void syncHealthSaysWhatIsWrong();

private:
    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<DashboardWindow> m_window;
};

void TestDashboardWindow::init()
{
    m_bed = std::make_unique<EngineTestbed>(start, console());
    QVERIFY(m_bed->open());
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    m_bed->session().metrics().setSettings(settings);
    m_bed->session().metrics().setTickMs(20);
    m_window = std::make_unique<DashboardWindow>(m_bed->session().metrics(), m_bed->clock());
    m_window->resize(1024, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDashboardWindow::cleanup()
{
    m_window.reset();
    m_bed.reset();
}

void TestDashboardWindow::followsTheBoardWithoutARefresh()
{
    QAbstractItemModelTester tester(&m_window->watchList());
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("0"));
    OrderEngine &engine = m_bed->engine();
    QVERIFY(done(engine.placeOrder(newOrder(QStringLiteral("41"), start), Actor::pos(QStringLiteral("square")))));
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("1"));

    const Actor cook = Actor::staff(QStringLiteral("ana"));
    m_bed->clock().advanceMs(minute);
    QVERIFY(done(engine.transition(QStringLiteral("41"), OrderState::Accepted, cook,
                                   {{}, start + 15 * minute, 15})));
    m_bed->clock().advanceMs(minute);
    QVERIFY(done(engine.transition(QStringLiteral("41"), OrderState::Preparing, cook)));
    m_bed->clock().advanceMs(7 * minute);
    QVERIFY(done(engine.transition(QStringLiteral("41"), OrderState::Ready, cook)));
    // Nine minutes from placed to ready: past the 8-minute amber age.
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::SpeedOfService), QStringLiteral("09:00"));
    QCOMPARE(m_window->overview().tile(OverviewPage::Tile::SpeedOfService)->tone(),
             FigureTile::Tone::Attention);
    const QChart *flow = m_window->overview().chart(DashboardCharts::Kind::Flow);
    QVERIFY(flow);
    QCOMPARE(flow->series().size(), 1);
    QVERIFY(m_window->statusText().startsWith(QStringLiteral("Updated")));
}

void TestDashboardWindow::aStuckOrderIsListedWithAJumpToItsTicket()
{
    QVERIFY(done(m_bed->engine().placeOrder(newOrder(QStringLiteral("52"), start),
                                       Actor::pos(QStringLiteral("square")))));
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("1"));
    QCOMPARE(m_window->watchList().rowCount(), 0);
    m_bed->clock().advanceMs(6 * minute); // new and never accepted: stuck after 5 minutes
    QTRY_COMPARE(m_window->watchList().rowCount(), 1);
    QCOMPARE(tileValue(*m_window, OverviewPage::Tile::Stuck), QStringLiteral("1"));
    QVERIFY(m_window->watchList().index(0, WatchListModel::WhyColumn).data().toString()
                    .contains(QStringLiteral("Stuck")));

    QSignalSpy requested(m_window.get(), &DashboardWindow::orderRequested);
    QVERIFY(requested.isValid());
    auto *view = m_window->findChild<QTableView *>();
    QVERIFY(view);
    view->selectRow(0);
    QPushButton *show = nullptr;
    for (QPushButton *button : m_window->findChildren<QPushButton *>())
        if (button->text().contains(QStringLiteral("ticket")))
            show = button;
    QVERIFY(show);
    show->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("52"));
}

void TestDashboardWindow::anotherPeriodShowsOtherOrders()
{
    QVERIFY(done(m_bed->engine().placeOrder(newOrder(QStringLiteral("60"), start),
                                       Actor::pos(QStringLiteral("square")))));
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("1"));
    m_window->setPeriod(DashboardWindow::Period::Yesterday);
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("0"));
    m_window->setPeriod(DashboardWindow::Period::LastSevenDays);
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("1"));
}

void TestDashboardWindow::syncHealthSaysWhatIsWrong()
{
    FakeChannel channel(QStringLiteral("pos:square"), &m_bed->clock());
    channel.setState(OrderChannel::State::Offline);
    m_bed->engine().channels().add(channel);
    SyncHealthPanel panel(m_bed->engine().channels(), m_bed->session().uptime(), m_bed->clock());
    QAbstractItemModelTester tester(&panel.model());
    QCOMPARE(panel.model().rowCount(), 1);
    QCOMPARE(panel.model().rows().first().level, SyncHealth::Level::Amber);

    QVERIFY(done(m_bed->engine().placeOrder(newOrder(QStringLiteral("70"), start),
                                       Actor::pos(QStringLiteral("square")))));
    // The acceptance is owed to the POS, which is down.
    QVERIFY(done(m_bed->engine().transition(QStringLiteral("70"), OrderState::Accepted,
                                       Actor::staff(QStringLiteral("ana")),
                                       {{}, start + 15 * minute, 15})));
    m_bed->clock().advanceMs(6 * minute);
    panel.refresh();
    QCOMPARE(panel.model().rows().first().level, SyncHealth::Level::Red);
    QVERIFY(panel.model().rows().first().reason.contains(QStringLiteral("Not connected")));

    channel.setState(OrderChannel::State::Live);
    QTRY_COMPARE(panel.model().rows().first().level, SyncHealth::Level::Green);
}

QTEST_MAIN(TestDashboardWindow)
#include "tst_dashboardwindow.moc"
