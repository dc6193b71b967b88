// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"

#include <QObject>
#include <QTimer>

class Clock;

/**
 * Busy mode: the store tells the platform to stop sending new orders until a time, and resumes by
 * itself at that time. Pauses and resumes are store-level events in the log (and so in the outbox
 * for the platform); the current pause is read back from the log at start. Orders that still
 * arrive meanwhile (placed before the platform saw the pause, walk-ins from a POS) are shown and
 * worked as usual: a pause refuses nothing on this console.
 */
class StorePause final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePause)

public:
    static constexpr int defaultTickMs = 1000;
    /**
     * How long a console waits past the end of a pause another console set before it resumes the
     * store itself: the console that paused resumes on time, so consoles do not all write a
     * resume, yet a pause never outlives a console that was switched off.
     */
    static constexpr qint64 takeOverAfterMs = 60'000;

    /** Appends through the engine (which tells the sync client); reads the time from clock. */
    StorePause(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);

    /** Reads the pause from the log; a pause whose time passed while the console was off ends now.
     */
    void restore();

    /** True while the store tells the platform to send no new orders. */
    bool isPaused() const { return m_pausedUntil > 0; }
    /** When the pause ends (UTC ms), or 0 when the store is taking orders. */
    qint64 pausedUntil() const { return m_pausedUntil; }

    /** Pauses the store until untilMs (or moves the end of a pause); refused for a time not ahead.
     */
    CommandResult pause(qint64 untilMs, const Actor &actor);
    /** Ends the pause now; refused when the store is not paused. */
    CommandResult resume(const Actor &actor);

    /** How often, at most, the clock is read while paused; tests with a manual clock shorten it. */
    void setTickIntervalMs(int ms);

Q_SIGNALS:
    /** The store was paused until untilMs, or resumed (untilMs == 0). */
    void pauseChanged(qint64 untilMs);

private:
    CommandResult append(EventKind kind, qint64 untilMs, const Actor &actor);
    void setPausedUntil(qint64 untilMs);
    void armTimer();
    qint64 resumeAt() const;
    void onTick();

    OrderEngine &m_engine;
    const Clock &m_clock;
    qint64 m_pausedUntil = 0;
    bool m_ownPause = false; // this console set the running pause
    int m_tickMs = defaultTickMs;
    QTimer m_timer;
};
