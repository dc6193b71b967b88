// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

/**
 * Capped exponential backoff with full jitter (reference/reliability.md §6): the n-th retry waits
 * random(0, min(cap, base·2^n)), so consoles that lost the hub together do not return together.
 */
class Backoff final
{
public:
    Backoff(qint64 baseMs, qint64 capMs, quint32 seed);

    /** The wait before the next attempt; each call counts one more attempt. */
    qint64 nextDelayMs();
    /** After a success: the next failure starts from the base again. */
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }
    /** A uniformly random delay in [0, maxMs], from the same generator. */
    qint64 jitterMs(qint64 maxMs);

private:
    qint64 m_baseMs;
    qint64 m_capMs;
    int m_attempts = 0;
    QRandomGenerator m_random;
};
