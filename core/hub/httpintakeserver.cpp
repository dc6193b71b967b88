// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpintakeserver.h"

#include "hublogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace {
// The end of the head, after its blank line; QHttpServer accepts bare LFs too. -1: not yet.
qsizetype headEnd(const QByteArray &bytes)
{
    const qsizetype crlf = bytes.indexOf("\n\r\n");
    const qsizetype lf = bytes.indexOf("\n\n");
    if (crlf < 0 && lf < 0)
        return -1;
    if (lf < 0 || (crlf >= 0 && crlf < lf))
        return crlf + 3;
    return lf + 2;
}

QByteArray response(int status, const char *statusText, const QString &code, const QString &message)
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("error"), code},
                                                       {QStringLiteral("message"), message}})
                                .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}
} // namespace

HttpIntakeServer::HttpIntakeServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
{ }

void HttpIntakeServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHubHttp).noquote() << "cannot take a connection:" << socket->errorString();
        delete socket;
        return;
    }
    // QHttpServer keeps a request's bytes in the socket's buffer until the request is complete:
    // one allowed request fits, more waits in the kernel (TCP flow control), not in the hub.
    socket->setReadBufferSize(maxHeadBytes + m_maxBodyBytes);
    // Before QHttpServer's own slot, which it connects when it takes the pending connection.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_heads.remove(socket); });
    addPendingConnection(socket);
}

void HttpIntakeServer::inspect(QTcpSocket *socket)
{
    Head &head = m_heads[socket];
    if (!socket->isTransactionStarted())
        head = {}; // the unread bytes start a new request
    if (head.checked)
        return;
    head.bytes += socket->peek(maxHeadBytes + 1 - head.bytes.size());
    const qsizetype end = headEnd(head.bytes);
    if (end < 0) {
        if (head.bytes.size() > maxHeadBytes)
            refuse(socket,
                   response(431, "Request Header Fields Too Large",
                            QStringLiteral("headers_too_large"),
                            QStringLiteral("the request line and headers are over %1 bytes")
                                .arg(maxHeadBytes)));
        return;
    }
    head.checked = true;
    const QByteArray answer = verdict(head.bytes.left(end));
    if (!answer.isEmpty())
        refuse(socket, answer);
}

QByteArray HttpIntakeServer::verdict(const QByteArray &head) const
{
    const QList<QByteArray> lines = head.split('\n');
    std::optional<qint64> length;
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the request line
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            return response(411, "Length Required", QStringLiteral("length_required"),
                            QStringLiteral("send the body with a Content-Length, not %1")
                                .arg(QString::fromLatin1(value.left(40))));
        if (name != "content-length")
            continue;
        bool ok = false;
        const qint64 declared = value.toLongLong(&ok);
        if (!ok || declared < 0 || (length && *length != declared))
            return response(400, "Bad Request", QStringLiteral("bad_content_length"),
                            QStringLiteral("Content-Length must be one number of bytes"));
        length = declared;
    }
    if (length && *length > m_maxBodyBytes)
        return response(413, "Content Too Large", QStringLiteral("body_too_large"),
                        QStringLiteral("a body of %1 bytes is over the limit of %2 bytes")
                            .arg(*length)
                            .arg(m_maxBodyBytes));
    return {};
}

void HttpIntakeServer::refuse(QTcpSocket *socket, const QByteArray &answer)
{
    qCWarning(lcHubHttp).noquote() << "refused a request from" << socket->peerAddress().toString()
                                   << "before reading it:" << answer.left(answer.indexOf('\r'));
    // From now on the connection is ours: QHttpServer's slot (connected after this one) does not
    // run for this emission or any later one. QHttpServer still deletes the socket once it closes.
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->skip(socket->bytesAvailable());
    connect(socket, &QTcpSocket::readyRead, socket,
            [socket] { socket->skip(socket->bytesAvailable()); });
    socket->write(answer);
    // The answer says Connection: close; a client that keeps the socket open is cut off.
    QTimer::singleShot(lingerMs, socket, &QAbstractSocket::abort);
}
