// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

/**
 * The webhook listener's TCP server. Qt's HTTP server (6.4) reads a request's whole body before
 * it hands the request over, so a body over the limit would be buffered before it could be
 * refused. The gate holds each new connection until its request's headers are in: a
 * Content-Length over maxBodyBytes is answered 413 and the connection closed without a byte of
 * the body read; headers over maxHeaderBytes get 431. A request that passes is handed to the HTTP
 * server as a pending connection. Bodies without a length (chunked) pass, and the listener
 * refuses them after reading.
 */
class PosWebhookGate final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosWebhookGate)

public:
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;

    explicit PosWebhookGate(qsizetype maxBodyBytes, QObject *parent = nullptr);

Q_SIGNALS:
    /** A request was answered here with an error status; reason in words, for the log view. */
    void refused(const QString &path, const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    /** Looks at what came so far: waits, refuses, or hands the connection over. */
    void inspect(QTcpSocket *socket);
    void handOver(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, int status, const QString &path, const QString &reason);

    qsizetype m_maxBodyBytes;
};
