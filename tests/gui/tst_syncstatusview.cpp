// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/mainwindow.h"
#include "board/syncstatusview.h"
#include "board/ticketstyle.h"
#include "faultydisk.h"
#include "guitestsupport.h"
#include "loopbackhub.h"
#include "screenshots.h"

#include "session/platformconnection.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest/QTest>

#include <memory>

// The link's health in the board header, read off a real SyncClient: against a closed loopback
// port (offline), and against a real hub in this process (online, then the hub goes away).
class TestSyncStatusView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void localOnlyWithoutALink();
    void offlineCountsWaitingChangesAndTheirAge();
    void onlineThenOfflineWhenTheHubGoes();
    void duration_data();
    void duration();
    void windowWithTheStatusGrabs();
    void aStoreThatCannotSaveIsSaidFirst_data();
    void aStoreThatCannotSaveIsSaidFirst();

private:
    static quint16 closedPort();
    void connectTo(quint16 port, const QByteArray &credential = {});
    /** The whole board of three new orders at size, its link trying a closed port; or null. */
    std::unique_ptr<MainWindow> offlineBoard(const QSize &size);

    std::unique_ptr<BoardFixture> m_fixture;
    SystemClock m_hubClock;
    std::unique_ptr<LoopbackHub> m_bed;
    PlatformLink *m_link = nullptr; // the session's
    SyncClient *m_client = nullptr;
    TicketStyle m_style;
    std::unique_ptr<SyncStatusView> m_view;
};

void TestSyncStatusView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(FaultyDisk::install());
}

void TestSyncStatusView::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_view = std::make_unique<SyncStatusView>(m_style, m_fixture->clock());
}

void TestSyncStatusView::cleanup()
{
    FaultyDisk::heal();
    m_view.reset();
    m_client = nullptr;
    m_link = nullptr;
    m_bed.reset();
    m_fixture.reset();
}

quint16 TestSyncStatusView::closedPort()
{
    // A port the OS just handed out and nobody listens on any more: connections are refused.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

void TestSyncStatusView::connectTo(quint16 port, const QByteArray &credential)
{
    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    config.backoffBaseMs = 100;
    config.backoffCapMs = 500;
    config.firstReconnectJitterMs = 200;
    PlatformConnection &platform = m_fixture->session().connectPlatform(config);
    platform.link().setCredential(credential);
    m_link = &platform.link();
    m_client = &platform.client();
    m_view->setSource(m_client, m_link);
}

std::unique_ptr<MainWindow> TestSyncStatusView::offlineBoard(const QSize &size)
{
    for (int i = 0; i < 3; ++i)
        m_fixture->place();
    const quint16 port = closedPort();
    if (port == 0)
        return nullptr;
    connectTo(port);
    auto window = std::make_unique<MainWindow>(m_fixture->session());
    window->setSync(m_client, m_link);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !m_client->start())
        return nullptr;
    return window;
}

void TestSyncStatusView::localOnlyWithoutALink()
{
    QCOMPARE(m_view->stateText(), QStringLiteral("Local only"));
    QCOMPARE(m_view->detailText(), QStringLiteral("No platform link"));
    m_view->setProblem(QStringLiteral("No credential for console c of store s"));
    QCOMPARE(m_view->problemText(), QStringLiteral("No credential for console c of store s"));
}

void TestSyncStatusView::offlineCountsWaitingChangesAndTheirAge()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    connectTo(port);
    QVERIFY(m_client->start());
    QTRY_COMPARE(m_view->stateText(), QStringLiteral("OFFLINE"));
    QVERIFY(m_view->detailText().contains(QStringLiteral("All changes sent")));
    QVERIFY(m_view->detailText().contains(QStringLiteral("Platform silent for")));

    // The kitchen keeps working: each change waits in the outbox, and the board says so.
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    const int pending = m_client->health().pending;
    QVERIFY(pending >= 1);
    const QString waiting = pending == 1 ? QStringLiteral("1 change waiting")
                                         : QStringLiteral("%1 changes waiting").arg(pending);
    QTRY_VERIFY2(m_view->detailText().contains(waiting), qPrintable(m_view->detailText()));
    QVERIFY(m_view->detailText().contains(QStringLiteral("oldest 0:00")));

    m_fixture->clock().advanceMs(134'000);
    QTRY_VERIFY2(m_view->detailText().contains(QStringLiteral("oldest 2:14")),
                 qPrintable(m_view->detailText()));
    QVERIFY(m_view->stateText() == QStringLiteral("OFFLINE")
            || m_view->stateText() == QStringLiteral("Connecting…"));
}

