// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "protocol/protocolcodec.h"
#include "sync/historybackfill.h"
#include "sync/syncclient.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {
EngineConfig engineConfig()
{
    EngineConfig config;
    config.storeId = QStringLiteral("s1");
    config.consoleId = QStringLiteral("c1");
    return config;
}

LinkConfig linkConfig(quint16 port)
{
    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    config.storeId = QStringLiteral("s1");
    config.consoleId = QStringLiteral("c1");
    config.firstReconnectJitterMs = 50;
    config.backoffBaseMs = 50;
    return config;
}

// Store s1's log on the scripted peer: count orders placed, at seqs 1 to count.
QList<Protocol::SequencedEvent> placedLog(quint32 seed, int count)
{
    OrderGenerator generator(QStringLiteral("s1"), seed);
    QList<Protocol::SequencedEvent> log;
    for (qint64 seq = 1; seq <= count; ++seq) {
        const Order order = generator.next(1'764'000'000'000 + seq);
        log.append({seq, OrderEvent::placed(order, Actor::platform(), QStringLiteral("peer"),
                                            order.placedAt)});
    }
    return log;
}

void sendTo(QWebSocket *socket, const Protocol::Body &body)
{
    socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(body)));
}

// Console c1 of store s1, as main() wires it, against the scripted peer on port.
struct Console
{
    explicit Console(quint16 port)
        : link(linkConfig(port))
    {
        link.setCredential("x");
    }

    QTemporaryDir dir;
    SystemClock clock;
    Store store {dir.filePath(QStringLiteral("c.sqlite")), &clock};
    bool opened = bool(store.open());
    OrderEngine engine {store, clock, engineConfig()};
    PlatformLink link;
    SyncClient client {engine, store, link};
    HistoryBackfill history {engine, store, link};
};
} // namespace

// A scripted peer that breaks the protocol's promise of consecutive sequence numbers: the
// console must not save a cursor past the hole, and must have the rest replayed.
class TestSequenceGap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void gapMakesTheConsoleReplay();
    void snapshotSkipsSeqsOnlyWhenAnnounced_data();
    void snapshotSkipsSeqsOnlyWhenAnnounced();
    void aBrokenHistoryAnswerIsAskedForAgain_data();
    void aBrokenHistoryAnswerIsAskedForAgain();
};

void TestSequenceGap::gapMakesTheConsoleReplay()
{
    const QList<Protocol::SequencedEvent> log = placedLog(3, 3);

    QWebSocketServer peer(QStringLiteral("scripted-peer"), QWebSocketServer::NonSecureMode);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    QList<qint64> helloCursors;
    connect(&peer, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = peer.nextPendingConnection();
        socket->setParent(&peer); // the caller owns accepted sockets
        ++connections;
        const bool first = connections == 1;
        connect(socket, &QWebSocket::textMessageReceived, socket, [&, socket, first](const QString &text) {
            const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
            const auto *hello = frame.ok() ? std::get_if<Protocol::Hello>(&frame.message->body)
                                           : nullptr;
            if (!hello)
                return;
            helloCursors.append(hello->cursor);
            sendTo(socket, Protocol::Welcome {3});
            Protocol::Events events;
            if (first) {
                events.events = {log.at(0), log.at(2)}; // 2 is missing
            } else {
                for (const Protocol::SequencedEvent &event : std::as_const(log)) {
                    if (event.seq > hello->cursor)
                        events.events.append(event);
                }
            }
            sendTo(socket, events);
        });
    });

    Console console(peer.serverPort());
    QVERIFY(console.opened);
    Store &store = console.store;
    SyncClient &client = console.client;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("gap in the platform")));
    QVERIFY(client.start());

    QTRY_COMPARE(store.eventCount(), 3);
    QTRY_COMPARE(client.cursor(), 3);
    QCOMPARE(connections, 2);
    QCOMPARE(helloCursors.constFirst(), 0);
    QVERIFY(helloCursors.constLast() <= 1); // never past the hole
    for (const Protocol::SequencedEvent &event : std::as_const(log))
        QVERIFY(store.hasEvent(event.event.id));
    client.stop();
}

void TestSequenceGap::snapshotSkipsSeqsOnlyWhenAnnounced_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("announced at welcome") << true;
    QTest::newRow("not announced") << false;
}

