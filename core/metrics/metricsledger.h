// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loggedevent.h"
#include "ordertimeline.h"

#include <QHash>
#include <QList>
#include <QString>

/**
 * Every order's timeline, folded from the log in log order: the only state the figures keep, and
 * nothing but a fold of the log, so it cannot drift from it. Store-level events are not order
 * figures and are passed over.
 */
class MetricsLedger final
{
public:
    /** Folds one event in; returns the id of the order it changed, empty if none. */
    QString apply(const LoggedEvent &event);
    /**
     * Folds an order again from all its events: for an event the platform refused after it was
     * folded (it must then count as never having happened).
     */
    void refold(const QString &orderId, const QList<LoggedEvent> &events);

    const QHash<QString, OrderTimeline> &timelines() const { return m_timelines; }
    /** The last event folded in, 0 before the first. */
    qint64 lastSeq() const { return m_lastSeq; }

private:
    QHash<QString, OrderTimeline> m_timelines;
    qint64 m_lastSeq = 0;
};
