// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubServer end to end: a real server on 127.0.0.1 (port 0) and real WebSocket clients.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"
#include "loopbackhub.h"
#include "testcertificate.h"

#include "common/clock.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
const QString secretA1 = QStringLiteral("secret-a1");
const QString secretA2 = QStringLiteral("secret-a2");
const QString secretB1 = QStringLiteral("secret-b1");
} // namespace

class TestHubServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helloGetsWelcome();
    void submitAcksFansOutAndIsIdempotent();
    void submitForAnotherStoreIsRejected();
    void mixedSubmitIsAnsweredInOrder();
    void badCredentialCloses1008();
    void concurrentHellosAllAuthenticate();
    void framesBeforeTheVerdictWaitForIt();
    void anEventGoesOutOnceWhateverSawItFirst();
    void hostileFrames_data();
    void hostileFrames();
    void helloTimeoutCloses1008();
    void silentSessionIsDropped();
    void secureWebSocketWithCertificateChecks();
    void replayFromCursorInBatches();
    void replayKeepsToTheConsolesWindow();
    void conflictingEventIsRejectedWithTheWinner();
    void stoppingTheHubClosesSessionsGoingAway();

private:
    struct Snapshot
    {
        qint64 headA = 0;
        qint64 headB = 0;
        qint64 events = 0;
    };
    Snapshot snapshot() const;

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LoopbackHub> m_bed;
};

void TestHubServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubServer::init()
{
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_bed = std::make_unique<LoopbackHub>(*m_clock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->addConsole(storeA, QStringLiteral("a1"), secretA1.toUtf8()));
    QVERIFY(m_bed->addConsole(storeA, QStringLiteral("a2"), secretA2.toUtf8()));
    QVERIFY(m_bed->addConsole(storeB, QStringLiteral("b1"), secretB1.toUtf8()));
    QVERIFY(m_bed->listen());
    QVERIFY(m_bed->port() != 0);
}

void TestHubServer::cleanup()
{
    m_bed.reset();
    m_clock.reset();
}

TestHubServer::Snapshot TestHubServer::snapshot() const
{
    return {m_bed->log().head(storeA), m_bed->log().head(storeB), m_bed->log().eventCount()};
}

void TestHubServer::helloGetsWelcome()
{
    const Order order = HubTest::order(storeA, QStringLiteral("101"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());

    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1, 1));
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().head, 1);
    QVERIFY(!a1.all<Protocol::Welcome>().constFirst().posRelay); // no right granted
    QVERIFY(a1.roundTrip(42));
    QVERIFY(a1.events(true).isEmpty()); // its cursor is already at the head
    QTRY_COMPARE(m_bed->server().sessionCount(storeA), 1);
}

void TestHubServer::submitAcksFansOutAndIsIdempotent()
{
    HubTestClient a1;
    HubTestClient a2;
    HubTestClient b1;
    const quint16 port = m_bed->port();
    QVERIFY(a1.join(port, storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(a2.join(port, storeA, QStringLiteral("a2"), secretA2));
    QVERIFY(b1.join(port, storeB, QStringLiteral("b1"), secretB1));

    const Order order = HubTest::order(storeA, QStringLiteral("102"));
    const OrderEvent place = HubTest::placedAtCounter(order);
    const OrderEvent accept = HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                                  Actor::staff(QStringLiteral("ana")));
    a1.send(Protocol::Submit {{place, accept}});
    QVERIFY(a1.waitFor<Protocol::Ack>(2));
    QList<Protocol::Ack> acks = a1.all<Protocol::Ack>();
    QCOMPARE(acks.at(0).eventId, place.id);
    QCOMPARE(acks.at(0).seq, 1);
    QCOMPARE(acks.at(1).eventId, accept.id);
    QCOMPARE(acks.at(1).seq, 2);

    // Every console of the store hears both, the sender included, as live events.
    QTRY_COMPARE(a2.events(false).size(), 2);
    QTRY_COMPARE(a1.events(false).size(), 2);
    QCOMPARE(a2.events(false).at(0).seq, 1);
    QCOMPARE(a2.events(false).at(0).event, place);
    QCOMPARE(a2.events(false).at(1).seq, 2);
    QCOMPARE(a2.events(false).at(1).event, accept);
    // What one submit appended travels as one frame.
    QCOMPARE(a2.all<Protocol::Events>().size(), 1);

    // The same submit again: the same acks, nothing new in the log, nothing fanned out.
    a1.send(Protocol::Submit {{place, accept}});
    QVERIFY(a1.waitFor<Protocol::Ack>(4));
    acks = a1.all<Protocol::Ack>();
    QCOMPARE(acks.at(2).seq, 1);
    QCOMPARE(acks.at(3).seq, 2);
    QCOMPARE(m_bed->log().head(storeA), 2);
    QCOMPARE(m_bed->log().eventCount(), 2);
    QVERIFY(a2.roundTrip(7));
    QCOMPARE(a2.events(false).size(), 2);
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Accepted);

    // The other store's console never sees store A's events.
    QVERIFY(b1.roundTrip(8));
    QVERIFY(b1.all<Protocol::Events>().isEmpty());
}