// A snapshot frame leaves out seqs on purpose: the console takes it, and its cursor goes to the
// frame's snapshot_through, only after a welcome that said a snapshot follows. Otherwise it is a
// gap like any other: nothing past it is saved, and the console asks again (the peer then sends
// the whole log).
void TestSequenceGap::snapshotSkipsSeqsOnlyWhenAnnounced()
{
    QFETCH(bool, announced);
    const QList<Protocol::SequencedEvent> log = placedLog(5, 5);
    QWebSocketServer peer(QStringLiteral("scripted-peer"), QWebSocketServer::NonSecureMode);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QList<Protocol::Hello> hellos;
    connect(&peer, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = peer.nextPendingConnection();
        socket->setParent(&peer); // the caller owns accepted sockets
        connect(socket, &QWebSocket::textMessageReceived, socket, [&, socket](const QString &text) {
            const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
            const auto *hello = frame.ok() ? std::get_if<Protocol::Hello>(&frame.message->body)
                                           : nullptr;
            if (!hello)
                return;
            hellos.append(*hello);
            const bool snapshot = hellos.size() == 1;
            Protocol::Welcome welcome {5};
            welcome.snapshot = snapshot && announced;
            sendTo(socket, welcome);
            Protocol::Events events {{}, true, false};
            if (snapshot) {
                events.events = {log.at(1), log.at(3)}; // seqs 2 and 4 of 5
                events.snapshotThrough = 5;
            } else {
                for (const Protocol::SequencedEvent &event : std::as_const(log)) {
                    if (event.seq > hello->cursor)
                        events.events.append(event);
                }
            }
            sendTo(socket, events);
        });
    });

    Console console(peer.serverPort());
    QVERIFY(console.opened);
    Store &store = console.store;
    SyncClient &client = console.client;
    if (announced)
        QTest::failOnWarning(QRegularExpression(QStringLiteral("gap|snapshot")));
    else
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("snapshot frame the hub did not")));
    QVERIFY(client.start());

    if (announced) {
        QTRY_COMPARE(client.cursor(), 5);
        QCOMPARE(store.eventCount(), 2);
        QVERIFY(store.hasEvent(log.at(1).event.id));
        QVERIFY(store.hasEvent(log.at(3).event.id));
    } else {
        QTRY_COMPARE(store.eventCount(), 5);
        QTRY_COMPARE(client.cursor(), 5);
        QCOMPARE(hellos.size(), 2);
        QCOMPARE(hellos.constLast().cursor, 0); // nothing of the unannounced frame was kept
    }
    QVERIFY(hellos.constFirst().bootstrap); // a fresh console asks for one
    client.stop();
}

void TestSequenceGap::aBrokenHistoryAnswerIsAskedForAgain_data()
{
    QTest::addColumn<bool>("withAGap");
    QTest::newRow("a gap in the answer") << true;
    QTest::newRow("an empty answer") << false;
}

// The history before a snapshot is stored without a hole too: an answer with a gap is taken up to
// the gap, an answer with nothing in it short of the goal is no answer, and either way the
// console asks again from its history cursor after a backoff, until the history is whole.
void TestSequenceGap::aBrokenHistoryAnswerIsAskedForAgain()
{
    QFETCH(bool, withAGap);
    const QList<Protocol::SequencedEvent> log = placedLog(9, 6);
    QWebSocketServer peer(QStringLiteral("scripted-peer"), QWebSocketServer::NonSecureMode);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QList<Protocol::History> asked;
    connect(&peer, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = peer.nextPendingConnection();
        socket->setParent(&peer); // the caller owns accepted sockets
        connect(socket, &QWebSocket::textMessageReceived, socket, [&, socket](const QString &text) {
            const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
            if (!frame.ok())
                return;
            if (std::holds_alternative<Protocol::Hello>(frame.message->body)) {
                Protocol::Welcome welcome {6};
                welcome.snapshot = true;
                sendTo(socket, welcome);
                sendTo(socket, Protocol::Events {{log.at(5)}, true, false, 6});
                return;
            }
            const auto *history = std::get_if<Protocol::History>(&frame.message->body);
            if (!history)
                return;
            asked.append(*history);
            Protocol::Events answer {{}, false, false};
            answer.history = true;
            if (asked.size() > 1) {
                for (const Protocol::SequencedEvent &event : std::as_const(log)) {
                    if (event.seq > history->after && event.seq <= history->through)
                        answer.events.append(event);
                }
            } else if (withAGap) {
                answer.events = {log.at(0), log.at(1), log.at(3)}; // 3 is missing
            }
            sendTo(socket, answer);
        });
    });

    Console console(peer.serverPort());
    QVERIFY(console.opened);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(withAGap ? QStringLiteral("seq 4 where 3")
                                                     : QStringLiteral("sent nothing after 0")));
    QVERIFY(console.client.start());
    QTRY_COMPARE(console.history.storedThrough(), 6);
    QCOMPARE(console.history.goal(), 6);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.constFirst().after, 0);
    QCOMPARE(asked.constLast().after, withAGap ? 2 : 0);
    QCOMPARE(asked.constLast().through, 6);
    QTRY_COMPARE(console.store.eventCount(), 6);
    for (const Protocol::SequencedEvent &event : std::as_const(log))
        QVERIFY(console.store.hasEvent(event.event.id));
    console.client.stop();
}

QTEST_GUILESS_MAIN(TestSequenceGap)
#include "tst_sequencegap.moc"
