// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixedworkprobe.h"

#include "loopprobe.h"
#include "slowwork.h"

#include <algorithm>

namespace {
// About a millisecond in a Release build on the machines this ran on; what matters is that it
// is the same every time: no allocation, no system call, a table that stays in the L1 cache.
constexpr int rounds = 600'000;

quint64 fixedArithmetic(quint64 seed)
{
    std::array<quint32, 256> table {};
    quint64 state = seed | 1;
    for (int i = 0; i < rounds; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        table[(state >> 56) & 0xff] += quint32(state >> 24);
    }
    quint64 sum = 0;
    for (quint32 entry : table)
        sum += entry;
    return sum;
}
} // namespace

FixedWorkProbe::FixedWorkProbe(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FixedWorkProbe::runPiece);
}

void FixedWorkProbe::start()
{
    if (m_timer.interval() > 0)
        m_timer.start();
}

void FixedWorkProbe::stop()
{
    m_timer.stop();
}

void FixedWorkProbe::runPiece()
{
    const qint64 start = SectionTimer::threadCpuNs();
    m_sink += fixedArithmetic(m_sink + quint64(m_cpuUs.size()));
    const qint64 took = SectionTimer::threadCpuNs() - start;
    m_cpuUs.append(qint32(std::min<qint64>(took / 1000, INT32_MAX)));
}

FixedWorkProbe::Summary FixedWorkProbe::summary() const
{
    Summary summary;
    if (m_cpuUs.isEmpty())
        return summary;
    QList<qint32> sorted = m_cpuUs;
    std::sort(sorted.begin(), sorted.end());
    summary.pieces = sorted.size();
    summary.medianMs = sorted.at(sorted.size() / 2) / 1000.0;
    summary.maxMs = sorted.constLast() / 1000.0;
    summary.overFrame = std::count_if(sorted.cbegin(), sorted.cend(), [](qint32 us) {
        return us / 1000.0 > LoopProbe::frameMs;
    });
    qint64 busyUs = 0;
    for (qint32 us : sorted) {
        busyUs += us;
        for (size_t i = 0; i < summary.addedOver.size(); ++i)
            summary.addedOver[i] += us / 1000.0 - summary.medianMs > Summary::addedMs[i] ? 1 : 0;
    }
    summary.busySeconds = busyUs / 1e6;
    return summary;
}
