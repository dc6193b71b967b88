// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order.h"
#include "orderstate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

/** What a transition must carry besides its target. */
enum class Requirement {
    None,
    PromisedTime, // accepting promises a ready time
    Reason, // rejecting and cancelling say why
};

/** One row of the transition table in DESIGN.md. */
struct TransitionRule
{
    QList<OrderState> from;
    OrderState to;
    QList<ActorRole> actors;
    QList<OrderType> types;
    Requirement requirement = Requirement::None;
    bool isRecall = false; // recalls are their own event kind and have a time window
};

/** Why a request was refused; None when it is allowed. */
enum class Refusal {
    None,
    FinalState,
    AlreadyThere,
    NoSuchStep,
    WrongOrderType,
    NotPermitted,
    MissingPromisedTime,
    MissingReason,
    RecallWindowPassed,
};

/** The answer to "may this happen now?": allowed, or refused with words a cook can read. */
struct Verdict
{
    Refusal refusal = Refusal::None;
    QString reason;

    bool allowed() const { return refusal == Refusal::None; }
    static Verdict allow() { return {}; }
};

/** What a request carries besides who and where to. */
struct TransitionDetails
{
    QString reason;
    qint64 promisedAt = 0; // UTC ms
    int prepMinutes = 0; // the quote staff chose when accepting; recorded beside the promise
};

/** The order state machine, held as a table of legal transitions (DESIGN.md). */
class StateMachine final
{
    Q_DECLARE_TR_FUNCTIONS(StateMachine)

public:
    static constexpr qint64 defaultRecallWindowMs = 10 * 60 * 1000;

    explicit StateMachine(qint64 recallWindowMs = defaultRecallWindowMs);

    /** The whole table, recall rows included. */
    static const QList<TransitionRule> &rules();

    /** May an actor of this role move the order to the target state now? */
    Verdict check(const Order &order, OrderState to, ActorRole actor,
                  const TransitionDetails &details, qint64 nowMs) const;
    /**
     * May an actor of this role reject the order now? Asked before anyone is asked for a reason,
     * so a missing reason is not a refusal here.
     */
    Verdict checkReject(const Order &order, ActorRole actor, qint64 nowMs) const;
    /** May an actor of this role recall the order (undo its last bump) now? */
    Verdict checkRecall(const Order &order, ActorRole actor, qint64 nowMs) const;

    /** The state a staff "bump" moves the order to, if any (placed → accepted → … → handed over). */
    static std::optional<OrderState> nextStep(const Order &order);
    /** The state a recall returns the order to, if it is recallable at all. */
    static std::optional<OrderState> recallTarget(const Order &order);

    qint64 recallWindowMs() const { return m_recallWindowMs; }

private:
    static const TransitionRule *findRule(const Order &order, OrderState to, bool recall);

    qint64 m_recallWindowMs;
};
