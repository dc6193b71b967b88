// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <optional>

/** One webhook delivery attempt as the fake sent it. */
struct WebhookDelivery
{
    QString eventId;
    QUrl url;
    QByteArray body;
    FakeHeaders headers;
    int attempt = 0;  // 0 for the first delivery, 1 for the first retry or replay, …
    int status = -1;  // the receiver's HTTP status; -1 while under way, 0 when it never answered
};

/** POSTs webhooks, signed by whoever built them, and keeps every delivery for tests to read. */
class WebhookSender final : public QObject
{
    Q_OBJECT

public:
    explicit WebhookSender(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WebhookSender)

    /** Sends now; the outcome arrives as delivered(). Returns the delivery's index. */
    qsizetype send(const WebhookDelivery &delivery);
    const QList<WebhookDelivery> &deliveries() const { return m_deliveries; }
    /** The latest delivery of an event, if any was sent. */
    std::optional<WebhookDelivery> lastDelivery(const QString &eventId) const;
    /** Deliveries that have not been answered yet. */
    int pendingCount() const { return m_pending; }

Q_SIGNALS:
    /** The receiver answered (status) or could not be reached (status 0). */
    void delivered(const QString &eventId, int status);

private:
    QNetworkAccessManager m_network;
    QList<WebhookDelivery> m_deliveries;
    int m_pending = 0;
};
