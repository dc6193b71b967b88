// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderchannel.h"

#include <QString>

#include <optional>

/** How one destination is doing: what a sync status view or kc-admin shows. */
struct ChannelHealth
{
    QString destination;
    OrderChannel::State state = OrderChannel::State::Offline;
    int pending = 0; // outbox rows waiting for this destination
    std::optional<qint64> oldestPendingAt; // UTC ms, when the oldest of them was queued
    QString lastError; // the latest refusal or failed attempt, empty after a delivery
    int deadLetters = 0;
};

/** When a destination's failed attempts are tried again, and when it gives up. */
struct RetryPolicy
{
    qint64 baseMs = 1000;
    qint64 capMs = 5 * 60 * 1000;
    int maxAttempts = 10; // failed attempts before the event goes to the dead letters

    /** The wait after the attempts-th failure: doubling from base, capped. */
    qint64 delayAfter(int attempts) const
    {
        qint64 delay = baseMs;
        for (int i = 1; i < attempts && delay < capMs; ++i)
            delay *= 2;
        return qMin(delay, capMs);
    }
};
