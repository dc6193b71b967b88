// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

/** What one run of bench/fanout does; the defaults are the full run, quick() the CI smoke. */
struct FanoutSettings
{
    int stores = 4;
    int consoles = 3; // per store
    int warmupRounds = 12; // fan-out rounds run but not counted
    int rounds = 200; // fan-out samples (submits, spread over the stores)
    int replayEvents = 10'000;
    int replayRounds = 3;
    int roundTimeoutMs = 10'000; // a fan-out that takes this long is a failure, not a sample
    int replayTimeoutMs = 300'000;

    static FanoutSettings quick()
    {
        FanoutSettings settings;
        settings.warmupRounds = 4;
        settings.rounds = 30;
        settings.replayEvents = 1000; // preloading the hub costs one fsync per event
        settings.replayRounds = 1;
        return settings;
    }
};

/** Small tools the fanout bench shares between its figures (BenchRun has those of every bench). */
namespace FanoutSupport {
/**
 * Runs the event loop until done() holds or timeoutMs passes; true if done. Completion is polled
 * every millisecond: callers take their timestamps in signal handlers, not here.
 */
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
/** The nearest-rank percentile (0 < p ≤ 100) of values; 0 for none. */
double percentile(QList<double> values, double p);
} // namespace FanoutSupport
