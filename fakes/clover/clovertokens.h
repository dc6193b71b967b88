// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

#include <optional>

/** An OAuth v2 pair as Clover issues it; expirations in Unix seconds, as on the wire. */
struct CloverTokenPair
{
    QString accessToken;
    qint64 accessTokenExpiration = 0;
    QString refreshToken;
    qint64 refreshTokenExpiration = 0;

    QJsonObject toJson() const;
};

/**
 * Clover's expiring OAuth v2 tokens for one app: pairs issued from an authorization code or from
 * a refresh token, single-use refresh tokens, expiry on the fake's clock, and merchant-generated
 * API tokens that never expire. Knows nothing of HTTP.
 *
 * Reuse of a spent refresh token is read as theft (RFC 9700, refresh-token reuse detection): it
 * is refused, and the pair that was issued from it is revoked as well, so a client that lost the
 * new pair must start over with an authorization code.
 */
class CloverTokens final
{
public:
    enum class Check { Valid, Unknown, Expired, Revoked };

    explicit CloverTokens(FakeClock clock);

    void setSeed(quint32 seed) { m_random.seed(seed); }
    void setLifetimes(qint64 accessS, qint64 refreshS)
    {
        m_accessLifetimeS = accessS;
        m_refreshLifetimeS = refreshS;
    }
    qint64 accessLifetimeS() const { return m_accessLifetimeS; }

    /** A fresh pair, as a completed OAuth flow would give. */
    CloverTokenPair issue();
    /** A merchant-generated API token: valid until revoked, never expires. */
    void addStaticToken(const QString &token) { m_access.insert(token, {0, {}, false}); }
    /** An authorization code /oauth/v2/token will exchange once. */
    void addAuthorizationCode(const QString &code) { m_codes.insert(code, false); }

    /** /oauth/v2/token: a pair for an unused code; nullopt for an unknown or spent one. */
    std::optional<CloverTokenPair> exchange(const QString &code);
    /** /oauth/v2/refresh: the next pair, the old one invalid; nullopt with `why` otherwise. */
    std::optional<CloverTokenPair> refresh(const QString &refreshToken, Check *why);

    Check checkAccess(const QString &token) const;
    /** When an access token lapses (UTC ms); nullopt for an unknown or non-expiring one. */
    std::optional<qint64> accessExpiresAtMs(const QString &token) const;
    /** Makes an access token lapse now, whatever its expiration said. */
    bool expireNow(const QString &token);

private:
    struct Access
    {
        qint64 expiresAtMs = 0; // 0: never
        QString refreshToken;   // the pair's refresh token
        bool revoked = false;
    };
    struct Refresh
    {
        qint64 expiresAtMs = 0;
        QString accessToken;
        QString issuedRefresh; // the refresh token issued when this one was spent
        bool spent = false;
        bool revoked = false;
    };

    QString randomToken();
    void revokePair(const QString &refreshToken);

    FakeClock m_clock;
    QRandomGenerator m_random;
    qint64 m_accessLifetimeS = 30 * 60;
    qint64 m_refreshLifetimeS = 365 * 24 * 3600;
    QHash<QString, Access> m_access;
    QHash<QString, Refresh> m_refresh;
    QHash<QString, bool> m_codes; // code → spent
};
