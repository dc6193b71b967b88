// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/webhooksender.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcFakeWebhook, "kc.fakes.webhook", QtInfoMsg)

namespace {
// Square expects an answer within 10 s; a receiver slower than that counts as failed.
constexpr int deliveryTimeoutMs = 10000;
} // namespace

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
{ }

qsizetype WebhookSender::send(const WebhookDelivery &delivery)
{
    const qsizetype index = m_deliveries.size();
    m_deliveries.append(delivery);
    m_deliveries.last().status = -1;
    QNetworkRequest request(delivery.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(deliveryTimeoutMs);
    for (const auto &[name, value] : delivery.headers)
        request.setRawHeader(name, value);
    ++m_pending;
    QNetworkReply *reply = m_network.post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        WebhookDelivery &sent = m_deliveries[index];
        sent.status = status;
        --m_pending;
        qCInfo(lcFakeWebhook).noquote() << "webhook" << sent.eventId << "attempt" << sent.attempt
                                        << "to" << sent.url.toDisplayString() << "answered"
                                        << status;
        Q_EMIT delivered(sent.eventId, status);
    });
    return index;
}

std::optional<WebhookDelivery> WebhookSender::lastDelivery(const QString &eventId) const
{
    for (auto it = m_deliveries.crbegin(); it != m_deliveries.crend(); ++it) {
        if (it->eventId == eventId)
            return *it;
    }
    return std::nullopt;
}
