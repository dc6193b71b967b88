// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HttpHead, the hub intake's reading of a request's head, in bytes: where a head ends, what it
// holds, how it is refused; and the fuzz findings (fuzz_hub_http) that shaped it.
#include "hub/httphead.h"

#include <QFile>
#include <QTest>

namespace {
constexpr qint64 maxBody = 256 * 1024;

QByteArray finding(const QString &name)
{
    QFile file(qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/fuzz/findings/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The status of head's refusal, 0 when it may go on. */
int refusalStatus(const QByteArray &head)
{
    const QByteArray answer = HttpHead::read(head).refusal(maxBody);
    return answer.isEmpty() ? 0 : answer.mid(9, 3).toInt();
}
} // namespace

class TestHttpHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHeadEndsAtItsFirstBlankLine_data();
    void aHeadEndsAtItsFirstBlankLine();
    void fieldsReadTrimmedAndInOrder();
    void refusedForItsBodyLength_data();
    void refusedForItsBodyLength();
    void aLineWithNoNameIsNoHeader();
    void blankLinesBeforeARequestStartNoHead();
    void aRequestLineIsKeptAsQtReadsIt();
};

void TestHttpHead::aHeadEndsAtItsFirstBlankLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("end");
    const QByteArray crlf = "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n";
    QTest::newRow("CRLF") << crlf + "{}" << crlf.size();
    const QByteArray lf = "POST /x HTTP/1.1\nContent-Length: 2\n\n";
    QTest::newRow("bare LF") << lf + "{}" << lf.size();
    const QByteArray mixed = "GET / HTTP/1.1\r\nHost: a\n\r\n";
    QTest::newRow("LF then CRLF") << mixed + "GET" << mixed.size();
    QTest::newRow("no headers") << QByteArray("GET / HTTP/1.1\r\n\r\n") << qsizetype(18);
    QTest::newRow("not yet") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << qsizetype(-1);
}

void TestHttpHead::aHeadEndsAtItsFirstBlankLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, end);
    QCOMPARE(HttpHead::endIn(bytes), end);
}

void TestHttpHead::fieldsReadTrimmedAndInOrder()
{
    const HttpHead head = HttpHead::read("POST /v1/stores/s/orders HTTP/1.1\r\n"
                                         "Host:127.0.0.1\r\n"
                                         "Idempotency-Key :  \"k-1\" \r\n"
                                         "not a header\r\n"
                                         "Content-Length: 12\r\n\r\n");
    QCOMPARE(head.requestLine, QByteArray("POST /v1/stores/s/orders HTTP/1.1"));
    const QList<QPair<QByteArray, QByteArray>> fields {{"Host", "127.0.0.1"},
                                                       {"Idempotency-Key", "\"k-1\""},
                                                       {"Content-Length", "12"}};
    QCOMPARE(head.fields, fields);
    QCOMPARE(head.bodyLength(), qint64(12));
    const HttpHead again = HttpHead::read(head.toBytes());
    QCOMPARE(again.requestLine, head.requestLine);
    QCOMPARE(again.fields, head.fields);
}

void TestHttpHead::refusedForItsBodyLength_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<int>("status");
    QTest::newRow("none") << QByteArray() << 0;
    QTest::newRow("at the limit") << QByteArray("Content-Length: 262144\r\n") << 0;
    QTest::newRow("one over") << QByteArray("content-length: 262145\r\n") << 413;
    QTest::newRow("two the same") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n") << 0;
    QTest::newRow("two that differ")
            << QByteArray("Content-Length: 5\r\nContent-Length: 300000\r\n") << 400;
    QTest::newRow("not a number") << QByteArray("Content-Length: 0x10\r\n") << 400;
    QTest::newRow("negative") << QByteArray("Content-Length: -1\r\n") << 400;
    QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n") << 411;
}

void TestHttpHead::refusedForItsBodyLength()
{
    QFETCH(QByteArray, fields);
    QFETCH(int, status);
    QCOMPARE(refusalStatus("POST /x HTTP/1.1\r\n" + fields + "\r\n"), status);
}

// fuzz_hub_http's first finding: a line " :value" was read as a header with an empty name, which
// no client sends and which does not survive the head's own re-serialisation.
void TestHttpHead::aLineWithNoNameIsNoHeader()
{
    const QByteArray input = finding(QStringLiteral("http-header-with-no-name"));
    QVERIFY(input.contains("\n :\r"));
    // Read whole, as one head: every line of it, the nameless one too, is looked at.
    const HttpHead head = HttpHead::read(input);
    QVERIFY(head.fields.size() > 5);
    for (const auto &[name, value] : head.fields)
        QVERIFY2(!name.isEmpty(), value.constData());
    const HttpHead again = HttpHead::read(head.toBytes());
    QCOMPARE(again.requestLine, head.requestLine);
    QCOMPARE(again.fields, head.fields);
    QCOMPARE(HttpHead::read("GET / HTTP/1.1\r\n :value\r\nHost: a\r\n\r\n").fields.size(), 1);
}

// fuzz_hub_http's second finding: QHttpServer skips blank lines before a request line, but the
// intake took them for a whole head with no Content-Length and let the request after them
// through unchecked, so a body of any size reached QHttpServer.
void TestHttpHead::blankLinesBeforeARequestStartNoHead()
{
    const QByteArray input = finding(QStringLiteral("http-blank-lines-before-a-request"));
    QVERIFY(input.startsWith("\n\r\nPOST /v1/stores/store-a/orders HTTP/1.1\r\n"));
    const qsizetype end = HttpHead::endIn(input);
    QVERIFY(end > 3);
    const HttpHead head = HttpHead::read(input.left(end));
    QCOMPARE(head.requestLine, QByteArray("POST /v1/stores/store-a/orders HTTP/1.1"));
    // What the fuzzer sent after the blank lines: two Content-Lengths, one over the limit.
    QVERIFY(head.fields.contains({"Content-Length", "300000"}));
    QCOMPARE(refusalStatus(input.left(end)), 400);
    // Only blank lines: no head yet, whatever their number.
    QCOMPARE(HttpHead::endIn("\r\n\r\n\n\n \t\v"), qsizetype(-1));
    const QByteArray late = "\r\n\r\nGET / HTTP/1.1\r\nContent-Length: 999999\r\n\r\n";
    QCOMPARE(HttpHead::endIn(late), late.size());
    QCOMPARE(refusalStatus(late), 413);
}

// fuzz_hub_http's third finding: a request line of a form feed was trimmed to nothing, and the
// head, written out again, began with its first header instead.
void TestHttpHead::aRequestLineIsKeptAsQtReadsIt()
{
    const QByteArray input = finding(QStringLiteral("http-request-line-of-white-space"));
    QVERIFY(input.startsWith("\f\r\n"));
    const HttpHead head = HttpHead::read(input.left(HttpHead::endIn(input)));
    QCOMPARE(head.requestLine, QByteArray("\f"));
    QCOMPARE(head.fields.size(), 1);
    const HttpHead again = HttpHead::read(head.toBytes());
    QCOMPARE(again.requestLine, head.requestLine);
    QCOMPARE(again.fields, head.fields);
    QCOMPARE(HttpHead::read("GET / HTTP/1.1 \r\n\r\n").requestLine, QByteArray("GET / HTTP/1.1 "));
}

QTEST_GUILESS_MAIN(TestHttpHead)
#include "tst_httphead.moc"
