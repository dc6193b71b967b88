// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poschannel.h"

#include "poslogging.h"

#include "common/clock.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace {
QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

PosChannel::PosChannel(std::unique_ptr<PosVendor> vendor, Store &store, const Clock &clock,
                       QObject *parent)
    : OrderChannel(parent), m_vendor(std::move(vendor)), m_store(store), m_clock(clock)
{
    connect(&m_network, &QNetworkAccessManager::finished, this, &PosChannel::onFinished);
}

PosChannel::~PosChannel()
{
    // Answers that arrive while the manager goes are not answers to anyone.
    disconnect(&m_network, nullptr, this, nullptr);
}

void PosChannel::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    updateState();
}

void PosChannel::setAccessToken(const QByteArray &token)
{
    m_token = token;
    updateState();
}

void PosChannel::updateState()
{
    // Over HTTP there is no link to hold: configured is as live as it gets; an outage shows as
    // failed calls, which the dispatcher backs off from.
    const State now = m_baseUrl.isValid() && !m_token.isEmpty() ? State::Live : State::Offline;
    if (now == m_state)
        return;
    m_state = now;
    Q_EMIT stateChanged(m_state);
}

int PosChannel::batchLimit() const
{
    return std::max(0, m_maxInFlight - int(m_running.size()));
}

qsizetype PosChannel::send(const QList<OrderEvent> &events)
{
    if (m_state != State::Live)
        return 0;
    const qsizetype taken = std::min<qsizetype>(events.size(), batchLimit());
    // Answers are given after send() returns: the dispatcher counts what it sent first.
    for (qsizetype i = 0; i < taken; ++i)
        QTimer::singleShot(0, this, [this, event = events.at(i)] { start(event); });
    return taken;
}

void PosChannel::start(const OrderEvent &event)
{
    const std::optional<Order> order = m_store.order(event.orderId);
    if (!order) {
        Q_EMIT failed(event.id, tr("Order %1 could not be read from this console's store.")
                                        .arg(event.orderId));
        return;
    }
    std::unique_ptr<PosWrite> write = m_vendor->write(event, *order);
    if (!write) {
        qCDebug(lcPos).noquote() << destination() << "keeps nothing of" << idText(event.id);
        Q_EMIT accepted(event.id, 0);
        return;
    }
    const PosStep first = write->first();
    advance(event.id, std::move(write), first);
}

void PosChannel::advance(const QUuid &eventId, std::unique_ptr<PosWrite> write,
                         const PosStep &step)
{
    switch (step.kind) {
    case PosStep::Kind::Call: {
        QNetworkReply *reply = call(step.call);
        m_running.insert(reply, std::make_shared<Running>(Running {eventId, std::move(write)}));
        return;
    }
    case PosStep::Kind::Delivered:
        qCDebug(lcPos).noquote() << destination() << "took" << idText(eventId);
        Q_EMIT accepted(eventId, 0);
        return;
    case PosStep::Kind::Refused:
        Q_EMIT refused(eventId, step.reason);
        return;
    case PosStep::Kind::Failed:
        qCInfo(lcPos).noquote() << destination() << "write of" << idText(eventId)
                                << "failed:" << step.reason;
        Q_EMIT failed(eventId, step.reason);
        return;
    }
}

QNetworkReply *PosChannel::call(const PosCall &call)
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_callTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : m_vendor->commonHeaders())
        request.setRawHeader(name, value);
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    QByteArray body;
    if (call.body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(*call.body).toJson(QJsonDocument::Compact);
    }
    qCDebug(lcPos).noquote() << destination() << call.verb << call.path;
    return m_network.sendCustomRequest(request, call.verb, body);
}

void PosChannel::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const std::shared_ptr<Running> running = m_running.take(reply);
    if (!running)
        return;
    PosAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    if (!answer.answered())
        answer.networkError = reply->errorString();
    else
        Q_EMIT heard();
    answer.retryAfterMs = PosAnswer::parseRetryAfter(answer.header("retry-after"),
                                                     m_clock.nowMs());
    const PosStep step = running->write->next(answer);
    advance(running->eventId, std::move(running->write), step);
}
