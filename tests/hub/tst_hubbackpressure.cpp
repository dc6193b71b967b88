// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's limit on bytes queued to one console: a console that stops reading is closed with
// 1008 slow_consumer and catches up by reconnecting, while its store's other consoles keep
// receiving everything; a replay waits for the socket to drain instead of queueing the log.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"
#include "stalledpeer.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hubserver.h"
#include "hub/hubsession.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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

    std::unique_ptr<HubTest::SqliteBackend> m_backend;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<HubRecords> m_records;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<HubServer> m_server;
    int m_orders = 0;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void TestHubBackpressure::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A self-signed certificate for 127.0.0.1, made now; openssl is a test dependency.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    QVERIFY2(openssl.waitForStarted(5000), "openssl is not installed");
    QVERIFY(openssl.waitForFinished(30'000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile keyFile(key);
    QFile certFile(cert);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    m_certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
    m_key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
    QVERIFY(!m_key.isNull());
}

void TestHubBackpressure::init()
{
    m_backend = std::make_unique<HubTest::SqliteBackend>();
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_records = HubTest::openRecords(*m_backend, *m_clock);
    QVERIFY(m_records);
    QVERIFY(m_records->stores().add(store));
    QVERIFY(m_records->credentials().add(store, slowId, slowSecret.toUtf8()));
    QVERIFY(m_records->credentials().add(store, goodId, goodSecret.toUtf8()));
    m_hub = std::make_unique<Hub>(*m_records);
    m_orders = 0;
}

void TestHubBackpressure::startServer(bool tls)
{
    HubServerConfig config;
    config.maxUnsentBytes = HubSession::minUnsentBytesLimit; // small, so it trips fast
    if (tls) {
        QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
        serverTls.setLocalCertificate(m_certificate);
        serverTls.setPrivateKey(m_key);
        serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.ssl = serverTls;
    }
    m_server = std::make_unique<HubServer>(*m_hub, config);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestHubBackpressure::cleanup()
{
    m_server.reset();
    m_hub.reset();
    m_records.reset();
    m_clock.reset();
    m_backend.reset();
}

void TestHubBackpressure::submitBatch(int count)
{
    QList<OrderEvent> events;
    for (int i = 0; i < count; ++i)
        events.append(HubTest::placed(HubTest::order(store, QString::number(++m_orders))));
    const QList<SubmitOutcome> outcomes = m_hub->submitAll(events);
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
    QSignalSpy overloaded(m_server.get(), &HubServer::sessionOverloaded);
    QVERIFY(overloaded.isValid());
    const QUrl url(QStringLiteral("%1://127.0.0.1:%2")
                       .arg(tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                       .arg(m_server->serverPort()));
    HubTestClient good;
    if (tls)
        good.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
    QVERIFY(good.join(url, store, goodId, goodSecret));
    StalledPeer slow;
    QVERIFY(slow.join(m_server->serverPort(), Protocol::Hello {store, slowId, slowSecret, 0}, tls));
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
    const qint64 head = m_records->log().head(store);
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
        again.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
    QVERIFY(again.join(url, store, slowId, slowSecret, cursor));
    QTRY_COMPARE(again.events(true).size(), head - cursor);
    QVERIFY(consecutive(seqsOf(again.events(true)), cursor + 1));
    QTRY_COMPARE(m_server->sessionCount(store), 2);
}

void TestHubBackpressure::replayWaitsForTheSocketToDrain()
{
    // Far more log than the limit: queued at once, the replay alone would trip it.
    constexpr int batches = 25;
    startServer(false);
    for (int i = 0; i < batches; ++i)
        submitBatch(Protocol::maxBatchEvents);
    const qint64 head = m_records->log().head(store);
    QSignalSpy overloaded(m_server.get(), &HubServer::sessionOverloaded);
    QVERIFY(overloaded.isValid());

    StalledPeer slow;
    QVERIFY(slow.join(m_server->serverPort(), Protocol::Hello {store, slowId, slowSecret, 0}));
    slow.stall();
    // Every round trip turns the hub's event loop, where a replay sends a batch per turn.
    HubTestClient good;
    QVERIFY(good.join(m_server->serverPort(), store, goodId, goodSecret, head));
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
