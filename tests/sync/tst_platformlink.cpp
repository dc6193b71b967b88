// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PlatformLink against a scripted hub that closes the first session with 1008: a refusal is
// shown to staff, a drop for falling behind (slow_consumer) is not; both reconnect.
#include "sync/platformlink.h"
#include "protocol/protocolcodec.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

class TestPlatformLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void policyCloseIsShownUnlessSlowConsumer_data();
    void policyCloseIsShownUnlessSlowConsumer();
};

void TestPlatformLink::policyCloseIsShownUnlessSlowConsumer_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("problems");
    QTest::newRow("slow consumer") << QString(Protocol::slowConsumerReason) << 0;
    QTest::newRow("unauthorized") << QStringLiteral("unauthorized") << 1;
}

void TestPlatformLink::policyCloseIsShownUnlessSlowConsumer()
{
    QFETCH(QString, reason);
    QFETCH(int, problems);

    QWebSocketServer peer(QStringLiteral("scripted-hub"), QWebSocketServer::NonSecureMode);
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    int hellos = 0;
    connect(&peer, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *socket = peer.nextPendingConnection();
        socket->setParent(&peer); // the caller owns accepted sockets
        connect(socket, &QWebSocket::textMessageReceived, socket, [&, socket](const QString &text) {
            const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
            if (!frame.ok() || !std::holds_alternative<Protocol::Hello>(frame.message->body))
                return;
            socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(Protocol::Welcome {0})));
            if (++hellos == 1)
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
        });
    });

    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(peer.serverPort()));
    config.storeId = QStringLiteral("s1");
    config.consoleId = QStringLiteral("c1");
    config.firstReconnectJitterMs = 50;
    config.backoffBaseMs = 50;
    PlatformLink link(config);
    link.setCredential("x");
    QSignalSpy problemSpy(&link, &PlatformLink::problem);
    QVERIFY(problemSpy.isValid());
    QVERIFY(link.start());

    QTRY_COMPARE(hellos, 2); // it came back either way
    QCOMPARE(problemSpy.count(), problems);
    link.stop();
}

QTEST_GUILESS_MAIN(TestPlatformLink)
#include "tst_platformlink.moc"
