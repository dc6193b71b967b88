// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <algorithm>

Backoff::Backoff(qint64 baseMs, qint64 capMs, quint32 seed)
    : m_baseMs(std::max<qint64>(1, baseMs)), m_capMs(std::max(baseMs, capMs)), m_random(seed)
{
}

qint64 Backoff::nextDelayMs()
{
    // Shift at most 30 so the exponent never overflows; the cap bounds it long before.
    const int shift = std::min(m_attempts, 30);
    const qint64 ceiling = std::min(m_capMs, m_baseMs << shift);
    ++m_attempts;
    return jitterMs(ceiling);
}

qint64 Backoff::jitterMs(qint64 maxMs)
{
    return maxMs <= 0 ? 0 : qint64(m_random.bounded(quint64(maxMs) + 1));
}
