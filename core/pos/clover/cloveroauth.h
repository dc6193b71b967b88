// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/posauth.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

/**
 * Clover's expiring OAuth v2 tokens (mandatory for apps since 2025): an access token and a
 * single-use refresh token, each with its expiration. Shortly before the access token lapses
 * there is no token to give, so PosHttp sends renewal() first: the refresh token for a new pair,
 * which replaces the old one at once (Clover kills the old pair on a refresh, and refuses a
 * refresh token used twice). secretToKeep() is the pair as compact JSON for the keychain, and
 * fromKept() reads it back on the next start.
 */
class CloverOAuth final : public PosAuth
{
    Q_DECLARE_TR_FUNCTIONS(CloverOAuth)

public:
    /**
     * How long before the access token lapses it is renewed: a call made within this margin could
     * reach Clover after the lapse (a slow network, a clock a little off), and a 401 then costs a
     * failed attempt where a renewal costs one call.
     */
    static constexpr qint64 renewMarginMs = 5 * 60'000;
    /** The path of Clover's refresh call: on the API host, as /oauth/v2/token (docs/pos.md). */
    static constexpr const char *refreshPath = "/oauth/v2/refresh";

    /** The pair, expirations in UTC ms. */
    struct Pair
    {
        QByteArray accessToken;
        qint64 accessExpiresAtMs = 0;
        QByteArray refreshToken;
        qint64 refreshExpiresAtMs = 0;
    };

    /** appId is the app's OAuth client_id. */
    CloverOAuth(QString appId, Pair pair);

    /** The pair as secretToKeep() wrote it, or Clover's own token answer; why not otherwise. */
    static Result<std::unique_ptr<CloverOAuth>> fromKept(const QByteArray &kept,
                                                         const QString &appId);
    /** Clover's token answer (access_token, refresh_token, *_expiration in Unix s) read. */
    static Result<Pair> readPair(const QJsonObject &json);

    std::optional<QByteArray> token(qint64 nowMs) const override;
    std::optional<PosCall> renewal() const override;
    Result<void> renewed(const PosAnswer &answer, qint64 nowMs) override;
    void forget() override { m_forgotten = true; }
    QByteArray secretToKeep() const override;

    const Pair &pair() const { return m_pair; }

private:
    QString m_appId;
    Pair m_pair;
    bool m_forgotten = false; // Clover refused the access token: renew before the next call
};
