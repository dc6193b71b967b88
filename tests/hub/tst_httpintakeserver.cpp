// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HttpIntakeServer under a real QHttpServer on 127.0.0.1: requests over the limits are answered
// from their headers, at once, without the body being buffered; the rest reach the routes.
#include "hub/httpintakeserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 maxBody = 256 * 1024;
constexpr int promptMs = 2000; // an answer from the headers comes at once, never after a wait

QByteArray post(qint64 length, const QByteArray &extraHeaders = {})
{
    return "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: "
        + QByteArray::number(length) + "\r\n" + extraHeaders + "\r\n";
}

/** The peak resident memory of this process (Linux), in KiB. */
qint64 peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

/** A raw HTTP client: sends bytes as given, collects the answer. */
class RawClient final
{
public:
    bool connect(quint16 port)
    {
        QSignalSpy connected(&m_socket, &QTcpSocket::connected);
        if (!connected.isValid())
            return false;
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return connected.wait(5000);
    }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    /** Everything received so far. */
    QByteArray received()
    {
        m_received += m_socket.readAll();
        return m_received;
    }
    /** The status of the first answer, once its head is in (0 until then). */
    int status()
    {
        const QByteArray text = received();
        if (!text.startsWith("HTTP/1.1 ") || !text.contains("\r\n\r\n"))
            return 0;
        return text.mid(9, 3).toInt();
    }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};
} // namespace

class TestHttpIntakeServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void refusedFromTheHead_data();
    void refusedFromTheHead();
    void bodiesWithinTheLimitReachTheRoute_data();
    void bodiesWithinTheLimitReachTheRoute();
    void keepAliveAndPipelinedRequestsAreEachChecked();
    void pipelinedBurstBeyondTheBufferIsAllAnswered();
    void streamedHugeBodyIsNotBuffered();

private:
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

void TestHttpIntakeServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHttpIntakeServer::init()
{
    m_http = std::make_unique<QHttpServer>();
    m_http->route(QStringLiteral("/echo"), [](const QHttpServerRequest &request) {
        return QString::number(request.body().size());
    });
    auto *intake = new HttpIntakeServer(maxBody);
    QVERIFY(intake->listen(QHostAddress::LocalHost, 0));
    m_http->bind(intake);
    m_port = intake->serverPort();
}

void TestHttpIntakeServer::cleanup()
{
    m_http.reset();
}

void TestHttpIntakeServer::refusedFromTheHead_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("one byte over") << post(maxBody + 1) << 413 << QByteArray("body_too_large");
    QTest::newRow("64 MiB") << post(64 * 1024 * 1024) << 413 << QByteArray("body_too_large");
    QTest::newRow("a petabyte") << post(qint64(1) << 50) << 413 << QByteArray("body_too_large");
    QTest::newRow("beyond 64 bits")
        << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400
        << QByteArray("bad_content_length");
    QTest::newRow("negative") << post(-5) << 400 << QByteArray("bad_content_length");
    QTest::newRow("two that differ")
        << post(10, "Content-Length: 20\r\n") << 400 << QByteArray("bad_content_length");
    // QHttpServer skips blank lines before a request line: so must the check (a fuzz finding).
    QTest::newRow("after blank lines")
        << QByteArray("\r\n\r\n" + post(64 * 1024 * 1024)) << 413 << QByteArray("body_too_large");
    QTest::newRow("chunked") << QByteArray(
        "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 411 << QByteArray("length_required");
    QTest::newRow("bare line feeds")
        << QByteArray("POST /echo HTTP/1.1\nContent-Length: 300000\n\n") << 413
        << QByteArray("body_too_large");
    QTest::newRow("head over 16 KiB")
        << QByteArray("POST /echo HTTP/1.1\r\nX-Pad: " + QByteArray(17 * 1024, 'x')) << 431
        << QByteArray("headers_too_large");
}

// A few body bytes follow the head, and the connection stays open: before this server, the
// request waited for a body that never came.
void TestHttpIntakeServer::refusedFromTheHead()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    RawClient client;
    QVERIFY(client.connect(m_port));
    QElapsedTimer timer;
    timer.start();
    client.write(head + "{\"a\":1}");
    QTRY_VERIFY_WITH_TIMEOUT(client.status() != 0, promptMs);
    QCOMPARE(client.status(), status);
    const QByteArray expected = QByteArray("\"error\":\"").append(code).append('"');
    QVERIFY2(client.received().contains(expected), client.received().constData());
    QVERIFY(client.received().contains("Connection: close"));
    QVERIFY(timer.elapsed() < promptMs);
    // The server lets go of the connection.
    QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState,
                              HttpIntakeServer::lingerMs + 3000);
}

