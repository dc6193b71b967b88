// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

class QSettings;

/**
 * When a destination's failed attempts are tried again, and when it gives up: the wait after an
 * event's n-th failure is random(0, min(cap, base·2^(n-1))) (capped exponential with full jitter,
 * common/Backoff), or longer when the far end said when to come back (Retry-After).
 */
struct RetryPolicy
{
    qint64 baseMs = 1000;
    qint64 capMs = 5 * 60 * 1000;
    int maxAttempts = 10; // failed attempts before the event goes to the dead letters
    quint32 seed = 0; // the jitter's seed: fixed in tests, 0 for one from the system
    // A Retry-After longer than this is taken as this: a far end that asks for a day is more
    // likely confused than right, and the events would sit unseen meanwhile.
    qint64 retryAfterCapMs = 60 * 60 * 1000;

    /**
     * The policy in settings group (e.g. "pos"): max_attempts (1–100), retry_base_ms
     * (10–60000) and retry_cap_ms (1000–3600000). A missing or out-of-range value keeps the one
     * in defaults (logged), so a typo never stops delivery.
     */
    static RetryPolicy fromSettings(const QSettings &settings, const QString &group,
                                    const RetryPolicy &defaults);
    /** The same over the built-in defaults. */
    static RetryPolicy fromSettings(const QSettings &settings, const QString &group);
};
