// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"
#include "synctestbed.h"

#include "sync/platformlogreader.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// PlatformLogReader against a real hub (log, sessions, server) on 127.0.0.1.
class TestPlatformLogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStoreFinishesAfterWelcome();
    void readsEveryReplayBatch();
    void liveEventsDuringTheReplayAreNotDoubled();
    void wrongCredentialFailsInWords();
    void hubClosingMidReplayFails();
    void unreachableHubFailsWithoutRetrying();
    void silentHubTimesOut();

private:
    LinkConfig linkTo(const QUrl &url) const;
    void placeOrders(int count);
    static QList<Protocol::SequencedEvent> readLog(QSignalSpy &finished);
    void compareWithHub(const QList<Protocol::SequencedEvent> &read);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<OrderGenerator> m_generator;
};

namespace {
const QString storeId = QStringLiteral("store-a");
const QString consoleId = QStringLiteral("expo-1");
constexpr int waitMs = 20'000;
// More than three replay batches.
constexpr int manyEvents = 3 * Protocol::maxBatchEvents + 50;
} // namespace

void TestPlatformLogReader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<QList<Protocol::SequencedEvent>>();
}

void TestPlatformLogReader::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{storeId, {consoleId}}}));
    m_generator = std::make_unique<OrderGenerator>(storeId, 7);
}

void TestPlatformLogReader::cleanup()
{
    m_hub.reset();
}

LinkConfig TestPlatformLogReader::linkTo(const QUrl &url) const
{
    LinkConfig config;
    config.url = url;
    config.storeId = storeId;
    config.consoleId = consoleId;
    return config;
}

void TestPlatformLogReader::placeOrders(int count)
{
    for (int i = 0; i < count; ++i)
        QVERIFY(!m_hub->place(*m_generator, storeId).isEmpty());
}

QList<Protocol::SequencedEvent> TestPlatformLogReader::readLog(QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(waitMs))
        return {};
    return finished.constFirst().constFirst().value<QList<Protocol::SequencedEvent>>();
}

void TestPlatformLogReader::compareWithHub(const QList<Protocol::SequencedEvent> &read)
{
    // The hub's log from its start to where the read ended (it may have grown since).
    const QList<Protocol::SequencedEvent> hubLog =
        m_hub->log().eventsAfter(storeId, 0, int(read.size()));
    QCOMPARE(read.size(), hubLog.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).seq, qint64(i + 1));
        QCOMPARE(read.at(i).seq, hubLog.at(i).seq);
        QCOMPARE(read.at(i).event.toJson(), hubLog.at(i).event.toJson());
    }
}

void TestPlatformLogReader::emptyStoreFinishesAfterWelcome()
{
    PlatformLogReader reader(linkTo(m_hub->url()));
    QSignalSpy finished(&reader, &PlatformLogReader::finished);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(finished.isValid() && failed.isValid());
    reader.start(SyncTest::secretOf(consoleId));
    QVERIFY(finished.wait(waitMs));
    QVERIFY(readLog(finished).isEmpty());
    QCOMPARE(failed.size(), 0);
    QVERIFY(!reader.isRunning());
    QTRY_COMPARE(m_hub->server().sessionCount(), 0); // the reader hung up
}

void TestPlatformLogReader::readsEveryReplayBatch()
{
    placeOrders(manyEvents);
    QCOMPARE(m_hub->log().head(storeId), qint64(manyEvents));
    PlatformLogReader reader(linkTo(m_hub->url()));
    QSignalSpy finished(&reader, &PlatformLogReader::finished);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(finished.isValid() && failed.isValid());
    reader.start(SyncTest::secretOf(consoleId));
    const QList<Protocol::SequencedEvent> read = readLog(finished);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().toString()));
    QCOMPARE(read.size(), qsizetype(manyEvents));
    compareWithHub(read);
    QCOMPARE(m_hub->log().eventCount(storeId), qint64(manyEvents)); // nothing was submitted
    QCOMPARE(finished.size(), 1);
}