void TestHttpIntakeServer::bodiesWithinTheLimitReachTheRoute_data()
{
    QTest::addColumn<qint64>("length");
    QTest::newRow("empty") << qint64(0);
    QTest::newRow("small") << qint64(100);
    QTest::newRow("at the limit") << maxBody;
}

void TestHttpIntakeServer::bodiesWithinTheLimitReachTheRoute()
{
    QFETCH(qint64, length);
    RawClient client;
    QVERIFY(client.connect(m_port));
    // In pieces, so the head and the body arrive over several reads.
    const QByteArray request = post(length) + QByteArray(length, 'b');
    for (qsizetype at = 0; at < request.size(); at += 7000) {
        client.write(request.mid(at, 7000));
        QVERIFY(client.socket().waitForBytesWritten(5000) || client.socket().bytesToWrite() == 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.received().endsWith(QByteArray::number(length)), 5000);
    QCOMPARE(client.status(), 200);
}

// The head of every request on a connection is checked, not only the first one's.
void TestHttpIntakeServer::keepAliveAndPipelinedRequestsAreEachChecked()
{
    RawClient client;
    QVERIFY(client.connect(m_port));
    client.write(post(3) + "abc");
    QTRY_VERIFY_WITH_TIMEOUT(client.received().endsWith("\r\n\r\n3"), 5000);
    // Two at once: a good one, then one over the limit.
    client.write(post(5) + "abcde" + post(maxBody + 1));
    QTRY_VERIFY_WITH_TIMEOUT(client.received().contains("body_too_large"), promptMs);
    QVERIFY(client.received().contains("\r\n\r\n5HTTP/1.1 413"));
}

// The socket's read buffer holds about one request: a burst of several waits in the kernel and is
// read as the requests before it are answered, none lost and none stuck.
void TestHttpIntakeServer::pipelinedBurstBeyondTheBufferIsAllAnswered()
{
    constexpr int count = 8;
    constexpr qint64 length = 200 * 1024;
    RawClient client;
    QVERIFY(client.connect(m_port));
    QByteArray burst;
    for (int i = 0; i < count; ++i)
        burst += post(length) + QByteArray(length, 'b');
    client.write(burst);
    QTRY_COMPARE_WITH_TIMEOUT(client.received().count("HTTP/1.1 200"), count, 10'000);
    QCOMPARE(client.received().count(QByteArray("\r\n\r\n").append(QByteArray::number(length))),
             count);
}

// A client that declares and streams 64 MiB is answered after the head and its bytes are dropped;
// before, QHttpServer held all of it (and a copy) until the route ran.
void TestHttpIntakeServer::streamedHugeBodyIsNotBuffered()
{
    constexpr qint64 total = 64 * 1024 * 1024;
    const qint64 peakBefore = peakKiB();
    QVERIFY(peakBefore > 0);
    RawClient client;
    QVERIFY(client.connect(m_port));
    // The client streams as fast as the hub takes it, answer or not, until all 64 MiB are out or
    // the hub closes the connection.
    const QByteArray chunk(64 * 1024, 'z');
    qint64 sent = 0;
    QObject::connect(&client.socket(), &QTcpSocket::bytesWritten, &client.socket(), [&] {
        if (sent < total && client.socket().bytesToWrite() < 4 * chunk.size()) {
            client.write(chunk);
            sent += chunk.size();
        }
    });
    client.write(post(total) + chunk);
    sent = chunk.size();
    QTRY_VERIFY_WITH_TIMEOUT(client.status() != 0, promptMs);
    QCOMPARE(client.status(), 413);
    QTRY_VERIFY_WITH_TIMEOUT(sent >= total
                                 || client.socket().state() != QAbstractSocket::ConnectedState,
                             HttpIntakeServer::lingerMs + 10'000);
    const qint64 grownKiB = peakKiB() - peakBefore;
    QVERIFY2(grownKiB < 16 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(grownKiB)));
}

QTEST_GUILESS_MAIN(TestHttpIntakeServer)
#include "tst_httpintakeserver.moc"
