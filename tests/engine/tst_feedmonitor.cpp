// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "engine/feedmonitor.h"
#include "engine/orderengine.h"
#include "store/store.h"
#include "sync/platformchannel.h"
#include "sync/platformlink.h"
#include "protocol/protocolcodec.h"

#include <QDateTime>
#include <QHostAddress>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {
constexpr qint64 minute = 60 * 1000;
const QString platform = QStringLiteral("platform");
const QString square = QStringLiteral("pos:square");
const QString clover = QStringLiteral("pos:clover");

// Local wall-clock times, so the opening-hours cases hold in any time zone.
qint64 localMs(int day, int hour, int min = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, min), Qt::LocalTime).toMSecsSinceEpoch();
}
} // namespace

class TestFeedMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aFeedAlarmsOnlyAfterTheQuietLimit();
    void anExpectedFeedNeverHeardIsQuietSinceStart();
    void feedsListExpectedFirstThenHeard();
    void alarmsOnlyWhileOpen_data();
    void alarmsOnlyWhileOpen();
    void closingSilencesAndOpeningGivesGrace();
    void theTimerChecksByItself();
    void hearsTheEnginesIncomingButNotLocalCommands();
    void hearsEveryFrameOfThePlatformLink();
};

void TestFeedMonitor::aFeedAlarmsOnlyAfterTheQuietLimit()
{
    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    QCOMPARE(monitor.quietLimitMs(), FeedMonitor::defaultQuietLimitMs);
    monitor.setQuietLimitMs(10 * minute);
    QSignalSpy alarms(&monitor, &FeedMonitor::alarmChanged);
    QVERIFY(alarms.isValid());
    monitor.heard(square);
    QCOMPARE(monitor.feed(square)->lastHeardAt, StoreTest::t0);

    clock.advanceMs(10 * minute);
    monitor.check();
    QCOMPARE(alarms.count(), 0);
    QCOMPARE(monitor.feed(square)->quietForMs, 10 * minute);
    clock.advanceMs(1);
    monitor.check();
    QCOMPARE(alarms.count(), 1);
    QCOMPARE(alarms.at(0), QVariantList({square, true}));
    QVERIFY(monitor.isAlarming(square));
    QVERIFY(monitor.feed(square)->alarm);
    monitor.check();
    QCOMPARE(alarms.count(), 1); // an alarm is announced once

    // A heartbeat is as good as an order: the feed is alive again at once.
    monitor.heard(square);
    QCOMPARE(alarms.count(), 2);
    QCOMPARE(alarms.at(1), QVariantList({square, false}));
    QCOMPARE(monitor.feed(square)->quietForMs, 0);
}

void TestFeedMonitor::anExpectedFeedNeverHeardIsQuietSinceStart()
{
    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    monitor.setQuietLimitMs(5 * minute);
    monitor.setExpectedSources({platform, square});
    clock.advanceMs(3 * minute);
    monitor.heard(platform);
    clock.advanceMs(3 * minute);
    monitor.check();
    QVERIFY(monitor.isAlarming(square));
    QVERIFY(!monitor.isAlarming(platform));
    const FeedStatus never = *monitor.feed(square);
    QCOMPARE(never.lastHeardAt, 0);
    QCOMPARE(never.quietForMs, 6 * minute);
    QVERIFY(never.expected);
    QVERIFY(!monitor.feed(clover));
}

void TestFeedMonitor::feedsListExpectedFirstThenHeard()
{
    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    QSignalSpy changed(&monitor, &FeedMonitor::changed);
    QVERIFY(changed.isValid());
    monitor.setExpectedSources({square, platform});
    monitor.heard(QStringLiteral("demo"));
    monitor.heard(clover);
    monitor.heard(platform);
    QVERIFY(changed.count() >= 3);
    QStringList order;
    const QList<FeedStatus> feeds = monitor.feeds();
    for (const FeedStatus &feed : feeds)
        order.append(feed.source);
    QCOMPARE(order, QStringList({square, platform, QStringLiteral("demo"), clover}));
    QVERIFY(feeds.at(0).expected);
    QVERIFY(!feeds.at(3).expected);
}

void TestFeedMonitor::alarmsOnlyWhileOpen_data()
{
    QTest::addColumn<QTime>("open");
    QTest::addColumn<QTime>("close");
    QTest::addColumn<int>("hour");
    QTest::addColumn<int>("minuteOfHour");
    QTest::addColumn<bool>("isOpen");
    QTest::addColumn<bool>("alarm");
    const QTime nine(9, 0), ten(22, 0), five(17, 0), two(2, 0);
    QTest::newRow("day hours, inside") << nine << ten << 12 << 0 << true << true;
    QTest::newRow("day hours, before opening") << nine << ten << 8 << 0 << false << false;
    QTest::newRow("day hours, after closing") << nine << ten << 22 << 30 << false << false;
    QTest::newRow("day hours, just opened: grace") << nine << ten << 9 << 5 << true << false;
    QTest::newRow("day hours, grace over") << nine << ten << 9 << 11 << true << true;
    QTest::newRow("over midnight, evening") << five << two << 23 << 0 << true << true;
    QTest::newRow("over midnight, after midnight") << five << two << 1 << 0 << true << true;
    QTest::newRow("over midnight, morning") << five << two << 10 << 0 << false << false;
    QTest::newRow("over midnight, at closing") << five << two << 2 << 0 << false << false;
    QTest::newRow("over midnight, just opened: grace") << five << two << 17 << 5 << true << false;
    QTest::newRow("open equals close: all day") << two << two << 4 << 0 << true << true;
}

