// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/posauth.h"

#include <QCoreApplication>
#include <QString>

/**
 * Toast's machine-client login: the client id and secret (from the keychain) buy an access token
 * for expiresIn seconds. No token is given in its last minute, so PosHttp logs in again before
 * Toast would refuse it; a 401 forgets it at once.
 */
class ToastLogin final : public PosAuth
{
    Q_DECLARE_TR_FUNCTIONS(ToastLogin)

public:
    /** How long before its expiry a token is renewed (reference §3: "in the last minute"). */
    static constexpr qint64 renewBeforeMs = 60'000;
    static constexpr const char *loginPath = "/authentication/v1/authentication/login";

    ToastLogin(QString clientId, QString clientSecret);

    std::optional<QByteArray> token(qint64 nowMs) const override;
    std::optional<PosCall> renewal() const override;
    Result<void> renewed(const PosAnswer &answer, qint64 nowMs) override;
    void forget() override;

    /** When the token lapses at Toast (UTC ms); 0 when there is none. */
    qint64 expiresAtMs() const { return m_expiresAtMs; }

private:
    QString m_clientId;
    QString m_clientSecret;
    QByteArray m_token;
    qint64 m_expiresAtMs = 0;
    qint64 m_renewAtMs = 0;
};
