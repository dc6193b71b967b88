// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loggedevent.h"
#include "ordertimeline.h"

#include <QHash>
#include <QList>
#include <QString>

/**
 * Every order's timeline, folded from the log: the only state the figures keep, and nothing but a
 * fold of the log, so it cannot drift from it. Events are folded in log order; an order whose log
 * order is not its history's (a local step the platform overtook) is folded again in the
 * history's order, as the board has it. Store-level events are not order figures and are passed
 * over.
 */
class MetricsLedger final
{
public:
    /** Folds one event in; returns the id of the order it changed, empty if none. */
    QString apply(const LoggedEvent &event);
    /**
     * Whether event's step starts where its order stands: false for a step the log holds before
     * the one the platform put ahead of it, once the platform's has arrived. Such an order is to
     * be folded again in its history's order (refold()).
     */
    bool follows(const LoggedEvent &event) const;
    /**
     * Folds an order again from its events (read up to lastSeq()): for an event the platform
     * refused after it was folded (it must then count as never having happened), or an order
     * whose log order is not its history's.
     */
    void refold(const QString &orderId, const QList<LoggedEvent> &events);
    /** Drops an order whose events left the log for an archive file. */
    void forget(const QString &orderId) { m_timelines.remove(orderId); }

    const QHash<QString, OrderTimeline> &timelines() const { return m_timelines; }
    /** The last event folded in, 0 before the first. */
    qint64 lastSeq() const { return m_lastSeq; }

private:
    QHash<QString, OrderTimeline> m_timelines;
    qint64 m_lastSeq = 0;
};
