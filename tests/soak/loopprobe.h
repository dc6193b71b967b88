// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

/**
 * The event loop's pulse: a precise timer of a few milliseconds on the GUI thread, and the gaps
 * between its runs. A gap past a frame (16.7 ms) is a frame the board could not have drawn: some
 * piece of work held the loop that long.
 */
class LoopProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopProbe)

public:
    static constexpr double frameMs = 1000.0 / 60.0;

    struct Summary
    {
        qint64 gaps = 0;
        double maxMs = 0;
        double p99Ms = 0;
        qint64 overFrame = 0; // gaps longer than a frame
    };

    explicit LoopProbe(int intervalMs = 5, QObject *parent = nullptr);

    int intervalMs() const { return m_timer.interval(); }
    void start();
    /** Makes room for beats gaps at once: a list growing during the run would count in the
     *  process's memory as if the console held it. */
    void reserve(qsizetype beats) { m_gapsUs.reserve(beats); }
    /** Beats again after stop(), keeping the gaps so far; the pause itself is not a gap. */
    void resume();
    void stop();
    Summary summary() const;

private:
    void beat();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    QList<qint32> m_gapsUs;
};
