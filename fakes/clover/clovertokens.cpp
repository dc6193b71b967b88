// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/clover/clovertokens.h"

QJsonObject CloverTokenPair::toJson() const
{
    return {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("access_token_expiration"), accessTokenExpiration},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("refresh_token_expiration"), refreshTokenExpiration}};
}

CloverTokens::CloverTokens(FakeClock clock)
    : m_clock(std::move(clock))
    , m_random(20250331)
{ }

QString CloverTokens::randomToken()
{
    static const char alphabet[] = "abcdef0123456789";
    QString token;
    for (int i = 0; i < 32; ++i) {
        if (i > 0 && i % 8 == 0)
            token.append(QLatin1Char('-'));
        token.append(QLatin1Char(alphabet[m_random.bounded(16)]));
    }
    return token;
}

CloverTokenPair CloverTokens::issue()
{
    const qint64 now = m_clock();
    // Expirations go out in whole seconds; the fake holds a token to exactly that second.
    const qint64 accessExp = now / 1000 + m_accessLifetimeS;
    const qint64 refreshExp = now / 1000 + m_refreshLifetimeS;
    CloverTokenPair pair {randomToken(), accessExp, randomToken(), refreshExp};
    m_access.insert(pair.accessToken, {accessExp * 1000, pair.refreshToken, false});
    m_refresh.insert(pair.refreshToken, {refreshExp * 1000, pair.accessToken, {}, false, false});
    return pair;
}

std::optional<CloverTokenPair> CloverTokens::exchange(const QString &code)
{
    const auto it = m_codes.find(code);
    if (it == m_codes.end() || *it)
        return std::nullopt;
    *it = true;
    return issue();
}

void CloverTokens::revokePair(const QString &refreshToken)
{
    const auto it = m_refresh.find(refreshToken);
    if (it == m_refresh.end())
        return;
    it->revoked = true;
    const auto access = m_access.find(it->accessToken);
    if (access != m_access.end())
        access->revoked = true;
}

std::optional<CloverTokenPair> CloverTokens::refresh(const QString &refreshToken, Check *why)
{
    const auto it = m_refresh.find(refreshToken);
    if (it == m_refresh.end()) {
        *why = Check::Unknown;
        return std::nullopt;
    }
    if (it->spent) {
        // Reuse: refused, and whatever was issued from it goes too (see the class comment).
        const QString issued = it->issuedRefresh;
        revokePair(refreshToken);
        revokePair(issued);
        *why = Check::Revoked;
        return std::nullopt;
    }
    if (it->revoked) {
        *why = Check::Revoked;
        return std::nullopt;
    }
    if (m_clock() >= it->expiresAtMs) {
        *why = Check::Expired;
        return std::nullopt;
    }
    const QString oldAccess = it->accessToken;
    const CloverTokenPair pair = issue();
    Refresh &spent = m_refresh[refreshToken]; // issue() may have rehashed
    spent.spent = true;
    spent.issuedRefresh = pair.refreshToken;
    // The old pair is invalid from now on: its access token too, not only at its expiration.
    const auto access = m_access.find(oldAccess);
    if (access != m_access.end())
        access->revoked = true;
    *why = Check::Valid;
    return pair;
}

CloverTokens::Check CloverTokens::checkAccess(const QString &token) const
{
    const auto it = m_access.constFind(token);
    if (token.isEmpty() || it == m_access.cend())
        return Check::Unknown;
    if (it->revoked)
        return Check::Revoked;
    if (it->expiresAtMs != 0 && m_clock() >= it->expiresAtMs)
        return Check::Expired;
    return Check::Valid;
}

std::optional<qint64> CloverTokens::accessExpiresAtMs(const QString &token) const
{
    const auto it = m_access.constFind(token);
    if (it == m_access.cend() || it->expiresAtMs == 0)
        return std::nullopt;
    return it->expiresAtMs;
}

bool CloverTokens::expireNow(const QString &token)
{
    const auto it = m_access.find(token);
    if (it == m_access.end())
        return false;
    it->expiresAtMs = qMax<qint64>(1, m_clock());
    return true;
}
