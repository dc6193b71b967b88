// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

/**
 * A request's head (request line and header lines) as HttpIntakeServer reads it, in bytes only,
 * before QHttpServer sees the request. It frames a request as Qt 6.4's QHttpServer does, so both
 * look at the same head: whitespace before the request line belongs to no request (Qt skips it),
 * lines end in LF or CRLF, and the head ends at its first blank line.
 */
struct HttpHead
{
    QByteArray requestLine;
    QList<QPair<QByteArray, QByteArray>> fields; // each "name: value" line, trimmed, in order

    /** Where the head that starts bytes ends (after its blank line); -1 while it is incomplete. */
    static qsizetype endIn(QByteArrayView bytes);
    /** Reads a complete head: the bytes up to endIn(). */
    static HttpHead read(QByteArrayView head);
    /** The head as a client would send it, CRLF line ends: read() gives the same head back. */
    QByteArray toBytes() const;

    /**
     * The whole answer (status line to body) refusing the request for its head, or empty when
     * it may go on: 411 for Transfer-Encoding (a chunked body has no length to check up front),
     * 400 for a Content-Length that is not a number or several that differ, 413 when it is over
     * maxBodyBytes.
     */
    QByteArray refusal(qint64 maxBodyBytes) const;
    /** The body's length as Content-Length declares it; 0 when none (only without a refusal). */
    qint64 bodyLength() const;

    /** An answer that closes the connection: status line, headers, a JSON {error, message}. */
    static QByteArray answer(int status, const char *statusText, const QString &code,
                             const QString &message);
};
