// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "order/orderstate.h"

#include <QHttpServer>
#include <QObject>
#include <QString>

#include <functional>

class Clock;
class CommitScope;
class Hub;
class QHttpServerRequest;
class QHttpServerResponder;

/**
 * What customers and couriers do, over HTTP on loopback: place an order (with an Idempotency-Key;
 * a replay gets the first response, another body under the same key gets 422), cancel, courier
 * picked up, delivered, refund. Every change goes through the hub's group commit (Hub::commitLater)
 * with its idempotency record in the same transaction, and is answered once durable, so consoles
 * see it live and the thread serving sockets never waits on the disk. One request at a time per
 * connection (no pipelining, as Qt's server answers in order only then).
 * Nothing is taken that the hub could not send to a console: bodies are bounded before they are
 * read, and orders and reasons are held to OrderLimits (400 naming the limit).
 * Whoever runs the hub also gets a console's pairing code here (PairingDesk).
 */
class HubHttpApi final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxKeyLength = 255;
    /** Request bodies over this are answered 413 before they are read (HttpIntakeServer). */
    static constexpr qint64 maxBodyBytes = 256 * 1024;
    /** How long a key's first response is kept (the published expiry policy, as Stripe's). */
    static constexpr qint64 keyLifetimeMs = 24 * 60 * 60 * 1000;

    HubHttpApi(Hub &hub, const Clock &clock, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HubHttpApi)

    /** Listens on 127.0.0.1 only; port 0 lets the OS pick. */
    Result<void> listen(quint16 port = 0);
    quint16 serverPort() const { return m_port; }

private:
    struct Reply
    {
        int status = 200;
        QByteArray body;
    };
    /** Runs on the hub's commit thread, inside the request's part of a group commit. */
    using Handler = std::function<Reply(CommitScope &scope)>;

    void idempotent(const QString &storeId, const QHttpServerRequest &request, bool keyRequired,
                    Handler handler, QHttpServerResponder &&responder);
    void issuePairingCode(const QString &storeId, const QString &consoleId,
                          QHttpServerResponder &responder);
    static Reply keyed(CommitScope &scope, const Clock &clock, const QString &storeId,
                       const QString &key, const QByteArray &fingerprint, const Handler &handler);
    static Reply place(CommitScope &scope, const Clock &clock, const QString &storeId,
                       const QByteArray &body, const QString &key);
    static Reply platformStep(CommitScope &scope, const Clock &clock, const QString &storeId,
                              const QString &orderId, const QString &step, const QByteArray &body,
                              const QString &key);

    Hub &m_hub;
    const Clock &m_clock;
    QHttpServer m_server;
    quint16 m_port = 0;
};
