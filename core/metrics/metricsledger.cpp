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

void MetricsLedger::refold(const QString &orderId, const QList<LoggedEvent> &events)
{
    OrderTimeline timeline;
    for (const LoggedEvent &event : events) {
        m_lastSeq = std::max(m_lastSeq, event.seq);
        timeline.apply(event);
    }
    m_timelines.insert(orderId, timeline);
}
