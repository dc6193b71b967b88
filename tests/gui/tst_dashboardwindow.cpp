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
#include "screenshots.h"
#include "pdfpages.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QLegend>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
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
    void fitsFromSmallToLargeScreens_data();
    void fitsFromSmallToLargeScreens();
    void exportWritesThePeriodShown();
    void theExportButtonAsksForAFolder();

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

void TestDashboardWindow::exportWritesThePeriodShown()
{
    QVERIFY(done(m_bed->engine().placeOrder(newOrder(QStringLiteral("80"), start),
                                            Actor::pos(QStringLiteral("square")))));
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("1"));
    m_window->setExport(m_bed->session().config().storePath, QStringLiteral("store-1"));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QSignalSpy exported(m_window.get(), &DashboardWindow::exported);
    QVERIFY(exported.isValid());
    m_window->exportTo(folder.path());
    QVERIFY(exported.wait());
    QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
    QVERIFY(exported.first().at(1).toString().contains(QDir::toNativeSeparators(folder.path())));

    // Today, 2026-12-02 in UTC: the three CSVs and the summary, one page.
    const QString prefix = QStringLiteral("kitchen-report-2026-12-02-");
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files, QDir::Name),
             QStringList({prefix + QStringLiteral("figures.csv"),
                          prefix + QStringLiteral("items.csv"),
                          prefix + QStringLiteral("orders.csv"),
                          prefix + QStringLiteral("summary.pdf")}));
    QFile orders(QDir(folder.path()).filePath(prefix + QStringLiteral("orders.csv")));
    QVERIFY(orders.open(QIODevice::ReadOnly));
    QVERIFY(orders.readAll().contains("80"));
    QFile pdf(QDir(folder.path()).filePath(prefix + QStringLiteral("summary.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(pdfPageCount(bytes), 1);

    // Yesterday's files are named by yesterday.
    m_window->setPeriod(DashboardWindow::Period::Yesterday);
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("0"));
    m_window->exportTo(folder.path());
    QVERIFY(exported.wait());
    QVERIFY(exported.last().at(0).toBool());
    QVERIFY(QFile::exists(
            QDir(folder.path()).filePath(QStringLiteral("kitchen-report-2026-12-01-summary.pdf"))));
}

void TestDashboardWindow::theExportButtonAsksForAFolder()
{
    QPushButton *exportButton = nullptr;
    for (QPushButton *button : m_window->findChildren<QPushButton *>())
        if (button->text().contains(QStringLiteral("Export")))
            exportButton = button;
    QVERIFY(exportButton);
    QVERIFY(!exportButton->isEnabled()); // no store to read yet
    QVERIFY(exportButton->height() >= 44);
    m_window->setExport(m_bed->session().config().storePath, QStringLiteral("store-1"));
    QVERIFY(exportButton->isEnabled());

    // A folder under a file cannot be made: the status line says so, and nothing is written.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    int asked = 0;
    m_window->setExportFolderChooser([&asked, &blocker]() -> QString {
        ++asked;
        return blocker.fileName() + QStringLiteral("/reports");
    });
    QSignalSpy exported(m_window.get(), &DashboardWindow::exported);
    QVERIFY(exported.isValid());
    exportButton->click();
    QCOMPARE(asked, 1);
    QVERIFY(!exportButton->isEnabled()); // one export at a time
    QVERIFY(exported.wait());
    QVERIFY(!exported.first().at(0).toBool());
    QVERIFY(exported.first().at(1).toString().startsWith(QStringLiteral("Nothing exported")));
    QVERIFY(exportButton->isEnabled());

    // Cancelling the dialog exports nothing.
    m_window->setExportFolderChooser([&asked] {
        ++asked;
        return QString();
    });
    exportButton->click();
    QCOMPARE(asked, 2);
    QVERIFY(exportButton->isEnabled());
    QCOMPARE(exported.count(), 1);
}

void TestDashboardWindow::fitsFromSmallToLargeScreens_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestDashboardWindow::fitsFromSmallToLargeScreens()
{
    QFETCH(QSize, size);
    // A lunch hour: some orders done, one stuck, one rejected, so every tile has something to say.
    OrderEngine &engine = m_bed->engine();
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    for (int i = 0; i < 6; ++i) {
        const QString id = QString::number(100 + i);
        QVERIFY(done(engine.placeOrder(newOrder(id, m_bed->clock().nowMs()),
                                       Actor::pos(QStringLiteral("square")))));
        if (i == 5) {
            QVERIFY(done(engine.reject(id, cook, QStringLiteral("Too busy"))));
            continue;
        }
        m_bed->clock().advanceMs(minute);
        QVERIFY(done(engine.transition(id, OrderState::Accepted, cook,
                                       {{}, m_bed->clock().nowMs() + 12 * minute, 12})));
        if (i == 4)
            continue; // left accepted: stuck
        QVERIFY(done(engine.transition(id, OrderState::Preparing, cook)));
        m_bed->clock().advanceMs((4 + 2 * i) * minute);
        QVERIFY(done(engine.transition(id, OrderState::Ready, cook)));
        m_bed->clock().advanceMs(minute);
        QVERIFY(done(engine.transition(id, OrderState::PickedUp, cook)));
    }
    m_bed->clock().advanceMs(12 * minute);
    m_window->resize(size);
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Orders), QStringLiteral("6"));
    QTRY_COMPARE(tileValue(*m_window, OverviewPage::Tile::Stuck), QStringLiteral("1"));
    QCOMPARE(m_window->size(), size);
    // The charts lay out their axes and legends on the scene's next turn.
    for (DashboardCharts::Kind kind : DashboardCharts::all()) {
        const QChart *chart = m_window->overview().chart(kind);
        QTRY_VERIFY(chart->legend()->geometry().height() > 0);
    }
    QVERIFY(m_window->minimumSizeHint().width() <= size.width());
    QVERIFY(m_window->minimumSizeHint().height() <= size.height());
    QVERIFY(!saveScreenshot(*m_window, QStringLiteral("dashboard-%1x%2")
                                               .arg(size.width())
                                               .arg(size.height()))
                     .isEmpty());
}

QTEST_MAIN(TestDashboardWindow)
#include "tst_dashboardwindow.moc"
