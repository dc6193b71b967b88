// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "engine/feedmonitor.h"
#include "engine/storepause.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "order/storepolicy.h"
#include "sim/ordergenerator.h"
#include "store/outbox.h"
#include "sync/syncclient.h"

#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// ConsoleSession is the one place a console is put together: these check what each program, test
// bed and bench relies on it for.
class TestConsoleSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); } // a fresh store file each
    void kitchenSessionRunsTheBoardsServices();
    void engineOnlySessionRunsNoKitchenServices();
    void aFileThatIsNotAStoreIsRefused();
    void policyReachesTheServices();
    void reconnectingReplacesThePlatformChannel();
    void disconnectingThePosKeepsItsQueue();
    void stepsBeforeThePosSecretsArriveWaitInItsQueue();

private:
    SessionConfig config(SessionConfig::Services services = SessionConfig::Services::Kitchen)
    {
        return SessionConfig::forConsole(m_dir->filePath(QStringLiteral("store.sqlite")),
                                         QStringLiteral("store-1"), QStringLiteral("console-1"),
                                         services);
    }

    /** A platform order placed and accepted by the kitchen; its id, or empty. */
    QString acceptAPlatformOrder(ConsoleSession &session, quint32 seed)
    {
        OrderGenerator generator(QStringLiteral("store-1"), seed);
        const Order order = generator.next(m_clock.nowMs());
        TransitionDetails accept;
        accept.promisedAt = m_clock.nowMs() + 15 * 60'000;
        const bool accepted = session.engine().placeOrder(order, Actor::platform()).ok
                && session.engine()
                           .transition(order.id, OrderState::Accepted,
                                       Actor::staff(QStringLiteral("cook-1")), accept)
                           .ok;
        return accepted ? order.id : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock {1'000'000};
};

void TestConsoleSession::kitchenSessionRunsTheBoardsServices()
{
    ConsoleSession session(config(), m_clock);
    QVERIFY(session.open());
    QVERIFY(session.hasKitchenServices());
    QVERIFY(!session.repairReport());
    QCOMPARE(session.engine().config().storeId, QStringLiteral("store-1"));
    QCOMPARE(session.engine().config().consoleId, QStringLiteral("console-1"));

    // The engine writes through the session's store: what is placed is there to read.
    OrderGenerator generator(QStringLiteral("store-1"), 7);
    const Order order = generator.next(m_clock.nowMs());
    QVERIFY(session.engine().placeOrder(order, Actor::platform()).ok);
    QVERIFY(session.store().order(order.id));
    QVERIFY(!session.storePause().isPaused());
}

void TestConsoleSession::engineOnlySessionRunsNoKitchenServices()
{
    ConsoleSession session(config(SessionConfig::Services::EngineOnly), m_clock);
    QVERIFY(session.open());
    QVERIFY(!session.hasKitchenServices());
    session.startKitchenServices(); // a test bed that needs them after all
    QVERIFY(session.hasKitchenServices());
}

void TestConsoleSession::aFileThatIsNotAStoreIsRefused()
{
    QFile notAStore(m_dir->filePath(QStringLiteral("store.sqlite")));
    QVERIFY(notAStore.open(QIODevice::WriteOnly));
    notAStore.write(QByteArray(4096, 'x'));
    notAStore.close();

    ConsoleSession session(config(), m_clock);
    QVERIFY(!session.open());
    QVERIFY(!session.hasKitchenServices());
    // Refused, not rebuilt: the file is left as it was for someone to look at.
    QVERIFY(notAStore.open(QIODevice::ReadOnly));
    QCOMPARE(notAStore.readAll(), QByteArray(4096, 'x'));
}

void TestConsoleSession::policyReachesTheServices()
{
    ConsoleSession session(config(), m_clock);
    QVERIFY(session.open());
    StorePolicy policy;
    policy.feedQuietMinutes = 7;
    policy.expectedFeeds = {QStringLiteral("platform"), QStringLiteral("pos:square")};
    session.applyPolicy(policy);
    QCOMPARE(session.feeds().quietLimitMs(), policy.feedQuietMs());
    QCOMPARE(session.feeds().expectedSources(), policy.expectedFeeds);
}

