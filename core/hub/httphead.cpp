// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httphead.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace {
// What QHttpServer 6.4 skips before a request line, as left over from the request before
// (qhttpserverrequest.cpp, readRequestLine): it belongs to no request.
qsizetype requestStart(QByteArrayView bytes)
{
    qsizetype start = 0;
    while (start < bytes.size() && QByteArrayView(" \t\r\n\v").contains(bytes.at(start)))
        ++start;
    return start;
}
} // namespace

qsizetype HttpHead::endIn(QByteArrayView bytes)
{
    // From the request line on, the first blank line (LF CRLF or LF LF) ends the head. Blank
    // lines before it start no head: Qt reads past them to the request line.
    const qsizetype start = requestStart(bytes);
    const QByteArrayView request = bytes.sliced(start);
    const qsizetype crlf = request.indexOf("\n\r\n");
    const qsizetype lf = request.indexOf("\n\n");
    if (crlf < 0 && lf < 0)
        return -1;
    return start + ((lf < 0 || (crlf >= 0 && crlf < lf)) ? crlf + 3 : lf + 2);
}

HttpHead HttpHead::read(QByteArrayView head)
{
    HttpHead read;
    const QList<QByteArray> lines = head.sliced(requestStart(head)).toByteArray().split('\n');
    // As Qt reads it: up to its LF, less a CR. Trimmed, a line of white space such as a form
    // feed would be empty, and the head would not read back as itself.
    read.requestLine = lines.value(0);
    if (read.requestLine.endsWith('\r'))
        read.requestLine.chop(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed();
        // A line with no name before its colon is no header of any client's (nor Qt's).
        if (colon > 0 && !name.isEmpty())
            read.fields.append({name, line.mid(colon + 1).trimmed()});
    }
    return read;
}

QByteArray HttpHead::toBytes() const
{
    QByteArray bytes = requestLine + "\r\n";
    for (const auto &[name, value] : fields)
        bytes += name + ": " + value + "\r\n";
    return bytes + "\r\n";
}

QByteArray HttpHead::refusal(qint64 maxBodyBytes) const
{
    std::optional<qint64> length;
    for (const auto &[name, value] : fields) {
        const QByteArray lower = name.toLower();
        if (lower == "transfer-encoding")
            return answer(411, "Length Required", QStringLiteral("length_required"),
                          QStringLiteral("send the body with a Content-Length, not %1")
                                  .arg(QString::fromLatin1(value.left(40))));
        if (lower != "content-length")
            continue;
        bool ok = false;
        const qint64 declared = value.toLongLong(&ok);
        if (!ok || declared < 0 || (length && *length != declared))
            return answer(400, "Bad Request", QStringLiteral("bad_content_length"),
                          QStringLiteral("Content-Length must be one number of bytes"));
        length = declared;
    }
    if (length && *length > maxBodyBytes)
        return answer(413, "Content Too Large", QStringLiteral("body_too_large"),
                      QStringLiteral("a body of %1 bytes is over the limit of %2 bytes")
                              .arg(*length)
                              .arg(maxBodyBytes));
    return {};
}

qint64 HttpHead::bodyLength() const
{
    for (const auto &[name, value] : fields) {
        if (name.toLower() == "content-length")
            return value.toLongLong();
    }
    return 0;
}

QByteArray HttpHead::answer(int status, const char *statusText, const QString &code,
                            const QString &message)
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("error"), code},
                                                       {QStringLiteral("message"), message}})
                                    .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}
