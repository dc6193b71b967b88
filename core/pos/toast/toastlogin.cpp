// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toastlogin.h"

ToastLogin::ToastLogin(QString clientId, QString clientSecret)
    : m_clientId(std::move(clientId)), m_clientSecret(std::move(clientSecret))
{
}

std::optional<QByteArray> ToastLogin::token(qint64 nowMs) const
{
    if (m_token.isEmpty() || nowMs >= m_renewAtMs)
        return std::nullopt;
    return m_token;
}

std::optional<PosCall> ToastLogin::renewal() const
{
    if (m_clientId.isEmpty() || m_clientSecret.isEmpty())
        return std::nullopt;
    return PosCall::post(QString::fromLatin1(loginPath),
                         {{QStringLiteral("clientId"), m_clientId},
                          {QStringLiteral("clientSecret"), m_clientSecret},
                          {QStringLiteral("userAccessType"),
                           QStringLiteral("TOAST_MACHINE_CLIENT")}});
}

Result<void> ToastLogin::renewed(const PosAnswer &answer, qint64 nowMs)
{
    if (answer.status == 401 || answer.status == 403)
        return Failure {tr("Toast refused the client id or secret")};
    if (!answer.isSuccess())
        return Failure {tr("Toast's login answered %1").arg(answer.status)};
    const QJsonObject token = answer.json().value(QLatin1String("token")).toObject();
    const QByteArray access = token.value(QLatin1String("accessToken")).toString().toUtf8();
    const qint64 lifetimeMs = qint64(token.value(QLatin1String("expiresIn")).toDouble()) * 1000;
    if (access.isEmpty() || lifetimeMs <= 0)
        return Failure {tr("Toast's login gave no access token")};
    m_token = access;
    m_expiresAtMs = nowMs + lifetimeMs;
    // A token shorter-lived than two minutes is still used for its first half.
    m_renewAtMs = m_expiresAtMs - std::min(renewBeforeMs, lifetimeMs / 2);
    return {};
}

void ToastLogin::forget()
{
    m_token.clear();
    m_expiresAtMs = 0;
    m_renewAtMs = 0;
}
