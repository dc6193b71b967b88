// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QTcpServer>

class QTcpSocket;

/**
 * The TCP server under the hub's QHttpServer, which refuses a request before QHttpServer buffers
 * it. Qt 6.4's QHttpServer reads a whole body into memory before any route runs and waits for as
 * many bytes as Content-Length says: a 64 MiB body grows the hub by 64 MiB, and a huge
 * Content-Length with a few bytes sent hangs the request. This server looks at each request's
 * head first (HttpHead) and answers at once, closing the connection:
 * - 413 when Content-Length is over maxBodyBytes;
 * - 411 for Transfer-Encoding (a chunked body has no length to check up front);
 * - 400 for a Content-Length that is not a number, or several that differ;
 * - 431 when the head itself is over maxHeadBytes.
 * The socket's read buffer is bounded too, so nothing a client sends grows the hub past about one
 * allowed request.
 *
 * How it sees the head: its readyRead slot is connected before QHttpServer's, so it runs first,
 * and it only peeks. QHttpServer 6.4 reads each request inside a socket transaction opened at the
 * request's first byte and committed after its last, and reads everything available each time.
 * So with no transaction open the unread bytes start a request, and while one is open they are
 * only what arrived since. (qabstracthttpserver.cpp, handleReadyRead, in Qt 6.4.)
 */
class HttpIntakeServer final : public QTcpServer
{
    Q_OBJECT

public:
    /** The request line and headers of one request. */
    static constexpr qsizetype maxHeadBytes = 16 * 1024;
    /** After a refusal, what the client still sends is read and dropped this long, so it can read
     * the answer instead of seeing its connection reset (RFC 9112 §9.6). */
    static constexpr int lingerMs = 2000;

    explicit HttpIntakeServer(qint64 maxBodyBytes, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HttpIntakeServer)

    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    /** The current request's head as far as it has arrived. */
    struct Head
    {
        QByteArray bytes;
        bool checked = false;
    };

    void inspect(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QByteArray &response);

    qint64 m_maxBodyBytes;
    QHash<QTcpSocket *, Head> m_heads;
};
