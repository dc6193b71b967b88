// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's limit on bytes queued to one console: a console that stops reading is closed with
// 1008 slow_consumer and catches up by reconnecting, while its store's other consoles keep
// receiving everything; a replay waits for the socket to drain instead of queueing the log.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"
#include "loopbackhub.h"
#include "stalledpeer.h"
#include "testcertificate.h"

#include "common/clock.h"
#include "hub/hubsession.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
const QString store = QStringLiteral("store-a");
const QString slowId = QStringLiteral("slow");
const QString goodId = QStringLiteral("good");
const QString slowSecret = QStringLiteral("secret-slow");
const QString goodSecret = QStringLiteral("secret-good");

// Consecutive seqs from first, as a console must see them.
bool consecutive(const QList<qint64> &seqs, qint64 first)
{
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (seqs.at(i) != first + i)
            return false;
    }
    return true;
}

QList<qint64> seqsOf(const QList<Protocol::SequencedEvent> &events)
{
    QList<qint64> seqs;
    for (const Protocol::SequencedEvent &event : events)
        seqs.append(event.seq);
    return seqs;
}
} // namespace

class TestHubBackpressure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consoleThatStopsReadingIsClosedOthersKeepUp_data();
    void consoleThatStopsReadingIsClosedOthersKeepUp();
    void replayWaitsForTheSocketToDrain();

private:
    void startServer(bool tls);
    void submitBatch(int count);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LoopbackHub> m_bed;
    int m_orders = 0;
    TestCertificate m_certificate;
};

void TestHubBackpressure::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_certificate.create());
}

void TestHubBackpressure::init()
{
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_bed = std::make_unique<LoopbackHub>(*m_clock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->addConsole(store, slowId, slowSecret.toUtf8()));
    QVERIFY(m_bed->addConsole(store, goodId, goodSecret.toUtf8()));
    m_orders = 0;
}

void TestHubBackpressure::startServer(bool tls)
{
    HubServerConfig config;
    config.maxUnsentBytes = HubSession::minUnsentBytesLimit; // small, so it trips fast
    if (tls)
        config.ssl = m_certificate.serverConfiguration();
    QVERIFY(m_bed->listen(config));
}

void TestHubBackpressure::cleanup()
{
    m_bed.reset();
    m_clock.reset();
}

void TestHubBackpressure::submitBatch(int count)
{
    QList<OrderEvent> events;
    for (int i = 0; i < count; ++i)
        events.append(HubTest::placed(HubTest::order(store, QString::number(++m_orders))));
    const QList<SubmitOutcome> outcomes = m_bed->hub().submitAll(events);
    QCOMPARE(outcomes.size(), count);
    QVERIFY(outcomes.constLast().acked());
}

void TestHubBackpressure::consoleThatStopsReadingIsClosedOthersKeepUp_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("ws") << false;
    // QSslSocket encrypts everything queued at once: the backlog hides in its encrypted buffer.
    QTest::newRow("wss") << true;
}

void TestHubBackpressure::consoleThatStopsReadingIsClosedOthersKeepUp()
{
    QFETCH(bool, tls);
    startServer(tls);
    QSignalSpy overloaded(&m_bed->server(), &HubServer::sessionOverloaded);
    QVERIFY(overloaded.isValid());
    const QUrl url = m_bed->url();
    HubTestClient good;
    if (tls)
        good.socket().setSslConfiguration(m_certificate.trustingConfiguration());
    QVERIFY(good.join(url, store, goodId, goodSecret));
    StalledPeer slow;
    QVERIFY(slow.join(m_bed->port(), Protocol::Hello {store, slowId, slowSecret, 0}, tls));
    slow.stall();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^console slow of store store-a .* bytes unsent .*slow_consumer")));

    // Each round is about 80 KB per console; the bound covers the kernel's buffers many times.
    constexpr int maxRounds = 300;
    int rounds = 0;
    while (overloaded.isEmpty() && rounds < maxRounds) {
        submitBatch(Protocol::maxBatchEvents);
        QVERIFY(!QTest::currentTestFailed());
        // A pong proves the well-behaved console has everything sent before it.
        QVERIFY(good.roundTrip(++rounds));
    }
    QCOMPARE(overloaded.size(), 1);
    QCOMPARE(overloaded.constFirst().at(0).toString(), store);
    QCOMPARE(overloaded.constFirst().at(1).toString(), slowId);

    // The good console missed nothing and stays live.
    submitBatch(1);
    const qint64 head = m_bed->log().head(store);
    QTRY_COMPARE(good.events(false).size(), head);
    QVERIFY(consecutive(seqsOf(good.events(false)), 1));
    QVERIFY(!good.isDisconnected());

    // The slow one finds, behind what was queued, the close: 1008 slow_consumer.
    QVERIFY(slow.readUntil([&] { return slow.closeCode.has_value(); }));
    QCOMPARE(*slow.closeCode, int(QWebSocketProtocol::CloseCodePolicyViolated));
    QCOMPARE(slow.closeReason, QString(Protocol::slowConsumerReason));
    QVERIFY(consecutive(slow.seqs, 1));
    const qint64 cursor = slow.seqs.isEmpty() ? 0 : slow.seqs.constLast();
    QVERIFY2(cursor < head, "the hub kept sending after it gave up");
    slow.abort();

    // It recovers as every console does after a close: reconnect and replay from its cursor.
    HubTestClient again;
    if (tls)
        again.socket().setSslConfiguration(m_certificate.trustingConfiguration());
    QVERIFY(again.join(url, store, slowId, slowSecret, cursor));
    QTRY_COMPARE(again.events(true).size(), head - cursor);
    QVERIFY(consecutive(seqsOf(again.events(true)), cursor + 1));
    QTRY_COMPARE(m_bed->server().sessionCount(store), 2);
}

void TestHubBackpressure::replayWaitsForTheSocketToDrain()
{
    // Far more log than the limit: queued at once, the replay alone would trip it.
    constexpr int batches = 25;
    startServer(false);
    for (int i = 0; i < batches; ++i)
        submitBatch(Protocol::maxBatchEvents);
    const qint64 head = m_bed->log().head(store);
    QSignalSpy overloaded(&m_bed->server(), &HubServer::sessionOverloaded);
    QVERIFY(overloaded.isValid());

    StalledPeer slow;
    QVERIFY(slow.join(m_bed->port(), Protocol::Hello {store, slowId, slowSecret, 0}));
    slow.stall();
    // Every round trip turns the hub's event loop, where a replay sends a batch per turn.
    HubTestClient good;
    QVERIFY(good.join(m_bed->port(), store, goodId, goodSecret, head));
    for (int i = 1; i <= 2 * batches; ++i)
        QVERIFY(good.roundTrip(i));
    QVERIFY(overloaded.isEmpty());

    QVERIFY(slow.readUntil([&] { return slow.seqs.size() == head; }));
    QVERIFY(consecutive(slow.seqs, 1));
    for (qsizetype i = 0; i < slow.frames.size(); ++i) {
        QVERIFY(slow.frames.at(i).replay);
        QCOMPARE(slow.frames.at(i).more, i + 1 < slow.frames.size());
    }
    // Caught up and live.
    submitBatch(1);
    QVERIFY(slow.readUntil([&] { return slow.seqs.size() == head + 1; }));
    QCOMPARE(slow.seqs.constLast(), head + 1);
    QVERIFY(!slow.frames.constLast().replay);
    QVERIFY(!slow.closeCode);
    QVERIFY(overloaded.isEmpty());
}

QTEST_GUILESS_MAIN(TestHubBackpressure)
#include "tst_hubbackpressure.moc"
