// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <atomic>

/** Wall-clock time source, injected everywhere so tests can move time. */
class Clock
{
public:
    virtual ~Clock() = default;
    /** Current UTC time in milliseconds since the epoch. */
    virtual qint64 nowMs() const = 0;
};

/** The real clock. */
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

/** A clock that only moves when told; for tests and replays. Safe to read from any thread. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs) : m_nowMs(startMs) { }
    qint64 nowMs() const override { return m_nowMs.load(std::memory_order_relaxed); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms, std::memory_order_relaxed); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_nowMs{0};
};
