// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/clover/cloverratelimiter.h"

int CloverRateLimiter::recentCount(const QString &token, qint64 now)
{
    QList<qint64> &times = m_recent[token];
    while (!times.isEmpty() && times.first() <= now - 1000)
        times.removeFirst();
    return int(times.size());
}

std::optional<CloverRateLimiter::Breach> CloverRateLimiter::admit(const QString &token)
{
    const qint64 now = m_clock();
    if (m_enforced) {
        if (m_inFlight.value(token) >= tokenConcurrentLimit)
            return breachNamed(QStringLiteral("tokenConcurrentLimit"));
        if (m_allInFlight >= crossTokenConcurrentLimit)
            return breachNamed(QStringLiteral("crossTokenConcurrentLimit"));
        if (recentCount(token, now) >= tokenLimit)
            return breachNamed(QStringLiteral("tokenLimit"));
        int all = 0;
        for (auto it = m_recent.begin(); it != m_recent.end(); ++it)
            all += recentCount(it.key(), now);
        if (all >= crossTokenLimit)
            return breachNamed(QStringLiteral("crossTokenLimit"));
    }
    m_recent[token].append(now);
    ++m_inFlight[token];
    ++m_allInFlight;
    return std::nullopt;
}

void CloverRateLimiter::finished(const QString &token)
{
    auto it = m_inFlight.find(token);
    if (it == m_inFlight.end() || *it == 0)
        return;
    --*it;
    --m_allInFlight;
}

std::optional<CloverRateLimiter::Breach> CloverRateLimiter::breachNamed(const QString &name)
{
    static const QList<QPair<QString, int>> limits {
        {QStringLiteral("tokenLimit"), tokenLimit},
        {QStringLiteral("crossTokenLimit"), crossTokenLimit},
        {QStringLiteral("tokenConcurrentLimit"), tokenConcurrentLimit},
        {QStringLiteral("crossTokenConcurrentLimit"), crossTokenConcurrentLimit}};
    for (const auto &[limitName, value] : limits) {
        if (limitName == name)
            return Breach {"X-RateLimit-" + limitName.toLatin1(), value};
    }
    return std::nullopt;
}
