// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubsnapshot.h"

#include <algorithm>
#include <utility>

HubSnapshot::HubSnapshot(QList<qint64> seqs, qint64 through)
    : m_seqs(std::move(seqs))
    , m_through(through)
    , m_open(true)
{ }

QList<qint64> HubSnapshot::takeNext(int limit)
{
    const qsizetype count = std::min<qsizetype>(qMax(limit, 0), m_seqs.size() - m_next);
    QList<qint64> next = m_seqs.mid(m_next, count);
    m_next += count;
    return next;
}

qint64 HubSnapshot::countUpTo(qint64 seq) const
{
    return std::upper_bound(m_seqs.cbegin(), m_seqs.cend(), seq) - m_seqs.cbegin();
}

qint64 HubSnapshot::eventsAhead(qint64 stored, qint64 sent) const
{
    if (sent <= stored)
        return 0;
    // Within the snapshot only its own seqs count: a replay window is a number of events.
    const qint64 inSnapshot = countUpTo(std::min(sent, m_through)) - countUpTo(stored);
    return qMax<qint64>(0, inSnapshot) + qMax<qint64>(0, sent - std::max(stored, m_through));
}
