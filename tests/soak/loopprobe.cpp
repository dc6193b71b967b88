// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopprobe.h"

#include <algorithm>

LoopProbe::LoopProbe(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LoopProbe::beat);
}

void LoopProbe::start()
{
    m_gapsUs.resize(0); // keeps what reserve() made room for
    m_lastNs = -1;
    m_clock.start();
    m_timer.start();
}

void LoopProbe::resume()
{
    m_lastNs = -1;
    m_timer.start();
}

void LoopProbe::stop()
{
    m_timer.stop();
}

void LoopProbe::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs >= 0)
        m_gapsUs.append(qint32(std::min<qint64>((now - m_lastNs) / 1000, INT32_MAX)));
    m_lastNs = now;
}

LoopProbe::Summary LoopProbe::summary() const
{
    Summary summary;
    if (m_gapsUs.isEmpty())
        return summary;
    QList<qint32> sorted = m_gapsUs;
    std::sort(sorted.begin(), sorted.end());
    summary.gaps = sorted.size();
    summary.maxMs = sorted.constLast() / 1000.0;
    summary.p99Ms =
        sorted.at(std::min<qsizetype>(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0;
    summary.overFrame = std::count_if(sorted.cbegin(), sorted.cend(),
                                      [](qint32 us) { return us / 1000.0 > frameMs; });
    return summary;
}
