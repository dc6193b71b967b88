// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <array>

/**
 * What the machine adds to the GUI thread's CPU time: the same small piece of arithmetic, run on
 * the GUI thread every so often through the soak, always the same instructions on the same few
 * bytes. Its CPU time should hardly vary; what it varies by is the machine's, not the console's:
 * on a virtual machine, a thread's CPU clock runs on while the host holds its virtual CPU, and
 * interrupts handled on the thread's time count to it as well. A piece that took more than a
 * frame of CPU shows that the machine alone can make a delivery do so.
 */
class FixedWorkProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixedWorkProbe)

public:
    struct Summary
    {
        qint64 pieces = 0;
        double medianMs = 0;
        double maxMs = 0;
        qint64 overFrame = 0; // pieces that took more than a frame of CPU
        double busySeconds = 0; // the CPU time all pieces took
        // Pieces to which the machine added more than 2, 5 and 10 ms over the median.
        std::array<qint64, 3> addedOver {};
        static constexpr std::array<double, 3> addedMs {2, 5, 10};
    };

    /** A piece every intervalMs of real time; none when intervalMs is 0. */
    explicit FixedWorkProbe(int intervalMs, QObject *parent = nullptr);

    const QTimer *timer() const { return &m_timer; }
    /** Makes room for pieces results at once, so that the list never grows during the soak. */
    void reserve(qsizetype pieces) { m_cpuUs.reserve(pieces); }
    void start();
    void stop();
    Summary summary() const;

private:
    void runPiece();

    QTimer m_timer;
    QList<qint32> m_cpuUs;
    quint64 m_sink = 0; // keeps the compiler from dropping the arithmetic
};