void TestPlatformLogReader::liveEventsDuringTheReplayAreNotDoubled()
{
    placeOrders(manyEvents);
    PlatformLogReader reader(linkTo(m_hub->url()));
    QSignalSpy finished(&reader, &PlatformLogReader::finished);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(finished.isValid() && failed.isValid());
    // From the moment the hub welcomes the reader, an order a turn while the replay runs: the hub
    // sends one replay batch per turn, so these are logged (and fanned out) mid-replay.
    QTimer placer;
    placer.setInterval(0);
    int placed = 0;
    connect(&placer, &QTimer::timeout, this, [&] {
        if (placed++ < 8)
            m_hub->place(*m_generator, storeId);
    });
    connect(&m_hub->server(), &HubServer::sessionAuthenticated, &placer,
            [&placer] { placer.start(); });
    reader.start(SyncTest::secretOf(consoleId));
    const QList<Protocol::SequencedEvent> read = readLog(finished);
    placer.stop();
    QVERIFY(failed.isEmpty());
    QVERIFY(placed > 0);
    QVERIFY(read.size() > manyEvents); // at least the order placed as the session began
    compareWithHub(read); // every seq once, from 1, as the hub logged it
    QCOMPARE(finished.size(), 1);
}

void TestPlatformLogReader::wrongCredentialFailsInWords()
{
    placeOrders(3);
    PlatformLogReader reader(linkTo(m_hub->url()));
    QSignalSpy finished(&reader, &PlatformLogReader::finished);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(finished.isValid() && failed.isValid());
    reader.start("not-the-secret");
    QVERIFY(failed.wait(waitMs)); // well inside the reader's own 30 s timeout
    const QString message = failed.constFirst().constFirst().toString();
    QVERIFY2(message.contains(QLatin1String("credential")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("not-the-secret")));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!reader.isRunning());
    QTRY_COMPARE(m_hub->server().sessionCount(), 0);
}

void TestPlatformLogReader::hubClosingMidReplayFails()
{
    placeOrders(manyEvents);
    FaultProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, m_hub->port()));
    // Enough for the handshake, welcome and the first replay batch or two, then the cut.
    proxy.setDropAfterBytes(150'000);
    PlatformLogReader reader(linkTo(proxy.url()));
    QSignalSpy finished(&reader, &PlatformLogReader::finished);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(finished.isValid() && failed.isValid());
    reader.start(SyncTest::secretOf(consoleId));
    QVERIFY(failed.wait(waitMs));
    const QString message = failed.constFirst().constFirst().toString();
    QVERIFY2(message.contains(QLatin1String("closed the connection after sending")),
             qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("sending 0 of")), qPrintable(message)); // mid-replay
    QCOMPARE(finished.size(), 0);
    QCOMPARE(proxy.connectionsAccepted(), 1);
    QVERIFY(!reader.isRunning());
}

void TestPlatformLogReader::unreachableHubFailsWithoutRetrying()
{
    FaultProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, m_hub->port()));
    proxy.setRefuse();
    PlatformLogReader reader(linkTo(proxy.url()));
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(failed.isValid());
    reader.start(SyncTest::secretOf(consoleId));
    QVERIFY(failed.wait(waitMs));
    QVERIFY2(failed.constFirst().constFirst().toString().contains(QLatin1String("reach")),
             qPrintable(failed.constFirst().constFirst().toString()));
    QCOMPARE(proxy.connectionsRefused(), 1);
    QCOMPARE(failed.size(), 1);
}

void TestPlatformLogReader::silentHubTimesOut()
{
    FaultProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, m_hub->port()));
    proxy.setBlackHole();
    PlatformLogReader reader(linkTo(proxy.url()));
    reader.setTimeoutMs(300);
    QSignalSpy failed(&reader, &PlatformLogReader::failed);
    QVERIFY(failed.isValid());
    reader.start(SyncTest::secretOf(consoleId));
    QVERIFY(failed.wait(waitMs));
    QVERIFY2(failed.constFirst().constFirst().toString().contains(QLatin1String("within 0.3 s")),
             qPrintable(failed.constFirst().constFirst().toString()));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!reader.isRunning());
}

QTEST_GUILESS_MAIN(TestPlatformLogReader)
#include "tst_platformlogreader.moc"
