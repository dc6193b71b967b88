// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloveroauth.h"

#include "pos/poslogging.h"

#include <QJsonDocument>

namespace {
const QString accessKey = QStringLiteral("access_token");
const QString accessExpirationKey = QStringLiteral("access_token_expiration");
const QString refreshKey = QStringLiteral("refresh_token");
const QString refreshExpirationKey = QStringLiteral("refresh_token_expiration");
} // namespace

CloverOAuth::CloverOAuth(QString appId, Pair pair)
    : m_appId(std::move(appId)), m_pair(std::move(pair))
{
}

Result<CloverOAuth::Pair> CloverOAuth::readPair(const QJsonObject &json)
{
    Pair pair;
    pair.accessToken = json.value(accessKey).toString().toUtf8();
    pair.refreshToken = json.value(refreshKey).toString().toUtf8();
    // Clover gives the expirations in Unix seconds.
    pair.accessExpiresAtMs = json.value(accessExpirationKey).toInteger() * 1000;
    pair.refreshExpiresAtMs = json.value(refreshExpirationKey).toInteger() * 1000;
    if (pair.accessToken.isEmpty() || pair.refreshToken.isEmpty() || pair.accessExpiresAtMs <= 0
        || pair.refreshExpiresAtMs <= 0)
        return Failure {QStringLiteral("Clover's token answer lacks a token or an expiration")};
    return pair;
}

Result<std::unique_ptr<CloverOAuth>> CloverOAuth::fromKept(const QByteArray &kept,
                                                           const QString &appId)
{
    const QJsonDocument document = QJsonDocument::fromJson(kept);
    if (!document.isObject())
        return Failure {QStringLiteral("the kept Clover sign-in is not a JSON object")};
    Result<Pair> pair = readPair(document.object());
    if (!pair)
        return Failure {pair.error()};
    return std::make_unique<CloverOAuth>(appId, std::move(*pair));
}

std::optional<QByteArray> CloverOAuth::token(qint64 nowMs) const
{
    if (m_forgotten || m_pair.accessToken.isEmpty()
        || nowMs >= m_pair.accessExpiresAtMs - renewMarginMs)
        return std::nullopt;
    return m_pair.accessToken;
}

std::optional<PosCall> CloverOAuth::renewal() const
{
    // Sent even when the refresh token has lapsed: Clover's refusal is what a manager reads.
    return PosCall::post(QString::fromLatin1(refreshPath),
                         {{QStringLiteral("client_id"), m_appId},
                          {refreshKey, QString::fromUtf8(m_pair.refreshToken)}});
}

Result<void> CloverOAuth::renewed(const PosAnswer &answer, qint64 nowMs)
{
    if (answer.status == 400 || answer.status == 401 || answer.status == 403) {
        qCWarning(lcPos).noquote() << "clover refused the refresh token:" << answer.status
                                   << answer.json().value(QLatin1String("message")).toString();
        return Failure {tr("Clover refused the saved sign-in; a manager must connect Clover "
                           "again")};
    }
    if (!answer.isSuccess())
        return Failure {tr("Clover could not renew the sign-in now (%1); it is tried again later")
                                .arg(answer.status)};
    Result<Pair> pair = readPair(answer.json());
    if (!pair)
        return Failure {pair.error()};
    if (pair->accessExpiresAtMs - renewMarginMs <= nowMs)
        qCWarning(lcPos) << "clover gave an access token that lapses within the renewal margin";
    m_pair = std::move(*pair);
    m_forgotten = false;
    return {};
}

QByteArray CloverOAuth::secretToKeep() const
{
    const QJsonObject kept {{accessKey, QString::fromUtf8(m_pair.accessToken)},
                            {accessExpirationKey, m_pair.accessExpiresAtMs / 1000},
                            {refreshKey, QString::fromUtf8(m_pair.refreshToken)},
                            {refreshExpirationKey, m_pair.refreshExpiresAtMs / 1000}};
    return QJsonDocument(kept).toJson(QJsonDocument::Compact);
}
