// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortedsamples.h"

#include <algorithm>
#include <cmath>

void SortedSamples::add(qint64 ms)
{
    m_pending.append(ms);
}

void SortedSamples::settle() const
{
    if (m_pending.isEmpty())
        return;
    std::sort(m_pending.begin(), m_pending.end());
    const qsizetype sorted = m_samples.size();
    m_samples.append(m_pending);
    m_pending.clear();
    std::inplace_merge(m_samples.begin(), m_samples.begin() + sorted, m_samples.end());
}

bool SortedSamples::remove(qint64 ms)
{
    settle();
    const auto it = std::lower_bound(m_samples.cbegin(), m_samples.cend(), ms);
    if (it == m_samples.cend() || *it != ms)
        return false;
    m_samples.remove(it - m_samples.cbegin());
    return true;
}

qint64 SortedSamples::percentile(double p) const
{
    settle();
    if (m_samples.isEmpty())
        return 0;
    // Rounded first so that 0.9 * 10 is rank 9, not 10 through a floating-point error.
    const double rank = std::ceil(std::round(p / 100.0 * m_samples.size() * 1e6) / 1e6);
    const qsizetype index = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, m_samples.size() - 1);
    return m_samples.at(index);
}

Distribution SortedSamples::distribution() const
{
    settle();
    Distribution result;
    result.count = count();
    if (m_samples.isEmpty())
        return result;
    result.fastest = m_samples.constFirst();
    result.median = percentile(50);
    result.p90 = percentile(90);
    result.p99 = percentile(99);
    result.slowest = m_samples.constLast();
    return result;
}
