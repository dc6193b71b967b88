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
class Hub;
class QHttpServerRequest;

/**
 * What customers and couriers do, over HTTP on loopback: place an order (with an Idempotency-Key;
 * a replay gets the first response, another body under the same key gets 422), cancel, courier
 * picked up, delivered, refund. Every change goes through Hub::submit, so consoles see it live.
 * Nothing is taken that the hub could not send to a console: bodies are bounded before they are
 * read, and orders and reasons are held to OrderLimits (400 naming the limit).
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
    using Handler = std::function<Reply()>;

    QHttpServerResponse placeOrder(const QString &storeId, const QHttpServerRequest &request);
    QHttpServerResponse platformStep(const QString &storeId, const QString &orderId,
                                     const QString &step, const QHttpServerRequest &request);
    QHttpServerResponse idempotent(const QString &storeId, const QHttpServerRequest &request,
                                   bool keyRequired, const Handler &handler);
    Reply place(const QString &storeId, const QByteArray &body, const QString &key);
    Reply step(const QString &storeId, const QString &orderId, const QString &step,
               const QByteArray &body, const QString &key);

    Hub &m_hub;
    const Clock &m_clock;
    QHttpServer m_server;
    quint16 m_port = 0;
};
