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
    setAuth(token.isEmpty() ? nullptr : std::make_unique<PosStaticToken>(token));
}

void PosHttp::setAuth(std::unique_ptr<PosAuth> auth)
{
    m_auth = std::move(auth);
    Q_EMIT configurationChanged();
}

void PosHttp::send(const PosCall &call, Answered answered)
{
    if (!m_auth) {
        PosAnswer none;
        none.networkError = tr("no access token is set up for %1").arg(m_vendor.displayName());
        answered(none);
        return;
    }
    if (const std::optional<QByteArray> token = m_auth->token(m_clock.nowMs())) {
        transmit(call, "Bearer " + *token, std::move(answered));
        return;
    }
    m_waiting.append({call, std::move(answered)});
    renew();
}

void PosHttp::renew()
{
    if (m_renewing)
        return;
    const std::optional<PosCall> renewal = m_auth->renewal();
    if (!renewal) {
        PosAnswer refused;
        refused.networkError = tr("%1's access token is missing or lapsed").arg(m_vendor.displayName());
        renewalAnswered(refused);
        return;
    }
    m_renewing = true;
    qCInfo(lcPos).noquote() << m_vendor.name() << "renews its access token";
    transmit(*renewal, {}, [this](const PosAnswer &answer) {
        m_renewing = false;
        renewalAnswered(answer);
    });
}

void PosHttp::renewalAnswered(const PosAnswer &answer)
{
    Result<void> renewed = Failure {answer.networkError};
    if (answer.answered() && m_auth)
        renewed = m_auth->renewed(answer, m_clock.nowMs());
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    const std::optional<QByteArray> token =
            renewed && m_auth ? m_auth->token(m_clock.nowMs()) : std::nullopt;
    if (token) {
        if (!m_auth->secretToKeep().isEmpty())
            Q_EMIT credentialsRenewed();
        for (const Waiting &call : waiting)
            transmit(call.call, "Bearer " + *token, call.answered);
        return;
    }
    const QString reason = renewed ? tr("%1 gave no access token").arg(m_vendor.displayName())
                                   : renewed.error();
    qCWarning(lcPos).noquote() << m_vendor.name() << "could not renew its access token:" << reason;
    PosAnswer failed;
    failed.networkError = tr("signing in to %1 failed: %2").arg(m_vendor.displayName(), reason);
    for (const Waiting &call : waiting)
        call.answered(failed);
}

void PosHttp::transmit(const PosCall &call, const QByteArray &authorization, Answered answered)
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_callTimeoutMs);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
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
    const bool authorised = !authorization.isEmpty();
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, authorised, answered = std::move(answered)] {
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
                if (authorised && answer.status == 401 && m_auth)
                    m_auth->forget();
                answer.retryAfterMs =
                        PosAnswer::parseRetryAfter(answer.header("retry-after"), m_clock.nowMs());
                answered(answer);
            });
}