void TestHubServer::submitForAnotherStoreIsRejected()
{
    HubTestClient a1;
    HubTestClient b1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(b1.join(m_bed->port(), storeB, QStringLiteral("b1"), secretB1));
    const Order foreign = HubTest::order(storeB, QStringLiteral("201"));
    const OrderEvent place = HubTest::placed(foreign);
    a1.send(Protocol::Submit {{place}});
    QVERIFY(a1.waitFor<Protocol::Reject>(1));
    const Protocol::Reject reject = a1.all<Protocol::Reject>().constFirst();
    QCOMPARE(reject.eventId, place.id);
    QVERIFY2(reject.reason.contains(QStringLiteral("wrong store")), qPrintable(reject.reason));
    QVERIFY(a1.all<Protocol::Ack>().isEmpty());
    QCOMPARE(m_bed->log().head(storeB), 0);
    QCOMPARE(m_bed->log().eventCount(), 0);
    QVERIFY(!m_bed->log().order(storeB, foreign.id));
    QVERIFY(b1.roundTrip(1));
    QVERIFY(b1.all<Protocol::Events>().isEmpty());
    QVERIFY(a1.roundTrip(2)); // a reject is a verdict on the event, not on the session
}

void TestHubServer::mixedSubmitIsAnsweredInOrder()
{
    HubTestClient a1;
    HubTestClient a2;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(a2.join(m_bed->port(), storeA, QStringLiteral("a2"), secretA2));
    const Order order = HubTest::order(storeA, QStringLiteral("103"));
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const OrderEvent place = HubTest::placedAtCounter(order);
    const OrderEvent foreign = HubTest::placed(HubTest::order(storeB, QStringLiteral("9")));
    const OrderEvent accept =
        HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook);
    const OrderEvent stale =
        HubTest::transition(order, OrderState::Placed, OrderState::Rejected, cook,
                            HubTest::startMs(), QStringLiteral("no buns"));
    const OrderEvent start =
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook);
    // One frame: each answer in submit order, and a duplicate inside the frame acked once more.
    a1.send(Protocol::Submit {{place, foreign, accept, place, stale, start}});
    QTRY_COMPARE(a1.all<Protocol::Ack>().size() + a1.all<Protocol::Reject>().size(), 6);
    QList<QUuid> answered;
    for (const Protocol::Message &message : a1.received()) {
        if (const auto *ack = std::get_if<Protocol::Ack>(&message.body))
            answered.append(ack->eventId);
        else if (const auto *reject = std::get_if<Protocol::Reject>(&message.body))
            answered.append(reject->eventId);
    }
    QCOMPARE(answered,
             QList<QUuid>({place.id, foreign.id, accept.id, place.id, stale.id, start.id}));
    const QList<Protocol::Ack> acks = a1.all<Protocol::Ack>();
    QCOMPARE(acks.size(), 4);
    QCOMPARE(acks.at(0).seq, 1);
    QCOMPARE(acks.at(1).seq, 2);
    QCOMPARE(acks.at(2).seq, 1);
    QCOMPARE(acks.at(3).seq, 3);
    const QList<Protocol::Reject> rejects = a1.all<Protocol::Reject>();
    QCOMPARE(rejects.at(0).eventId, foreign.id);
    QCOMPARE(rejects.at(1).eventId, stale.id);
    QVERIFY(rejects.at(1).conflicting);
    QCOMPARE(rejects.at(1).conflicting->id, accept.id);
    QTRY_COMPARE(a2.events(false).size(), 3);
    QCOMPARE(m_bed->log().head(storeA), 3);
    QCOMPARE(m_bed->log().head(storeB), 0);
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Preparing);
}

