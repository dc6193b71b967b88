// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardoptions.h"
#include "engine/orderengine.h"

#include <QCoreApplication>

class Clock;

/**
 * What the board's keys mean in engine commands: bump accepts with a promised time, recall falls
 * back to the last handed-over ticket, reject carries a reason. Every answer is a CommandResult
 * whose message the window shows when it is refused.
 */
class BoardActions final
{
    Q_DECLARE_TR_FUNCTIONS(BoardActions)

public:
    BoardActions(OrderEngine &engine, const Clock &clock, BoardOptions options);

    const BoardOptions &options() const { return m_options; }
    Actor actor() const;

    /** Moves the order one step; accepting promises ready in defaultPrepMinutes. */
    CommandResult advance(const QString &orderId);
    /**
     * Recalls the selected ticket if it can be recalled, else the last handed-over order still in
     * the recall window; with neither, says why.
     */
    CommandResult recall(const QString &selectedOrderId);
    /** Whether the order may be rejected at all, before anyone is asked for a reason. */
    CommandResult checkReject(const QString &orderId) const;
    CommandResult reject(const QString &orderId, const QString &reason);
    /** Marks the station's items on the order done (the station screen's bump). */
    CommandResult bumpStation(const QString &orderId, const QString &station);
    /** Reopens the station's items on the order (the station screen's recall). */
    CommandResult reopenStation(const QString &orderId, const QString &station);

private:
    static CommandResult refusal(const QString &message);

    OrderEngine &m_engine;
    const Clock &m_clock;
    BoardOptions m_options;
};
