// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsledger.h"

QString MetricsLedger::apply(const LoggedEvent &event)
{
    m_lastSeq = std::max(m_lastSeq, event.seq);
    if (event.orderId.isEmpty() || EventKinds::isStoreLevel(event.kind))
        return {};
    m_timelines[event.orderId].apply(event);
    return event.orderId;
}

bool MetricsLedger::follows(const LoggedEvent &event) const
{
    const bool step = event.kind == EventKind::Transition || event.kind == EventKind::Recall;
    if (!step || event.refused || !event.from)
        return true;
    const auto timeline = m_timelines.constFind(event.orderId);
    return timeline != m_timelines.cend() && timeline->isPlaced()
            && timeline->state() == *event.from;
}

void MetricsLedger::refold(const QString &orderId, const QList<LoggedEvent> &events)
{
    // The events come from a read of their own, never past what was folded: the next read after
    // lastSeq() must not skip another order's events.
    OrderTimeline timeline;
    for (const LoggedEvent &event : events)
        timeline.apply(event);
    m_timelines.insert(orderId, timeline);
}