void TestFeedMonitor::alarmsOnlyWhileOpen()
{
    QFETCH(QTime, open);
    QFETCH(QTime, close);
    QFETCH(int, hour);
    QFETCH(int, minuteOfHour);
    QFETCH(bool, isOpen);
    QFETCH(bool, alarm);
    // Started and last heard the day before, so only the hours decide.
    ManualClock clock(localMs(23, 3));
    FeedMonitor monitor(clock);
    monitor.setQuietLimitMs(10 * minute);
    monitor.heard(square);
    monitor.setOpenHours(open, close);
    clock.setNowMs(localMs(25, hour, minuteOfHour));
    monitor.check();
    QCOMPARE(monitor.isStoreOpen(), isOpen);
    QCOMPARE(monitor.isAlarming(square), alarm);
    monitor.clearOpenHours();
    QVERIFY(monitor.isStoreOpen());
}

void TestFeedMonitor::closingSilencesAndOpeningGivesGrace()
{
    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    monitor.setQuietLimitMs(10 * minute);
    monitor.setExpectedSources({square});
    clock.advanceMs(11 * minute);
    monitor.check();
    QVERIFY(monitor.isAlarming(square));
    QSignalSpy alarms(&monitor, &FeedMonitor::alarmChanged);
    QVERIFY(alarms.isValid());
    monitor.setStoreOpen(false);
    QVERIFY(!monitor.isStoreOpen());
    QCOMPARE(alarms.count(), 1);
    QCOMPARE(alarms.at(0), QVariantList({square, false}));
    clock.advanceMs(8 * 60 * minute);
    monitor.check();
    QVERIFY(!monitor.isAlarming(square));
    monitor.setStoreOpen(true);
    QVERIFY(!monitor.isAlarming(square));
    clock.advanceMs(10 * minute);
    monitor.check();
    QVERIFY(!monitor.isAlarming(square));
    clock.advanceMs(1);
    monitor.check();
    QVERIFY(monitor.isAlarming(square));
    // What it shows is the real silence, overnight included.
    QCOMPARE(monitor.feed(square)->quietForMs, 8 * 60 * minute + 21 * minute + 1);
}

void TestFeedMonitor::theTimerChecksByItself()
{
    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    monitor.setQuietLimitMs(minute);
    monitor.setCheckIntervalMs(5);
    QSignalSpy alarms(&monitor, &FeedMonitor::alarmChanged);
    QVERIFY(alarms.isValid());
    monitor.heard(platform);
    clock.advanceMs(2 * minute);
    QVERIFY(alarms.wait());
    QCOMPARE(alarms.at(0), QVariantList({platform, true}));
}

void TestFeedMonitor::hearsTheEnginesIncomingButNotLocalCommands()
{
    using namespace StoreTest;
    QTemporaryDir dir;
    ManualClock clock(t0);
    Store store(dir.filePath(QStringLiteral("s.sqlite")), &clock);
    QVERIFY(store.open());
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    OrderEngine engine(store, clock, config);
    FeedMonitor monitor(clock);
    monitor.watch(engine);

    // A cook bumping a platform order is not the platform speaking.
    Order local = sampleOrder(QStringLiteral("l-1"), QStringLiteral("101"));
    local.source = platform;
    QVERIFY(engine.placeOrder(local, Actor::staff(QStringLiteral("ana"))).ok);
    QVERIFY(!monitor.feed(platform));

    clock.advanceMs(minute);
    IncomingEvent fromSquare = incoming(placedEvent(sampleOrder(QStringLiteral("s-1"),
                                                                QStringLiteral("102"))));
    fromSquare.source = square;
    QSignalSpy drained(&engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    engine.applyIncoming({fromSquare, fromSquare}); // a duplicate is still a sign of life
    QVERIFY(drained.wait());
    QCOMPARE(monitor.feed(square)->lastHeardAt, t0 + minute);
    QVERIFY(!monitor.feed(platform));
}

void TestFeedMonitor::hearsEveryFrameOfThePlatformLink()
{
    QWebSocketServer hub(QStringLiteral("fake-hub"), QWebSocketServer::NonSecureMode);
    QVERIFY(hub.listen(QHostAddress::LocalHost, 0));
    QList<QWebSocket *> sockets;
    connect(&hub, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = hub.nextPendingConnection();
        socket->setParent(&hub); // the caller owns accepted sockets
        sockets.append(socket);
        // Whatever the hello says, welcome it: this test is about frames, not credentials.
        connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &) {
            socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(Protocol::Welcome{})));
        });
    });

    ManualClock clock(StoreTest::t0);
    FeedMonitor monitor(clock);
    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(hub.serverPort()));
    config.storeId = StoreTest::storeId;
    config.consoleId = QStringLiteral("console-1");
    config.pingIntervalMs = 60'000;
    PlatformLink link(config);
    PlatformChannel channel(link);
    monitor.watch(channel);
    QVERIFY(link.start());
    QTRY_COMPARE(link.state(), PlatformLink::State::Live);
    QCOMPARE(monitor.feed(platform)->lastHeardAt, StoreTest::t0);

    // Later, a heartbeat's pong alone keeps the platform feed fresh.
    clock.advanceMs(7 * minute);
    QCOMPARE(sockets.size(), 1);
    sockets.constFirst()->sendTextMessage(
            QString::fromUtf8(ProtocolCodec::encode(Protocol::Pong{StoreTest::t0})));
    QTRY_COMPARE(monitor.feed(platform)->lastHeardAt, StoreTest::t0 + 7 * minute);
    link.stop();
}

QTEST_GUILESS_MAIN(TestFeedMonitor)
#include "tst_feedmonitor.moc"
