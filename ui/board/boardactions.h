// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "settings/boardoptions.h"

#include <QCoreApplication>

class Clock;

/**
 * What the board's keys mean in engine commands: bump accepts with a promised time, recall picks
 * from the recall list, delay pushes the promise back, reject carries a reason. Every answer is a
 * CommandResult whose message BoardController shows when it is refused.
 */
class BoardActions final
{
    Q_DECLARE_TR_FUNCTIONS(BoardActions)

public:
    BoardActions(OrderEngine &engine, const Clock &clock, BoardOptions options);

    const BoardOptions &options() const { return m_options; }
    void setOptions(const BoardOptions &options) { m_options = options; }
    Actor actor() const;

    /** Moves the order one step; accepting promises ready in defaultPrepMinutes. */
    CommandResult advance(const QString &orderId);
    /** Whether bumping this order first asks for a prep-time quote (it is still placed). */
    bool needsQuote(const QString &orderId) const;
    /** Accepts a placed order, promising it ready prepMinutes from now. */
    CommandResult accept(const QString &orderId, int prepMinutes);
    /** Whether the order's promise may be pushed back, before anyone is asked by how much. */
    CommandResult checkDelay(const QString &orderId) const;
    CommandResult delay(const QString &orderId, int minutes);
    /** The recall list: tickets bumped within the recall window, latest first. */
    QList<Order> recallable() const;
    /** Recalls one ticket of the recall list. */
    CommandResult recallOrder(const QString &orderId);
    qint64 recallWindowMs() const { return m_engine.config().recallWindowMs; }
    /** Whether the order may be rejected at all (StateMachine::checkReject), before a reason. */
    CommandResult checkReject(const QString &orderId) const;
    CommandResult reject(const QString &orderId, const QString &reason);
    /** Marks the station's items on the order done (the station screen's bump). */
    CommandResult bumpStation(const QString &orderId, const QString &station);
    /** Reopens the station's items on the order (the station screen's recall). */
    CommandResult reopenStation(const QString &orderId, const QString &station);
    /** Marks the order's line (an index into its items) done, or open again if it was done. */
    CommandResult toggleItem(const QString &orderId, int line);

private:
    static CommandResult refusal(const QString &message);

    OrderEngine &m_engine;
    const Clock &m_clock;
    BoardOptions m_options;
};
