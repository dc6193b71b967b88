// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loggedevent.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>

/**
 * One order's life as the figures need it, folded from its events one at a time (O(1) each):
 * when each state was last entered and how long it was held, recalls, why it ended, and when each
 * station and line finished. Times come from the events' occurred-at, never from when they were
 * read; a step that goes back in time (a clock set back) is counted as unusable, not as a
 * negative wait.
 */
class OrderTimeline final
{
public:
    static constexpr int stateCount = 10; // OrderStates::all().size()

    /** One line marked done at its station. */
    struct LineDone
    {
        int item = -1;
        QString station;
        QString name;
        qint64 doneAt = 0;
    };

    /** Folds one event of this order in; refused events change nothing but their count. */
    void apply(const LoggedEvent &event);

    bool isPlaced() const { return m_placedAt > 0; }
    QString number() const { return m_number; }
    QString source() const { return m_source; }
    OrderType type() const { return m_type; }
    qint64 placedAt() const { return m_placedAt; }
    qint64 promisedAt() const { return m_promisedAt; }
    OrderState state() const { return m_state; }
    qint64 stateSince() const { return m_stateSince; }

    /** When the order last entered state, 0 if it never did. */
    qint64 enteredAt(OrderState state) const { return m_enteredAt[index(state)]; }
    /** Time spent in state over the stays it has ended, if it ever left it. */
    std::optional<qint64> timeIn(OrderState state) const;
    /** Whether the order has been in state at all. */
    bool wasIn(OrderState state) const { return m_enteredAt[index(state)] > 0; }

    int recalls() const { return m_recalls; }
    int refusals() const { return m_refusals; }
    int transitions() const { return m_transitions; }
    int unusableSteps() const { return m_unusable; }
    QString endReason() const { return m_endReason; }
    /** The state a cancelled order was cancelled from. */
    std::optional<OrderState> cancelledFrom() const { return m_cancelledFrom; }

    /** One station whose work is done, and when it was last marked done. */
    struct StationDone
    {
        QString station;
        qint64 doneAt = 0;
    };
    /**
     * Each station whose work is done, in the order they were marked done. A list: an order has a
     * few stations, and Qt's smallest hash costs over a kilobyte for each of a month's orders.
     */
    const QList<StationDone> &stationsDone() const { return m_stationsDone; }
    /** Each line marked done on its own, with when. */
    const QList<LineDone> &linesDone() const { return m_linesDone; }
    /** Every state entry as (state, when), for the flow across the day. */
    const QList<std::pair<OrderState, qint64>> &entries() const { return m_entries; }

    static int index(OrderState state) { return int(state); }

private:
    void enter(OrderState state, qint64 at);
    void markStation(const LoggedEvent &event);
    void markLine(const LoggedEvent &event);

    QString m_number;
    QString m_source;
    OrderType m_type = OrderType::Pickup;
    qint64 m_placedAt = 0;
    qint64 m_promisedAt = 0;
    OrderState m_state = OrderState::Placed;
    qint64 m_stateSince = 0;
    std::array<qint64, stateCount> m_enteredAt{};
    std::array<qint64, stateCount> m_heldMs{};
    std::array<bool, stateCount> m_left{};
    int m_recalls = 0;
    int m_refusals = 0;
    int m_transitions = 0;
    int m_unusable = 0;
    QString m_endReason;
    std::optional<OrderState> m_cancelledFrom;
    QList<StationDone> m_stationsDone;
    QList<LineDone> m_linesDone;
    QList<std::pair<OrderState, qint64>> m_entries;
};
