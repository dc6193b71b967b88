// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "engine/orderengine.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"
#include "runninghub.h"
#include "sim/ordergenerator.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The real order-hub process, killed with SIGKILL mid-service and started again on the same log:
// the console keeps working, then converges with nothing lost or doubled.
class TestHubProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void consoleSurvivesAHubKilledMidService();

private:
};

namespace {
const QString storeId = QStringLiteral("store-a");
const QString consoleId = QStringLiteral("grill-1");
const QByteArray secret = "process-test-secret";
} // namespace

void TestHubProcess::consoleSurvivesAHubKilledMidService()
{
    QTemporaryDir dir;
    const QString hubDb = dir.filePath(QStringLiteral("hub.sqlite"));
    const QStringList firstRun{QStringLiteral("--db"), hubDb, QStringLiteral("--add-console"),
                               storeId + QLatin1Char(':') + consoleId,
                               QStringLiteral("--console-secret"), QString::fromUtf8(secret)};
    RunningHub hub(QStringLiteral(ORDER_HUB_PATH));
    QVERIFY2(hub.start(firstRun), hub.output.constData());
    const quint16 wsPort = hub.wsPort;

    SystemClock clock;
    Store store(dir.filePath(QStringLiteral("console.sqlite")), &clock);
    QVERIFY(store.open());
    EngineConfig engineConfig;
    engineConfig.storeId = storeId;
    engineConfig.consoleId = consoleId;
    OrderEngine engine(store, clock, engineConfig);
    LinkConfig linkConfig;
    linkConfig.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(wsPort));
    linkConfig.storeId = storeId;
    linkConfig.consoleId = consoleId;
    linkConfig.pingIntervalMs = 300;
    linkConfig.backoffBaseMs = 50;
    linkConfig.backoffCapMs = 400;
    linkConfig.firstReconnectJitterMs = 300;
    PlatformLink link(linkConfig);
    link.setCredential(secret);
    SyncClient client(engine, store, link);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(link.state(), PlatformLink::State::Live, RunningHub::timeoutMs);

    OrderGenerator generator(storeId, 5);
    QStringList orders;
    for (int i = 0; i < 4; ++i)
        orders.append(hub.placeOverHttp(storeId, generator.next(clock.nowMs())));
    QVERIFY(!orders.contains(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(store.orders(true).size(), 4, RunningHub::timeoutMs);

    // SIGKILL the hub; the kitchen goes on.
    hub.kill();
    QTRY_VERIFY_WITH_TIMEOUT(link.state() != PlatformLink::State::Live, RunningHub::timeoutMs);
    TransitionDetails details;
    details.promisedAt = clock.nowMs() + 15 * 60 * 1000;
    for (const QString &id : std::as_const(orders))
        QVERIFY(engine.advance(id, Actor::staff(QStringLiteral("ana")), details).ok);
    QCOMPARE(client.health().pending, 4);

    // The same log, the same port: the console finds it again and catches up.
    QVERIFY2(hub.start({QStringLiteral("--db"), hubDb, QStringLiteral("--ws-port"),
                        QString::number(wsPort)}),
             hub.output.constData());
    const QString late = hub.placeOverHttp(storeId, generator.next(clock.nowMs()));
    QVERIFY(!late.isEmpty());
    // Converged means acked and also received back: the acks can come a turn before the events
    // frame that carries the same events (and advances the cursor), so wait for both.
    constexpr qint64 hubEvents = 9; // 5 placed, 4 accepted
    QTRY_VERIFY_WITH_TIMEOUT(client.health().pending == 0 && store.order(late).has_value()
                                     && link.state() == PlatformLink::State::Live
                                     && store.cursor(QStringLiteral("platform")).toLongLong()
                                             == hubEvents,
                             RunningHub::timeoutMs);
    client.stop();
    hub.kill();

    // Compare with the hub's own log, read from its file.
    HubRecords records(std::make_unique<SqliteHubStorage>(hubDb), clock);
    QVERIFY(records.open());
    QCOMPARE(records.log().eventCount(storeId), hubEvents); // nothing lost, nothing twice
    QCOMPARE(store.cursor(QStringLiteral("platform")).toLongLong(), records.log().head(storeId));
    const QList<Order> hubOrders = records.log().orders(storeId);
    QCOMPARE(store.orders(false).size(), hubOrders.size());
    for (const Order &hubOrder : hubOrders) {
        QCOMPARE(store.order(hubOrder.id)->state, hubOrder.state);
        QCOMPARE(store.order(hubOrder.id)->eventCount, hubOrder.eventCount);
    }
    QCOMPARE(store.eventCount(), hubEvents);
    QVERIFY(ProjectionVerifier(store).verify().ok());
}

QTEST_GUILESS_MAIN(TestHubProcess)
#include "tst_hubprocess.moc"
