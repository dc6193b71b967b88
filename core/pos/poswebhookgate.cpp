// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poswebhookgate.h"

#include "poslogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>
#include <optional>

namespace {
struct Head
{
    QString path;
    std::optional<qint64> contentLength; // the largest given, when one is a number
};

/** The request line's path and the Content-Length of a complete header block. */
Head readHead(const QByteArray &head)
{
    Head read;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    read.path = QString::fromLatin1(requestLine.value(1).split('?').value(0));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        bool isNumber = false;
        const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&isNumber);
        if (isNumber)
            read.contentLength = std::max(length, read.contentLength.value_or(0));
    }
    return read;
}

QByteArray reasonPhrase(int status)
{
    return status == 413 ? "Payload Too Large" : "Request Header Fields Too Large";
}
} // namespace

PosWebhookGate::PosWebhookGate(qsizetype maxBodyBytes, QObject *parent)
    : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes)
{
}

void PosWebhookGate::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcPos).noquote()
                << "webhook listener lost a connection:" << socket->errorString();
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void PosWebhookGate::inspect(QTcpSocket *socket)
{
    // Peeked, not read: the HTTP server reads the request from the start once it is handed over.
    const QByteArray seen = socket->peek(maxHeaderBytes);
    const qsizetype end = seen.indexOf("\r\n\r\n");
    if (end < 0) {
        if (seen.size() >= maxHeaderBytes)
            refuse(socket, 431, readHead(seen).path,
                   QStringLiteral("request headers larger than %1 bytes").arg(maxHeaderBytes));
        return; // the rest of the headers is on its way
    }
    const Head head = readHead(seen.left(end));
    if (head.contentLength && *head.contentLength > m_maxBodyBytes)
        return refuse(socket, 413, head.path,
                      QStringLiteral("a body of %1 bytes is larger than any webhook")
                              .arg(*head.contentLength));
    handOver(socket);
}

void PosWebhookGate::handOver(QTcpSocket *socket)
{
    disconnect(socket, nullptr, this, nullptr);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    addPendingConnection(socket); // the HTTP server takes it (pendingConnectionAvailable)
    // What came already was only peeked at: the server's reading starts on a readyRead.
    QMetaObject::invokeMethod(socket, &QAbstractSocket::readyRead, Qt::QueuedConnection);
}

void PosWebhookGate::refuse(QTcpSocket *socket, int status, const QString &path,
                            const QString &reason)
{
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    qCWarning(lcPos).noquote() << "webhook listener refused" << path << "from"
                               << socket->peerAddress().toString() << ":" << reason;
    Q_EMIT refused(path, reason);
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("error"), reason}})
                                    .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    // The body is never read: what is buffered goes with the socket.
    socket->disconnectFromHost();
}
