// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poshttp.h"

#include "poslogging.h"
#include "posvendor.h"

#include "common/clock.h"

#include <QJsonDocument>
#include <QNetworkReply>

PosHttp::PosHttp(const PosVendor &vendor, const Clock &clock, QObject *parent)
    : QObject(parent), m_vendor(vendor), m_clock(clock)
{
}

void PosHttp::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    Q_EMIT configurationChanged();
}

void PosHttp::setAccessToken(const QByteArray &token)
{
    m_token = token;
    Q_EMIT configurationChanged();
}

void PosHttp::send(const PosCall &call, Answered answered)
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
    for (const auto &[name, value] : m_vendor.commonHeaders())
        request.setRawHeader(name, value);
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    QByteArray body;
    if (call.body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(*call.body).toJson(QJsonDocument::Compact);
    }
    qCDebug(lcPos).noquote() << m_vendor.name() << call.verb << call.path;
    QNetworkReply *reply = m_network.sendCustomRequest(request, call.verb, body);
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, answered = std::move(answered)] {
        reply->deleteLater();
        --m_inFlight;
        PosAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        if (answer.answered())
            Q_EMIT heard();
        else
            answer.networkError = reply->errorString();
        answer.retryAfterMs =
                PosAnswer::parseRetryAfter(answer.header("retry-after"), m_clock.nowMs());
        answered(answer);
    });
}