void TestHubServer::badCredentialCloses1008()
{
    HubTestClient intruder;
    QVERIFY(intruder.open(m_bed->port()));
    intruder.send(Protocol::Hello {storeA, QStringLiteral("a1"), QStringLiteral("wrong"), 0});
    QVERIFY(intruder.waitDisconnected());
    QCOMPARE(intruder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    const QList<Protocol::Error> errors = intruder.all<Protocol::Error>();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().code, QStringLiteral("unauthorized"));
    QVERIFY(intruder.all<Protocol::Welcome>().isEmpty());

    // A console of store B cannot pass as one of store A with its own secret either.
    HubTestClient crossStore;
    QVERIFY(crossStore.open(m_bed->port()));
    crossStore.send(Protocol::Hello {storeA, QStringLiteral("b1"), secretB1, 0});
    QVERIFY(crossStore.waitDisconnected());
    QCOMPARE(crossStore.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestHubServer::concurrentHellosAllAuthenticate()
{
    constexpr int consoles = 8;
    std::vector<std::unique_ptr<HubTestClient>> clients;
    for (int i = 0; i < consoles; ++i) {
        const QString id = QStringLiteral("c%1").arg(i);
        QVERIFY(m_bed->records().credentials().add(storeA, id, (QStringLiteral("secret-") + id).toUtf8()));
        clients.push_back(std::make_unique<HubTestClient>());
        QVERIFY(clients.back()->open(m_bed->port()));
    }
    HubTestClient intruder;
    QVERIFY(intruder.open(m_bed->port()));
    // Every hello is sent before any verdict is awaited: they are all in flight together.
    for (int i = 0; i < consoles; ++i) {
        const QString id = QStringLiteral("c%1").arg(i);
        clients.at(i)->send(Protocol::Hello {storeA, id, QStringLiteral("secret-") + id, 0});
        if (i == consoles / 2)
            intruder.send(Protocol::Hello {storeA, QStringLiteral("c0"), QStringLiteral("x"), 0});
    }
    for (const auto &client : clients)
        QVERIFY(client->waitFor<Protocol::Welcome>(1));
    QTRY_COMPARE(m_bed->server().sessionCount(storeA), consoles);
    QVERIFY(intruder.waitDisconnected());
    QCOMPARE(intruder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    // Each is live: an accepted event reaches all of them.
    const Order order = HubTest::order(storeA, QStringLiteral("77"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
    for (const auto &client : clients)
        QTRY_COMPARE(client->events(false).size(), 1);
}

// An event is in the log before its announcement comes from the commit thread: a console that
// joined in between has it from the replay, and the late announcement sends nothing twice.
void TestHubServer::anEventGoesOutOnceWhateverSawItFirst()
{
    const Order order = HubTest::order(storeA, QStringLiteral("57"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1, 0));
    QTRY_COMPARE(a1.events(true).size(), 1);
    QTRY_COMPARE(m_bed->server().sessionCount(storeA), 1);
    const QList<Protocol::SequencedEvent> replayed = a1.events(true);
    Q_EMIT m_bed->hub().acceptedTogether(storeA, replayed);

    const OrderEvent cancel =
            HubTest::transition(order, OrderState::Placed, OrderState::Cancelled,
                                Actor::platform(), HubTest::startMs(), QStringLiteral("no stock"));
    QVERIFY(m_bed->hub().submit(cancel).acked());
    QTRY_COMPARE(a1.events(false).size(), 1);
    QVERIFY(a1.roundTrip(3)); // anything sent before the pong has arrived
    QCOMPARE(a1.events(false).size(), 1);
    QCOMPARE(a1.events(false).constFirst().seq, 2);
    QCOMPARE(a1.events(true).size(), 1);
}

void TestHubServer::framesBeforeTheVerdictWaitForIt()
{
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    const OrderEvent placed =
        HubTest::placedAtCounter(HubTest::order(storeA, QStringLiteral("55")));
    // Pipelined behind the hello, before the hub could have checked the credential.
    a1.send(Protocol::Hello {storeA, QStringLiteral("a1"), secretA1, 0});
    a1.send(Protocol::Submit {{placed}});
    a1.send(Protocol::Ping {7});
    QVERIFY(a1.waitFor<Protocol::Pong>(1));
    // The pong goes at once; the ack once the submit is durable (the commit thread).
    QVERIFY(a1.waitFor<Protocol::Ack>(1));
    const QList<Protocol::Message> &received = a1.received();
    QVERIFY(std::holds_alternative<Protocol::Welcome>(received.constFirst().body));
    const QList<Protocol::Ack> acks = a1.all<Protocol::Ack>();
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.constFirst().eventId, placed.id);
    QCOMPARE(m_bed->log().head(storeA), 1);

    // Pipelined behind a bad hello, nothing is processed.
    HubTestClient intruder;
    QVERIFY(intruder.open(m_bed->port()));
    intruder.send(Protocol::Hello {storeA, QStringLiteral("a1"), QStringLiteral("wrong"), 0});
    intruder.send(Protocol::Submit {
        {HubTest::placedAtCounter(HubTest::order(storeA, QStringLiteral("56")))}});
    QVERIFY(intruder.waitDisconnected());
    QCOMPARE(intruder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(intruder.all<Protocol::Ack>().isEmpty());
    QCOMPARE(m_bed->log().head(storeA), 1);
}

void TestHubServer::hostileFrames_data()
{
    QTest::addColumn<bool>("helloFirst");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<int>("closeCode");
    QTest::addColumn<QString>("errorCode"); // empty: Qt closes before we could say anything

    const QByteArray id = QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
    const QByteArray envelope = "\"v\":1,\"id\":\"" + id + "\"";
    const int protocolError = QWebSocketProtocol::CloseCodeProtocolError;
    QTest::newRow("malformed JSON before hello")
        << false << QByteArray("{\"type\":\"hello\",") << false << protocolError
        << QStringLiteral("bad_json");
    QTest::newRow("malformed JSON after hello")
        << true << QByteArray("{{{{") << false << protocolError << QStringLiteral("bad_json");
    QTest::newRow("not an object")
        << true << QByteArray("[1,2,3]") << false << protocolError << QStringLiteral("bad_json");
    QTest::newRow("hello with wrong types")
        << false
        << QByteArray("{\"type\":\"hello\"," + envelope
                      + ",\"store_id\":7,\"console_id\":[],\"credential\":{},"
                        "\"cursor\":\"abc\"}")
        << false << protocolError << QStringLiteral("bad_frame");
    QTest::newRow("submit with events not a list")
        << true << QByteArray("{\"type\":\"submit\"," + envelope + ",\"events\":\"all\"}") << false
        << protocolError << QStringLiteral("bad_frame");
    QTest::newRow("unknown type") << true
                                  << QByteArray("{\"type\":\"drop_tables\"," + envelope + "}")
                                  << false << protocolError << QStringLiteral("unknown_type");
    QTest::newRow("unsupported version")
        << false << QByteArray("{\"type\":\"ping\",\"v\":99,\"id\":\"" + id + "\",\"sent_at\":1}")
        << false << int(QWebSocketProtocol::CloseCodeDatatypeNotSupported)
        << QStringLiteral("unsupported_version");
    QTest::newRow("frame before hello")
        << false << ProtocolCodec::encode(Protocol::Ping {1}) << false
        << int(QWebSocketProtocol::CloseCodePolicyViolated) << QStringLiteral("hello_required");
    QTest::newRow("second hello") << true
                                  << ProtocolCodec::encode(Protocol::Hello {
                                         storeB, QStringLiteral("b1"), secretB1, 0})
                                  << false << int(QWebSocketProtocol::CloseCodePolicyViolated)
                                  << QStringLiteral("bad_frame");
    QTest::newRow("hub-only message from a console")
        << true << ProtocolCodec::encode(Protocol::Welcome {99}) << false << protocolError
        << QStringLiteral("unexpected_type");
    QTest::newRow("binary frame") << true << QByteArray("\x01\x02\x03", 3) << true
                                  << int(QWebSocketProtocol::CloseCodeDatatypeNotSupported)
                                  << QStringLiteral("bad_frame");
    // 300 KiB, over Protocol::maxFrameBytes: Qt itself closes with 1009 (no error frame).
    QTest::newRow("300 KiB frame")
        << true
        << QByteArray("{\"type\":\"ping\"," + envelope + ",\"pad\":\"" + QByteArray(300 * 1024, 'x')
                      + "\"}")
        << false << int(QWebSocketProtocol::CloseCodeTooMuchData) << QString();
}

void TestHubServer::hostileFrames()
{
    QFETCH(bool, helloFirst);
    QFETCH(QByteArray, frame);
    QFETCH(bool, binary);
    QFETCH(int, closeCode);
    QFETCH(QString, errorCode);

    const quint16 port = m_bed->port();
    HubTestClient good;
    QVERIFY(good.join(port, storeA, QStringLiteral("a2"), secretA2));
    const Order order = HubTest::order(storeA, QStringLiteral("301"));
    good.send(Protocol::Submit {{HubTest::placedAtCounter(order)}});
    QVERIFY(good.waitFor<Protocol::Ack>(1));
    const Snapshot before = snapshot();

    HubTestClient attacker;
    if (helloFirst)
        QVERIFY(attacker.join(port, storeA, QStringLiteral("a1"), secretA1));
    else
        QVERIFY(attacker.open(port));
    if (binary)
        attacker.sendBinary(frame);
    else
        attacker.sendRaw(frame);
    QVERIFY(attacker.waitDisconnected());
    QCOMPARE(int(attacker.closeCode()), closeCode);
    const QList<Protocol::Error> errors = attacker.all<Protocol::Error>();
    if (errorCode.isEmpty()) {
        QVERIFY(errors.isEmpty());
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().code, errorCode);
    }

    // Nothing stored changed, and the well-behaved console carries on.
    const Snapshot after = snapshot();
    QCOMPARE(after.headA, before.headA);
    QCOMPARE(after.headB, before.headB);
    QCOMPARE(after.events, before.events);
    QVERIFY(good.roundTrip(1234));
    QVERIFY(!good.isDisconnected());
    const OrderEvent accept = HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                                  Actor::staff(QStringLiteral("ana")));
    good.send(Protocol::Submit {{accept}});
    QVERIFY(good.waitFor<Protocol::Ack>(2));
    QCOMPARE(good.all<Protocol::Ack>().constLast().seq, before.headA + 1);
    QTRY_COMPARE(m_bed->server().sessionCount(), 1);
}

void TestHubServer::helloTimeoutCloses1008()
{
    HubServerConfig config;
    config.helloTimeoutMs = 100;
    HubServer quick(m_bed->hub(), config);
    QVERIFY(quick.listen(QHostAddress::LocalHost, 0));
    HubTestClient silent;
    QVERIFY(silent.open(quick.serverPort()));
    QVERIFY(silent.waitDisconnected());
    QCOMPARE(silent.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(silent.all<Protocol::Error>().size(), 1);
    QCOMPARE(silent.all<Protocol::Error>().constFirst().code, QStringLiteral("hello_timeout"));
}

void TestHubServer::silentSessionIsDropped()
{
    HubServerConfig config;
    config.idleTimeoutMs = 300;
    HubServer quick(m_bed->hub(), config);
    QVERIFY(quick.listen(QHostAddress::LocalHost, 0));
    HubTestClient chatty;
    HubTestClient silent;
    QVERIFY(chatty.join(quick.serverPort(), storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(silent.join(quick.serverPort(), storeA, QStringLiteral("a2"), secretA2));
    // The chatty one pings well within the timeout and stays; the silent one is dropped.
    qint64 sentAt = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            chatty.send(Protocol::Ping {++sentAt});
            return silent.isDisconnected();
        },
        5000));
    QCOMPARE(silent.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY(!chatty.isDisconnected());
    QVERIFY(chatty.roundTrip(999'999));
}

void TestHubServer::secureWebSocketWithCertificateChecks()
{
    // A certificate for 127.0.0.1 made now, signed by a CA made with it.
    TestCertificate certificate;
    QVERIFY(certificate.create());
    HubServerConfig config;
    config.ssl = certificate.serverConfiguration();
    HubServer secure(m_bed->hub(), config);
    QVERIFY(secure.listen(QHostAddress::LocalHost, 0));
    const QUrl url(QStringLiteral("wss://127.0.0.1:%1").arg(secure.serverPort()));

    // A console that trusts the CA gets in and is served as usual.
    HubTestClient trusting;
    trusting.socket().setSslConfiguration(certificate.trustingConfiguration());
    QVERIFY(trusting.join(url, storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(trusting.roundTrip(5));

    // One that does not trust it refuses the hub's certificate and never connects.
    HubTestClient wary;
    QSignalSpy sslErrors(&wary.socket(), &QWebSocket::sslErrors);
    QVERIFY(sslErrors.isValid());
    QSignalSpy connected(&wary.socket(), &QWebSocket::connected);
    QVERIFY(connected.isValid());
    wary.socket().open(url);
    QVERIFY(sslErrors.wait(5000));
    QVERIFY(connected.isEmpty());
}

void TestHubServer::replayFromCursorInBatches()
{
    constexpr int total = 450;
    constexpr int cursor = 100;
    QList<OrderEvent> events;
    for (int i = 0; i < total; ++i)
        events.append(HubTest::placed(HubTest::order(storeA, QString::number(1000 + i))));
    const QList<SubmitOutcome> outcomes = m_bed->hub().submitAll(events);
    QCOMPARE(outcomes.size(), total);
    QCOMPARE(outcomes.constLast().seq, total);
    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1, cursor));
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().head, total);
    QTRY_COMPARE(a1.events(true).size(), total - cursor);

    const QList<Protocol::Events> frames = a1.all<Protocol::Events>();
    QVERIFY(frames.size() >= 2);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QVERIFY(frames.at(i).replay);
        QVERIFY(frames.at(i).events.size() <= Protocol::maxBatchEvents);
        QCOMPARE(frames.at(i).more, i + 1 < frames.size());
    }
    const QList<Protocol::SequencedEvent> replayed = a1.events(true);
    for (qsizetype i = 0; i < replayed.size(); ++i)
        QCOMPARE(replayed.at(i).seq, cursor + 1 + i);

    // After the replay the session is live.
    const Order next = HubTest::order(storeA, QStringLiteral("9999"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(next)).acked());
    QTRY_COMPARE(a1.events(false).size(), 1);
    QCOMPARE(a1.events(false).constFirst().seq, total + 1);
}

void TestHubServer::replayKeepsToTheConsolesWindow()
{
    constexpr int total = 1000;
    constexpr int window = Protocol::minReplayWindow;
    QList<OrderEvent> events;
    for (int i = 0; i < total; ++i)
        events.append(HubTest::placed(HubTest::order(storeA, QString::number(1000 + i))));
    QCOMPARE(m_bed->hub().submitAll(events).constLast().seq, total);
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    // Asked for less than a batch: the hub grants a whole one, so the replay always moves.
    a1.send(Protocol::Hello {storeA, QStringLiteral("a1"), secretA1, 0, 1});
    QVERIFY(a1.waitFor<Protocol::Welcome>(1));
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().replayWindow, window);
    // The hub stops a window ahead of what the console says it stored, and goes on as it does.
    const auto receivedAfterRoundTrip = [&a1](qint64 sentAt) {
        return a1.roundTrip(sentAt) ? a1.events(true).size() : -1;
    };
    QTRY_COMPARE(a1.events(true).size(), window);
    QCOMPARE(receivedAfterRoundTrip(1), window);
    a1.send(Protocol::Progress {150});
    QTRY_COMPARE(a1.events(true).size(), 150 + window);
    QCOMPARE(receivedAfterRoundTrip(2), 150 + window);
    // Progress past what was sent counts only up to it: no window opens on a console's say-so.
    a1.send(Protocol::Progress {999'999});
    QTRY_COMPARE(a1.events(true).size(), 150 + 2 * window);
    QCOMPARE(receivedAfterRoundTrip(3), 150 + 2 * window);
    // Progress that goes back changes nothing.
    a1.send(Protocol::Progress {10});
    QCOMPARE(receivedAfterRoundTrip(4), 150 + 2 * window);
    while (a1.events(true).size() < total) {
        const qint64 received = a1.events(true).size();
        a1.send(Protocol::Progress {a1.events(true).constLast().seq});
        QTRY_VERIFY(a1.events(true).size() > received);
    }
    const QList<Protocol::SequencedEvent> replayed = a1.events(true);
    for (qsizetype i = 0; i < replayed.size(); ++i)
        QCOMPARE(replayed.at(i).seq, i + 1);
    QCOMPARE(a1.all<Protocol::Events>().constLast().more, false);
    // Live events are not held to the window: the replay is over.
    QVERIFY(m_bed->hub().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("9999"))))
                    .acked());
    QTRY_COMPARE(a1.events(false).size(), 1);
}

void TestHubServer::conflictingEventIsRejectedWithTheWinner()
{
    Order order = HubTest::order(storeA, QStringLiteral("123"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
    const qint64 at = HubTest::startMs() + 31 * 60 * 1000; // 12:31 UTC
    QVERIFY(m_bed->hub()
                .submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                            Actor::staff(QStringLiteral("ana"))))
                .acked());
    const OrderEvent cancel =
        HubTest::transition(order, OrderState::Accepted, OrderState::Cancelled, Actor::platform(),
                            at, QStringLiteral("Customer changed plans"));
    QVERIFY(m_bed->hub().submit(cancel).acked());

    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1, 2));
    const OrderEvent stale = HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                                                 Actor::staff(QStringLiteral("ana")));
    a1.send(Protocol::Submit {{stale}});
    QVERIFY(a1.waitFor<Protocol::Reject>(1));
    const Protocol::Reject reject = a1.all<Protocol::Reject>().constFirst();
    QCOMPARE(reject.eventId, stale.id);
    QVERIFY(reject.conflicting);
    QCOMPARE(*reject.conflicting, cancel);
    QVERIFY2(reject.reason.contains(QStringLiteral("cancelled")), qPrintable(reject.reason));
    QVERIFY2(reject.reason.contains(QStringLiteral("123")), qPrintable(reject.reason));
    QVERIFY2(reject.reason.contains(QStringLiteral("12:31")), qPrintable(reject.reason));
    QCOMPARE(m_bed->log().head(storeA), 3);
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Cancelled);
}

void TestHubServer::stoppingTheHubClosesSessionsGoingAway()
{
    HubTestClient a1;
    HubTestClient b1;
    QVERIFY(a1.join(m_bed->port(), storeA, QStringLiteral("a1"), secretA1));
    QVERIFY(b1.join(m_bed->port(), storeB, QStringLiteral("b1"), secretB1));
    QTRY_COMPARE(m_bed->server().sessionCount(), 2);
    m_bed->server().close();
    QVERIFY(!m_bed->server().isListening());
    QVERIFY(a1.waitDisconnected());
    QVERIFY(b1.waitDisconnected());
    QCOMPARE(a1.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(b1.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(m_bed->server().sessionCount(), 0);
}

QTEST_GUILESS_MAIN(TestHubServer)
#include "tst_hubserver.moc"