void TestSyncStatusView::onlineThenOfflineWhenTheHubGoes()
{
    m_bed = std::make_unique<LoopbackHub>(m_hubClock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->addConsole(QStringLiteral("store-1"), QStringLiteral("test-console"),
                              "test-secret"));
    QVERIFY(m_bed->listen());
    connectTo(m_bed->port(), "test-secret");
    QVERIFY(m_client->start());
    QTRY_COMPARE(m_view->stateText(), QStringLiteral("Online"));
    QCOMPARE(m_view->detailText(), QStringLiteral("All changes sent"));

    // An order from the platform, bumped here: sent, acknowledged, nothing waits.
    OrderGenerator generator(QStringLiteral("store-1"), 3);
    const Order order = generator.next(m_hubClock.nowMs());
    QVERIFY(m_bed->hub()
                .submit(OrderEvent::placed(order, Actor::platform(), QStringLiteral("test"),
                                           m_hubClock.nowMs()))
                .acked());
    QTRY_VERIFY(m_fixture->engine().order(order.id).has_value());
    QVERIFY(m_fixture->bump(order.id).ok);
    QTRY_COMPARE(m_client->health().pending, 0);
    QTRY_COMPARE(m_view->detailText(), QStringLiteral("All changes sent"));

    // The platform goes away; the next bump waits, and the header shows it.
    m_bed->stopListening();
    QTRY_COMPARE(m_view->stateText(), QStringLiteral("OFFLINE"));
    QVERIFY(m_fixture->bump(order.id).ok);
    QTRY_VERIFY2(m_view->detailText().contains(QStringLiteral("1 change waiting")),
                 qPrintable(m_view->detailText()));
}

void TestSyncStatusView::duration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("negative") << qint64(-5000) << QStringLiteral("0:00");
    QTest::newRow("seconds") << qint64(9'999) << QStringLiteral("0:09");
    QTest::newRow("minutes") << qint64(134'000) << QStringLiteral("2:14");
    QTest::newRow("hours") << qint64(3'723'000) << QStringLiteral("1:02:03");
}

void TestSyncStatusView::duration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(SyncStatusView::duration(ms), text);
}

void TestSyncStatusView::windowWithTheStatusGrabs()
{
    // The whole board while offline with changes waiting and an alert up: saved for people to
    // look at, and it must at least render.
    std::unique_ptr<MainWindow> shown = offlineBoard(QSize(1600, 900));
    QVERIFY(shown);
    MainWindow &window = *shown;
    const Order order = m_fixture->engine().openOrders().constFirst();
    const CommandResult bumped = m_fixture->bump(order.id);
    QVERIFY(bumped.ok);
    m_fixture->engine().rejectByPlatform(bumped.event.id,
                                         QStringLiteral("the customer cancelled the order"));
    m_fixture->clock().advanceMs(134'000);
    QTRY_COMPARE(window.syncStatus()->stateText(), QStringLiteral("OFFLINE"));
    const std::optional<qint64> oldest = m_client->health().oldestPendingAt;
    QVERIFY(oldest);
    const QString age = SyncStatusView::duration(m_fixture->clock().nowMs() - *oldest);
    QTRY_VERIFY(window.syncStatus()->detailText().contains(QStringLiteral("oldest ") + age));
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    const QString path = QDir::temp().filePath(QStringLiteral("kc-board-offline.png"));
    if (shot.save(path))
        qInfo("offline board: %s", qUtf8Printable(path));
}

void TestSyncStatusView::aStoreThatCannotSaveIsSaidFirst_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestSyncStatusView::aStoreThatCannotSaveIsSaidFirst()
{
    // The disk fills while the link is down: the header leads with what matters more (nothing
    // staff do is being kept), in words, and goes back to the link's state once a save works.
    QFETCH(QSize, size);
    std::unique_ptr<MainWindow> shown = offlineBoard(size);
    QVERIFY(shown);
    MainWindow &window = *shown;
    QTRY_COMPARE(window.syncStatus()->stateText(), QStringLiteral("OFFLINE"));

    const QString folder = QFileInfo(m_fixture->store().path()).absolutePath();
    FaultyDisk::fail(folder, FaultyDisk::Fault::Full);
    const Order order = m_fixture->engine().openOrders().constFirst();
    QVERIFY(!m_fixture->bump(order.id).ok);
    QCOMPARE(window.syncStatus()->stateText(), QStringLiteral("NOT SAVING"));
    QVERIFY2(window.syncStatus()->problemText().contains(
                     StoreFaults::forStaff(StoreFault::DiskFull)),
             qPrintable(window.syncStatus()->problemText()));
    QCoreApplication::processEvents(); // the header's new layout, as the next frame shows it
    QVERIFY(!saveScreenshot(window, QStringLiteral("board-not-saving-%1x%2")
                                            .arg(size.width())
                                            .arg(size.height()))
                     .isEmpty());

    FaultyDisk::heal();
    QVERIFY(m_fixture->bump(order.id).ok);
    QTRY_COMPARE(window.syncStatus()->stateText(), QStringLiteral("OFFLINE"));
    QCOMPARE(window.syncStatus()->problemText(), QString());
}

QTEST_MAIN(TestSyncStatusView)
#include "tst_syncstatusview.moc"
