// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "protocol/protocolcodec.h"
#include "sync/syncclient.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// A scripted peer that breaks the protocol's promise of consecutive sequence numbers: the
// console must not save a cursor past the hole, and must have the rest replayed.
class TestSequenceGap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void gapMakesTheConsoleReplay();
};

void TestSequenceGap::gapMakesTheConsoleReplay()
{
    OrderGenerator generator(QStringLiteral("s1"), 3);
    QList<Protocol::SequencedEvent> log;
    for (qint64 seq = 1; seq <= 3; ++seq) {
        const Order order = generator.next(1'764'000'000'000 + seq);
        log.append({seq, OrderEvent::placed(order, Actor::platform(), QStringLiteral("peer"),
                                            order.placedAt)});
    }

    QWebSocketServer peer(QStringLiteral("scripted-peer"), QWebSocketServer::NonSecureMode);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    QList<qint64> helloCursors;
    connect(&peer, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = peer.nextPendingConnection();
        ++connections;
        const bool first = connections == 1;
        connect(socket, &QWebSocket::textMessageReceived, socket, [&, socket, first](const QString &text) {
            const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
            const auto *hello = frame.ok() ? std::get_if<Protocol::Hello>(&frame.message->body)
                                           : nullptr;
            if (!hello)
                return;
            helloCursors.append(hello->cursor);
            socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(Protocol::Welcome{3})));
            Protocol::Events events;
            if (first) {
                events.events = {log.at(0), log.at(2)}; // 2 is missing
            } else {
                for (const Protocol::SequencedEvent &event : std::as_const(log)) {
                    if (event.seq > hello->cursor)
                        events.events.append(event);
                }
            }
            socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(events)));
        });
    });

    QTemporaryDir dir;
    SystemClock clock;
    Store store(dir.filePath(QStringLiteral("c.sqlite")), &clock);
    QVERIFY(store.open());
    EngineConfig engineConfig;
    engineConfig.storeId = QStringLiteral("s1");
    engineConfig.consoleId = QStringLiteral("c1");
    OrderEngine engine(store, clock, engineConfig);
    LinkConfig linkConfig;
    linkConfig.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(peer.serverPort()));
    linkConfig.storeId = QStringLiteral("s1");
    linkConfig.consoleId = QStringLiteral("c1");
    linkConfig.firstReconnectJitterMs = 50;
    PlatformLink link(linkConfig);
    link.setCredential("x");
    SyncClient client(engine, store, link);
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

QTEST_GUILESS_MAIN(TestSequenceGap)
#include "tst_sequencegap.moc"
