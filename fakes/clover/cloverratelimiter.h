// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/**
 * Clover's published limits for one app: 16 requests a second and 5 in flight per token, 50 a
 * second and 10 in flight across the app's tokens. Seconds are the fake's clock, so a test moves
 * time instead of waiting. Off by default: a test turns it on when it means to hit it.
 */
class CloverRateLimiter final
{
public:
    static constexpr int tokenLimit = 16;
    static constexpr int crossTokenLimit = 50;
    static constexpr int tokenConcurrentLimit = 5;
    static constexpr int crossTokenConcurrentLimit = 10;

    /** The header a 429 carries and its value (the limit that was hit). */
    struct Breach
    {
        QByteArray header;
        int limit = 0;
    };

    explicit CloverRateLimiter(FakeClock clock)
        : m_clock(std::move(clock))
    { }

    void setEnforced(bool on) { m_enforced = on; }
    bool enforced() const { return m_enforced; }

    /** Admits a request (in flight until finished()) or says which limit it breaks. */
    std::optional<Breach> admit(const QString &token);
    void finished(const QString &token);
    int inFlight(const QString &token) const { return m_inFlight.value(token); }

    /** The header name for a limit's name: "tokenLimit" → "X-RateLimit-tokenLimit" and value. */
    static std::optional<Breach> breachNamed(const QString &name);

private:
    int recentCount(const QString &token, qint64 now);

    FakeClock m_clock;
    bool m_enforced = false;
    QHash<QString, QList<qint64>> m_recent; // token → admission times in the last second
    QHash<QString, int> m_inFlight;
    int m_allInFlight = 0;
};
