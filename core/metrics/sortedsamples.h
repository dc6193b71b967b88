// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

/** A distribution of durations as people read it: how many, fastest, percentiles, slowest. */
struct Distribution
{
    int count = 0;
    qint64 fastest = 0; // ms; all zero when count is 0
    qint64 median = 0; // the 50th percentile
    qint64 p90 = 0;
    qint64 p99 = 0;
    qint64 slowest = 0;

    friend bool operator==(const Distribution &a, const Distribution &b)
    {
        return a.count == b.count && a.fastest == b.fastest && a.median == b.median
                && a.p90 == b.p90 && a.p99 == b.p99 && a.slowest == b.slowest;
    }
};

/**
 * Durations kept sorted, so that one can be added or taken back (an order's figure changed by a
 * later event) without re-sorting, and any percentile is read at once. Additions wait unsorted
 * until the next read or removal, then are sorted and merged in once: a month of samples added
 * in one go costs one sort, not one shift of the whole list per sample. Percentiles are by
 * nearest rank: the p-th is the smallest sample with at least p % of the samples at or below it,
 * so every figure is a time that really happened.
 */
class SortedSamples final
{
public:
    /** Adds one duration (ms). */
    void add(qint64 ms);
    /** Takes back one duration added before; false if there was none equal to it. */
    bool remove(qint64 ms);
    int count() const { return int(m_samples.size() + m_pending.size()); }
    /** The p-th percentile (0 < p ≤ 100) by nearest rank; 0 when empty. */
    qint64 percentile(double p) const;
    /** Count, fastest, median, p90, p99 and slowest. */
    Distribution distribution() const;

private:
    void settle() const;

    mutable QList<qint64> m_samples; // sorted
    mutable QList<qint64> m_pending; // added since the last read, unsorted
};
