// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QString>

#include <array>
#include <functional>

/**
 * What held the GUI thread's event loop: every event delivered at the top of its loop (a timer,
 * a queued call, a socket's data, a paint) is timed, and those that took half a frame or more
 * are tallied by what received them (its class and its parents', a timer's interval and name),
 * with the thread's CPU time beside the wall time: a slow delivery that used little CPU waited
 * (for the disk, or for a core the machine's other work held).
 * Parts of one delivery that the soak itself runs (placing orders, a robot's look at the board)
 * are timed and tallied by name too, so a slow drive tick says which part was slow.
 */
class SlowWorkApplication final : public QApplication
{
public:
    static constexpr qint64 slowNs = 8'000'000; // half a frame

    SlowWorkApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;
    /** Tallies a named part of the soak's own work if it was slow. */
    void noteSection(const QString &what, qint64 ns, qint64 cpuNs);
    /** Starts or stops tallying (the bare loop's baseline is not tallied). */
    void setTallying(bool on) { m_tallying = on; }
    /** Leaves deliveries to receiver out of every tally and total: a probe's, which it times. */
    void leaveOut(const QObject *receiver) { m_leftOut.insert(receiver); }
    /**
     * The tallies, slowest total first: what, count (≥ half a frame), over_frame, max_ms,
     * total_ms, cpu_ms (the thread's CPU time in those deliveries) and max_cpu_ms.
     */
    QJsonArray tallies(int most) const;
    /**
     * The most CPU time one delivery on the GUI thread took, in ms: the loop's own work, which
     * no wait for the disk or for a core adds to.
     */
    double longestDeliveryCpuMs() const;

    /** Every tallied delivery, slow or not. */
    struct Totals
    {
        qint64 deliveries = 0;
        qint64 cpuNs = 0; // the GUI thread's CPU time in them
        qint64 overFrameCpu = 0; // deliveries that used more than a frame of CPU
        // Deliveries that used more than 8 and 12 ms of CPU: how near a frame the work comes.
        std::array<qint64, 2> overCpu {};
        static constexpr std::array<double, 2> overCpuMs {8, 12};
    };
    Totals totals() const { return m_totals; }

    /** What one delivery was, and its wall and CPU time in ns. */
    using Overrun = std::function<void(const QString &what, qint64 ns, qint64 cpuNs)>;
    /** Reports each tallied delivery that used more than cpuNs of CPU, as it ends. */
    void reportCpuOver(qint64 cpuNs, Overrun report)
    {
        m_overrunCpuNs = cpuNs;
        m_overrun = std::move(report);
    }

private:
    struct Tally
    {
        qint64 count = 0;
        qint64 overFrame = 0;
        qint64 maxNs = 0;
        qint64 totalNs = 0;
        qint64 cpuNs = 0;
        qint64 maxCpuNs = 0;
    };
    void note(const QString &what, qint64 ns, qint64 cpuNs);
    static bool isSection(const QString &what);

    QElapsedTimer m_clock;
    int m_depth = 0;
    bool m_tallying = false;
    qint64 m_overrunCpuNs = 0;
    Overrun m_overrun;
    QHash<QString, Tally> m_tallies;
    Totals m_totals;
    QSet<const QObject *> m_leftOut;
};

/** Times a named part of the soak's work for the application's tallies. */
class SectionTimer final
{
public:
    explicit SectionTimer(QString what)
        : m_what(std::move(what))
    {
        m_timer.start();
        m_cpuNs = threadCpuNs();
    }
    /** The calling thread's CPU time so far. */
    static qint64 threadCpuNs();
    ~SectionTimer();
    Q_DISABLE_COPY_MOVE(SectionTimer)

private:
    QString m_what;
    QElapsedTimer m_timer;
    qint64 m_cpuNs = 0;
};
