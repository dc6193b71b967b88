// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <algorithm>

namespace {
quint32 seedFrom(quint32 configured)
{
    return configured != 0 ? configured : QRandomGenerator::system()->generate();
}
} // namespace

Backoff::Backoff(qint64 baseMs, qint64 capMs, quint32 seed)
    : m_baseMs(std::max<qint64>(1, baseMs))
    , m_capMs(std::max(m_baseMs, capMs))
    , m_random(seedFrom(seed))
{
}

qint64 Backoff::nextDelayMs()
{
    ++m_attempts;
    return delayAfter(m_attempts);
}

qint64 Backoff::ceilingAfter(int failures) const
{
    // Shift at most 30 so the exponent never overflows; the cap bounds it long before.
    const int shift = std::clamp(failures - 1, 0, 30);
    return std::min(m_capMs, m_baseMs << shift);
}

qint64 Backoff::delayAfter(int failures)
{
    return jitterMs(ceilingAfter(failures));
}

qint64 Backoff::jitterMs(qint64 maxMs)
{
    return maxMs <= 0 ? 0 : qint64(m_random.bounded(quint64(maxMs) + 1));
}
