// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

/**
 * Capped exponential backoff with full jitter (reference/reliability.md §6): the n-th retry waits
 * random(0, min(cap, base·2^n)), so clients that failed together do not return together. The
 * platform's link counts its own attempts (nextDelayMs); a channel's dispatcher asks for the wait
 * after an event's n-th failure (delayAfter), since each event counts its own in the outbox.
 */
class Backoff final
{
public:
    /** seed fixes the jitter (tests); 0 draws one from the system's generator. */
    Backoff(qint64 baseMs, qint64 capMs, quint32 seed);

    /** The wait before the next attempt; each call counts one more attempt. */
    qint64 nextDelayMs();
    /** The wait after the failures-th failure (1 for the first): random(0, min(cap, base·2^(failures-1))). */
    qint64 delayAfter(int failures);
    /** The bound delayAfter(failures) draws under: min(cap, base·2^(failures-1)). */
    qint64 ceilingAfter(int failures) const;
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
