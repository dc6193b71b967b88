// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpintakeserver.h"

#include "httphead.h"
#include "hublogging.h"

#include <QTcpSocket>
#include <QTimer>

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
    const qsizetype end = HttpHead::endIn(head.bytes);
    if (end < 0) {
        if (head.bytes.size() > maxHeadBytes)
            refuse(socket,
                   HttpHead::answer(431, "Request Header Fields Too Large",
                                    QStringLiteral("headers_too_large"),
                                    QStringLiteral("the request line and headers are over %1 bytes")
                                            .arg(maxHeadBytes)));
        return;
    }
    head.checked = true;
    const QByteArray answer = HttpHead::read(head.bytes.left(end)).refusal(m_maxBodyBytes);
    if (!answer.isEmpty())
        refuse(socket, answer);
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