void TestConsoleSession::reconnectingReplacesThePlatformChannel()
{
    ConsoleSession session(config(), m_clock);
    QVERIFY(session.open());
    QVERIFY(!session.platform());

    LinkConfig link;
    link.url = QUrl(QStringLiteral("ws://127.0.0.1:9"));
    PlatformConnection &first = session.connectPlatform(link);
    QCOMPARE(first.link().config().storeId, QStringLiteral("store-1"));
    QCOMPARE(first.link().config().consoleId, QStringLiteral("console-1"));
    QVERIFY(session.engine().channels().dispatcher(SyncClient::destination));

    PlatformConnection &second = session.connectPlatform(link);
    QCOMPARE(session.platform(), &second);
    // One platform destination, served by the new connection's channel.
    QCOMPARE(session.engine().channels().destinations().count(SyncClient::destination), 1);
    QCOMPARE(session.engine().channels().dispatchers().size(), 1);
}

void TestConsoleSession::disconnectingThePosKeepsItsQueue()
{
    ConsoleSession session(config(SessionConfig::Services::EngineOnly), m_clock);
    QVERIFY(session.open());
    QTcpServer closed; // a port where nothing answers: the POS's deliveries wait
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    PosSettings square;
    square.vendor = QStringLiteral("square");
    square.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
    square.locationId = QStringLiteral("LOC1");
    closed.close();
    PosConnection &pos = session.connectPos(square, {});
    PosSecrets secrets;
    secrets.token = "token";
    QVERIFY(pos.startWithSecrets(secrets));
    const QString destination = pos.destination();
    QVERIFY(session.engine().channels().dispatcher(destination));

    // The kitchen accepts a platform order: the accept is queued for the POS.
    const QString orderId = acceptAPlatformOrder(session, 7);
    QVERIFY(!orderId.isEmpty());
    const int queued = Outbox(session.store()).pendingCount(destination);
    QVERIFY(queued > 0);

    session.disconnectPos();
    QVERIFY(!session.pos());
    QVERIFY(!session.engine().channels().dispatcher(destination));
    for (const ChannelHealth &health : session.engine().channels().health())
        QVERIFY(health.destination != destination);
    QCOMPARE(Outbox(session.store()).pendingCount(destination), queued); // nothing lost
    // Later steps are no longer queued for a POS the store has none of.
    QVERIFY(!session.engine().channels().destinations().contains(destination));
    QVERIFY(session.engine().transition(orderId, OrderState::Preparing,
                                        Actor::staff(QStringLiteral("cook-1"))).ok);
    QCOMPARE(Outbox(session.store()).pendingCount(destination), queued);
    session.disconnectPos(); // nothing to tear down: no harm

    // Connected again, the same queue is the POS's to deliver.
    QVERIFY(session.connectPos(square, {}).startWithSecrets(secrets));
    QVERIFY(session.engine().channels().dispatcher(destination));
    QCOMPARE(Outbox(session.store()).pendingCount(destination), queued);
}

// The keychain may answer late (a locked keyring): the kitchen's steps meanwhile wait in the POS's
// queue instead of never reaching it.
void TestConsoleSession::stepsBeforeThePosSecretsArriveWaitInItsQueue()
{
    ConsoleSession session(config(SessionConfig::Services::EngineOnly), m_clock);
    QVERIFY(session.open());
    PosSettings square;
    square.vendor = QStringLiteral("square");
    square.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // nothing answers: it waits
    square.locationId = QStringLiteral("LOC1");
    PosConnection &pos = session.connectPos(square, {});
    QVERIFY(!pos.isRunning());
    QVERIFY(session.engine().channels().destinations().contains(pos.destination()));

    QVERIFY(!acceptAPlatformOrder(session, 11).isEmpty());
    const QString destination = pos.destination();
    const int queued = Outbox(session.store()).pendingCount(destination);
    QVERIFY(queued > 0);

    // The secrets arrive: the adapter delivers that same queue.
    PosSecrets secrets;
    secrets.token = "token";
    QVERIFY(pos.startWithSecrets(secrets));
    QVERIFY(session.engine().channels().dispatcher(destination));
    QCOMPARE(Outbox(session.store()).pendingCount(destination), queued);
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
