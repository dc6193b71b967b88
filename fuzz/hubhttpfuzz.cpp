// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as what a client sends on one connection to the hub's HTTP API,
// requests back to back. Each request's head goes through HttpHead as HttpIntakeServer reads it;
// what passes goes on as Qt 6.4's QHttpServer would read it (modelled below), and an order's body
// through PlaceOrderBody as HubHttpApi reads it. What must hold:
// - nothing crashes;
// - no request the intake lets through has a body QHttpServer would read over
//   HubHttpApi::maxBodyBytes, or a chunked one (the intake is the only place bodies are bounded);
// - a head re-serialises: HttpHead::read(head.toBytes()) is the same head, with the same verdict;
// - a refusal is a whole HTTP answer whose Content-Length is its body's;
// - an order the hub places is one a console can read back: the event survives its own JSON
//   round trip with the limits enforced, for the store the path names.
#include "hub/httphead.h"
#include "hub/httpintakeserver.h"
#include "hub/hubhttpapi.h"
#include "hub/placeorderbody.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {
[[noreturn]] void fail(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "hub HTTP intake broken: %s %s\n", what, detail.left(200).constData());
    __builtin_trap();
}

/** How QHttpServer 6.4 frames a request (qhttpserverrequest.cpp), as far as its size goes. */
struct QtRequest
{
    enum { Incomplete, Dropped, Framed } state = Incomplete;
    qsizetype headEnd = 0; // from the first byte, leading whitespace included
    QByteArray requestLine;
    qint64 bodyLength = 0; // the largest Content-Length any header line could be read as
    bool chunked = false;
};

QtRequest qtRequest(const QByteArray &bytes)
{
    QtRequest request;
    qsizetype at = 0;
    // Whitespace before a request line is skipped, one byte at a time.
    while (at < bytes.size() && QByteArrayView(" \t\r\n\v").contains(bytes.at(at)))
        ++at;
    const qsizetype lineEnd = bytes.indexOf('\n', at);
    if (lineEnd < 0)
        return request;
    request.requestLine = bytes.mid(at, lineEnd - at);
    if (request.requestLine.endsWith('\r'))
        request.requestLine.chop(1);
    const QList<QByteArray> words = request.requestLine.split(' ');
    if (words.size() < 3 || words.last().size() != 8 || !words.last().startsWith("HTTP")) {
        request.state = QtRequest::Dropped; // the server closes the connection
        return request;
    }
    // The headers end at the first line that is empty (LF or CRLF), the request line's LF
    // counting as the line before it.
    for (qsizetype i = lineEnd; i < bytes.size(); ++i) {
        if (bytes.at(i) != '\n')
            continue;
        if (bytes.mid(i + 1, 1) == "\n")
            request.headEnd = i + 2;
        else if (bytes.mid(i + 1, 2) == "\r\n")
            request.headEnd = i + 3;
        if (request.headEnd > 0)
            break;
    }
    if (request.headEnd == 0)
        return request;
    const QByteArray fields = bytes.mid(lineEnd + 1, request.headEnd - lineEnd - 1);
    for (const QByteArray &line : fields.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        bool ok = false;
        if (colon > 0 && name == "content-length")
            request.bodyLength =
                    std::max<qint64>(request.bodyLength, qint64(value.toULongLong(&ok)));
        if (colon > 0 && name == "transfer-encoding" && value.toLower().contains("chunked"))
            request.chunked = true;
    }
    request.state = QtRequest::Framed;
    return request;
}

void checkRefusal(const QByteArray &answer)
{
    const qsizetype split = answer.indexOf("\r\n\r\n");
    const QByteArray head = answer.left(split);
    const QByteArray body = answer.mid(split + 4);
    if (split < 0 || !answer.startsWith("HTTP/1.1 4")
        || !head.contains(QByteArray("\r\nContent-Length: " + QByteArray::number(body.size())))
        || !head.contains("\r\nConnection: close"))
        fail("a refusal that is no whole answer", answer);
}

void checkHead(const QByteArray &bytes, const HttpHead &head)
{
    const HttpHead again = HttpHead::read(head.toBytes());
    if (again.requestLine != head.requestLine || again.fields != head.fields)
        fail("a head that does not read back as itself", bytes);
    const qint64 limit = HubHttpApi::maxBodyBytes;
    if (again.refusal(limit).left(12) != head.refusal(limit).left(12))
        fail("a head whose verdict changes once re-serialised", bytes);
}

void checkPlaced(const QString &storeId, const QByteArray &key, const QByteArray &body)
{
    const QString keyText = QString::fromUtf8(key);
    const PlaceOrderBody read = PlaceOrderBody::read(storeId, body, keyText, 1'800'000'000'000);
    if (!read.placed) {
        if (read.errorCode.isEmpty())
            fail("an order refused without a reason", body);
        return;
    }
    const OrderEvent &event = *read.placed;
    if (event.storeId != storeId || event.orderId.isEmpty())
        fail("an order placed in another store, or without an id", body);
    const Result<OrderEvent> back = OrderEvent::fromJson(event.toJson());
    if (!back || back->id != event.id || back->orderId != event.orderId)
        fail("a placed order a console cannot read back", body);
    if (PlaceOrderBody::read(storeId, body, keyText, 1'800'000'000'000).placed->id != event.id)
        fail("the same request placed under two event ids", body);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The parsing logs nothing, but the order code may: keep the fuzzer's output readable.
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QRegularExpression placePath(QStringLiteral("^/v1/stores/([^/]+)/orders$"));
    QByteArray rest(reinterpret_cast<const char *>(data), qsizetype(size));
    while (!rest.isEmpty()) {
        // What the intake peeks at: at most one byte over the head's limit.
        const QByteArray seen = rest.left(HttpIntakeServer::maxHeadBytes + 1);
        const qsizetype end = HttpHead::endIn(seen);
        if (end < 0)
            return 0; // waits for more, or refuses with 431 once the limit is passed
        if (end > seen.size())
            fail("a head that ends past what was seen", seen);
        const HttpHead head = HttpHead::read(seen.left(end));
        checkHead(seen.left(end), head);
        if (const QByteArray refusal = head.refusal(HubHttpApi::maxBodyBytes); !refusal.isEmpty()) {
            checkRefusal(refusal);
            return 0; // the connection is closed
        }
        const QtRequest request = qtRequest(rest);
        if (request.state != QtRequest::Framed)
            return 0;
        if (request.chunked)
            fail("a chunked request went through", rest.left(request.headEnd));
        if (request.bodyLength > HubHttpApi::maxBodyBytes)
            fail("a body over the limit went through", rest.left(request.headEnd));
        if (request.headEnd + request.bodyLength > rest.size())
            return 0; // the rest of the body is on its way
        const QByteArray body = rest.mid(request.headEnd, request.bodyLength);
        const QList<QByteArray> words = request.requestLine.split(' ');
        const QRegularExpressionMatch place =
                placePath.match(QUrl::fromEncoded(words.value(1)).path());
        if (words.value(0) == "POST" && place.hasMatch()) {
            QByteArray key;
            for (const auto &[name, value] : head.fields) {
                if (name.toLower() == "idempotency-key")
                    key = value;
            }
            checkPlaced(place.captured(1), key, body);
        }
        rest = rest.mid(request.headEnd + request.bodyLength);
    }
    return 0;
}
