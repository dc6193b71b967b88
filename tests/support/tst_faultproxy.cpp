// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

constexpr int timeoutMs = 5'000;

// A real server on 127.0.0.1 that echoes what it receives and keeps its sockets for inspection.
class EchoServer final : public QObject
{
public:
    EchoServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray data = socket->readAll();
                    received += data;
                    if (echo)
                        socket->write(data);
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }
    QTcpServer &server() { return m_server; }

    QList<QPointer<QTcpSocket>> sockets;
    QByteArray received;
    bool echo = true;

private:
    QTcpServer m_server;
};

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void passRelaysBothWays();
    void dropAfterBytesCutsMidStream();
    void delayHoldsEveryChunkInOrder();
    void blackHoleHoldsAHalfOpenLink();
    void refuseClosesNewConnectionsOnly();
    void disconnectAllCutsBothSides();
    void deadUpstreamClosesTheClient();
    void setTargetFollowsARestartedServer();

private:
    std::unique_ptr<QTcpSocket> connectClient();

    std::unique_ptr<EchoServer> m_echo;
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestFaultProxy::init()
{
    m_echo = std::make_unique<EchoServer>();
    QVERIFY(m_echo->listen());
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, m_echo->port()));
    QVERIFY(m_proxy->port() != 0);
    QCOMPARE(m_proxy->url().toString(), u"ws://127.0.0.1:" + QString::number(m_proxy->port()));
}

void TestFaultProxy::cleanup()
{
    m_proxy.reset();
    m_echo.reset();
}

// A client connected through the proxy, with the echo server's side of it established too.
std::unique_ptr<QTcpSocket> TestFaultProxy::connectClient()
{
    auto client = std::make_unique<QTcpSocket>();
    QSignalSpy connected(client.get(), &QTcpSocket::connected);
    if (!connected.isValid())
        return {};
    QSignalSpy upstream(&m_echo->server(), &QTcpServer::newConnection);
    if (!upstream.isValid())
        return {};
    client->connectToHost(QHostAddress::LocalHost, m_proxy->port());
    if (!connected.wait(timeoutMs))
        return {};
    if (upstream.isEmpty() && !upstream.wait(timeoutMs))
        return {};
    return client;
}

void TestFaultProxy::passRelaysBothWays()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("hello");
    QTRY_COMPARE_WITH_TIMEOUT(client->bytesAvailable(), 5, timeoutMs);
    QCOMPARE(client->readAll(), QByteArray("hello"));
    QCOMPARE(m_proxy->connectionsAccepted(), 1);
    QCOMPARE(m_proxy->activeConnections(), 1);
    QCOMPARE(m_proxy->bytesToServer(), 5);
    QCOMPARE(m_proxy->bytesToClient(), 5);
}

void TestFaultProxy::dropAfterBytesCutsMidStream()
{
    auto client = connectClient();
    QVERIFY(client);
    QPointer<QTcpSocket> serverSide = m_echo->sockets.last();
    QSignalSpy clientGone(client.get(), &QTcpSocket::disconnected);
    QVERIFY(clientGone.isValid());
    QSignalSpy serverGone(serverSide.data(), &QTcpSocket::disconnected);
    QVERIFY(serverGone.isValid());
    QSignalSpy closed(m_proxy.get(), &FaultProxy::connectionClosed);
    QVERIFY(closed.isValid());

    m_proxy->setDropAfterBytes(10);
    const QByteArray frame(100, 'f');
    serverSide->write(frame);

    QVERIFY(clientGone.wait(timeoutMs));
    QCOMPARE(client->readAll(), frame.left(10)); // exactly n bytes, then the cut
    QTRY_COMPARE_WITH_TIMEOUT(serverGone.count(), 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, timeoutMs);
    QCOMPARE(m_proxy->bytesToClient(), 10);
    QCOMPARE(m_proxy->activeConnections(), 0);
}

