// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The console's webhook listener on 127.0.0.1, spoken to over a raw socket: what it refuses before
// reading a body, and that what it lets through still reaches the POS's feed.
#include "enginetestbed.h"

#include "pos/posfeed.h"
#include "pos/poshttp.h"
#include "pos/poswebhooklistener.h"
#include "pos/square/squarevendor.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString path = QStringLiteral("/pos/square");
constexpr qsizetype overHeaderLimit = 65 * 1024; // the listener reads 64 KiB of headers at most

/** A request's head as a webhook sender writes it, with the headers given. */
QByteArray head(const QByteArray &headers)
{
    return "POST /pos/square HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + headers + "\r\n";
}
} // namespace

class TestPosWebhookListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aHugeContentLengthIsRefusedBeforeItsBody();
    void headersWithoutEndAreRefused();
    void aChunkedBodyOverTheLimitIsRefusedOnceRead();
    void aRequestThatPassesReachesTheFeed();

private:
    /** Connects to the listener and writes bytes; null when it cannot connect. */
    std::unique_ptr<QTcpSocket> send(const QByteArray &bytes);
    /** The status of the answer on socket so far (0 while none came), from its status line. */
    static int status(QTcpSocket &socket, QByteArray &answer);

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<SquareVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosFeed> m_feed;
    std::unique_ptr<PosWebhookListener> m_listener;
};

void TestPosWebhookListener::init()
{
    EngineConfig config;
    config.storeId = QStringLiteral("store-1");
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    // A feed that is never started: no call leaves for Square, webhooks are only checked.
    m_vendor = std::make_unique<SquareVendor>(
            SquareVendor::Config {QStringLiteral("LOC1"), QStringLiteral("USD"), "key"});
    m_http = std::make_unique<PosHttp>(*m_vendor, m_bed->clock());
    m_feed = std::make_unique<PosFeed>(*m_vendor, *m_http, m_bed->engine(), m_bed->store(),
                                       m_bed->clock(), PosFeed::Config {});
    m_listener = std::make_unique<PosWebhookListener>();
    QVERIFY(m_listener->listen());
    m_listener->route(path, m_feed.get());
}

void TestPosWebhookListener::cleanup()
{
    m_listener.reset();
    m_feed.reset();
    m_http.reset();
    m_vendor.reset();
    m_bed.reset();
}

std::unique_ptr<QTcpSocket> TestPosWebhookListener::send(const QByteArray &bytes)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_listener->port());
    if (!socket->waitForConnected(5000))
        return nullptr;
    socket->write(bytes);
    return socket;
}

int TestPosWebhookListener::status(QTcpSocket &socket, QByteArray &answer)
{
    answer += socket.readAll();
    if (!answer.startsWith("HTTP/1.1 ") || answer.size() < 12)
        return 0;
    return answer.mid(9, 3).toInt();
}

void TestPosWebhookListener::aHugeContentLengthIsRefusedBeforeItsBody()
{
    QSignalSpy refused(m_listener.get(), &PosWebhookListener::refused);
    QVERIFY(refused.isValid());
    // A gigabyte announced, a few bytes sent: the answer comes now, not after the gigabyte.
    const std::unique_ptr<QTcpSocket> socket =
            send(head("Content-Length: 1073741824\r\n") + "{\"ty");
    QVERIFY(socket);
    QByteArray answer;
    QTRY_VERIFY(status(*socket, answer) != 0);
    QCOMPARE(status(*socket, answer), 413);
    QVERIFY(answer.contains("larger than any webhook"));
    QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState); // closed by the listener
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.constFirst().constFirst().toString(), path);
}

void TestPosWebhookListener::headersWithoutEndAreRefused()
{
    QSignalSpy refused(m_listener.get(), &PosWebhookListener::refused);
    QVERIFY(refused.isValid());
    const QByteArray endless = "X-Padding: " + QByteArray(overHeaderLimit, 'a') + "\r\n";
    const std::unique_ptr<QTcpSocket> socket = send(head({}).chopped(2) + endless);
    QVERIFY(socket);
    QByteArray answer;
    QTRY_VERIFY(status(*socket, answer) != 0);
    QCOMPARE(status(*socket, answer), 431);
    QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(refused.size(), 1);
}

void TestPosWebhookListener::aChunkedBodyOverTheLimitIsRefusedOnceRead()
{
    // No length announced: only the body's size read says it is too large.
    QByteArray chunked = head("Transfer-Encoding: chunked\r\n");
    const QByteArray chunk(64 * 1024, 'x');
    for (qsizetype sent = 0; sent <= PosWebhookListener::maxBodyBytes; sent += chunk.size())
        chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    chunked += "0\r\n\r\n";
    const std::unique_ptr<QTcpSocket> socket = send(chunked);
    QVERIFY(socket);
    QByteArray answer;
    QTRY_VERIFY(status(*socket, answer) != 0);
    QCOMPARE(status(*socket, answer), 413);
}

void TestPosWebhookListener::aRequestThatPassesReachesTheFeed()
{
    QSignalSpy refused(m_feed.get(), &PosFeed::webhookRefused);
    QVERIFY(refused.isValid());
    // Square's signature is wrong: the feed read it (401), so the gate handed it over whole.
    const QByteArray body = "{\"type\":\"order.created\"}";
    const std::unique_ptr<QTcpSocket> socket =
            send(head("Content-Length: " + QByteArray::number(body.size())
                      + "\r\nX-Square-Hmacsha256-Signature: nope\r\n")
                 + body);
    QVERIFY(socket);
    QByteArray answer;
    QTRY_VERIFY(status(*socket, answer) != 0);
    QCOMPARE(status(*socket, answer), 401);
    QCOMPARE(refused.size(), 1);
    QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState); // one request a connection
}

QTEST_GUILESS_MAIN(TestPosWebhookListener)
#include "tst_poswebhooklistener.moc"