void TestFaultProxy::delayHoldsEveryChunkInOrder()
{
    auto client = connectClient();
    QVERIFY(client);
    m_proxy->setDelay(200ms);
    QCOMPARE(m_proxy->mode(), FaultProxy::Mode::Delay);

    QElapsedTimer elapsed;
    elapsed.start();
    client->write("one,");
    client->flush();
    QTest::qWait(20); // a second chunk, not coalesced with the first
    client->write("two");
    QTRY_COMPARE_WITH_TIMEOUT(client->bytesAvailable(), 7, timeoutMs);
    QVERIFY2(elapsed.elapsed() >= 2 * 200, "held on the way in and on the way out");
    QCOMPARE(client->readAll(), QByteArray("one,two"));
    QCOMPARE(m_echo->received, QByteArray("one,two"));
}

void TestFaultProxy::blackHoleHoldsAHalfOpenLink()
{
    auto client = connectClient();
    QVERIFY(client);
    QPointer<QTcpSocket> serverSide = m_echo->sockets.last();
    m_proxy->setBlackHole();

    QSignalSpy clientRead(client.get(), &QTcpSocket::readyRead);
    QVERIFY(clientRead.isValid());
    QSignalSpy serverRead(serverSide.data(), &QTcpSocket::readyRead);
    QVERIFY(serverRead.isValid());
    client->write("lost");
    serverSide->write("also lost");
    // In Pass mode either byte would arrive in well under a millisecond on loopback.
    QVERIFY(!clientRead.wait(300));
    QCOMPARE(serverRead.count(), 0);
    QCOMPARE(m_echo->received, QByteArray());
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(serverSide->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_proxy->bytesDropped(), 13);

    // The server hangs up; the client is not told, as on a link that died silently.
    QSignalSpy clientGone(client.get(), &QTcpSocket::disconnected);
    QVERIFY(clientGone.isValid());
    serverSide->disconnectFromHost();
    QVERIFY(!clientGone.wait(300));
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);

    // Healing the link passes the close on.
    m_proxy->setPass();
    QVERIFY(clientGone.wait(timeoutMs));
}

void TestFaultProxy::refuseClosesNewConnectionsOnly()
{
    auto established = connectClient();
    QVERIFY(established);
    m_proxy->setRefuse();
    QSignalSpy refused(m_proxy.get(), &FaultProxy::connectionRefused);
    QVERIFY(refused.isValid());

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QVERIFY(refused.wait(timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, timeoutMs);
    QCOMPARE(m_proxy->connectionsRefused(), 1);
    QCOMPARE(m_proxy->connectionsAccepted(), 1);
    QCOMPARE(m_echo->sockets.size(), 1); // the refused one never reached the server

    established->write("still here");
    QTRY_COMPARE_WITH_TIMEOUT(established->bytesAvailable(), 10, timeoutMs);
}

void TestFaultProxy::disconnectAllCutsBothSides()
{
    auto first = connectClient();
    auto second = connectClient();
    QVERIFY(first);
    QVERIFY(second);
    QCOMPARE(m_proxy->activeConnections(), 2);

    m_proxy->disconnectAll();
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), QAbstractSocket::UnconnectedState, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), QAbstractSocket::UnconnectedState, timeoutMs);
    for (const auto &serverSide : std::as_const(m_echo->sockets))
        QTRY_VERIFY_WITH_TIMEOUT(
            !serverSide || serverSide->state() == QAbstractSocket::UnconnectedState, timeoutMs);
    QCOMPARE(m_proxy->activeConnections(), 0);
    QCOMPARE(m_proxy->connectionsAccepted(), 2);
}

void TestFaultProxy::deadUpstreamClosesTheClient()
{
    m_echo->close(); // nothing listens on the target port any more
    QTcpSocket client;
    QSignalSpy closed(m_proxy.get(), &FaultProxy::connectionClosed);
    QVERIFY(closed.isValid());
    client.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QVERIFY(closed.wait(timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, timeoutMs);
}

void TestFaultProxy::setTargetFollowsARestartedServer()
{
    EchoServer restarted;
    QVERIFY(restarted.listen());
    m_proxy->setTarget(QHostAddress::LocalHost, restarted.port());

    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    QVERIFY(connected.isValid());
    client.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QVERIFY(connected.wait(timeoutMs));
    client.write("again");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), 5, timeoutMs);
    QCOMPARE(restarted.received, QByteArray("again"));
    QCOMPARE(m_echo->received, QByteArray());
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
