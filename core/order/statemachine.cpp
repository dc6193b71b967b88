// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statemachine.h"

#include <QCoreApplication>
#include <QLocale>

namespace {
using S = OrderState;
using R = ActorRole;
using T = OrderType;

const QList<OrderType> allTypes{T::Pickup, T::Delivery, T::DineIn};

QString orderLabel(const Order &order)
{
    return order.number.isEmpty() ? order.id : order.number;
}

QString roleList(const QList<ActorRole> &roles)
{
    QStringList names;
    for (ActorRole role : roles)
        names.append(ActorRoles::displayName(role));
    return QLocale().createSeparatedList(names);
}

QString stateList(const QList<OrderState> &states)
{
    QStringList names;
    for (OrderState state : states)
        names.append(OrderStates::displayName(state));
    return QLocale().createSeparatedList(names);
}

// Rounds up, so "bumped 11 min ago" never reads as inside a 10 min window.
QString duration(qint64 ms)
{
    if (ms < 2 * 60 * 1000)
        return QCoreApplication::translate("StateMachine", "%1 s").arg((ms + 999) / 1000);
    return QCoreApplication::translate("StateMachine", "%1 min").arg((ms + 59999) / 60000);
}

Verdict refuse(Refusal refusal, const QString &reason)
{
    return {refusal, reason};
}
} // namespace

StateMachine::StateMachine(qint64 recallWindowMs) : m_recallWindowMs(recallWindowMs) { }

const QList<TransitionRule> &StateMachine::rules()
{
    // Mirrors the table in DESIGN.md row by row; tests walk it edge by edge.
    static const QList<TransitionRule> table{
            {{S::Placed}, S::Accepted, {R::Staff, R::Pos, R::AutoAccept}, allTypes,
             Requirement::PromisedTime},
            {{S::Placed}, S::Rejected, {R::Staff, R::Pos, R::AutoAccept}, allTypes,
             Requirement::Reason},
            {{S::Placed, S::Accepted, S::Preparing, S::Ready}, S::Cancelled,
             {R::Platform, R::Pos, R::Manager}, allTypes, Requirement::Reason},
            {{S::Accepted}, S::Preparing, {R::Staff, R::Pos}, allTypes},
            {{S::Preparing}, S::Ready, {R::Staff, R::Pos}, allTypes},
            {{S::Ready}, S::PickedUp, {R::Staff, R::Platform}, {T::Pickup, T::DineIn}},
            {{S::Ready}, S::OutForDelivery, {R::Platform, R::Staff}, {T::Delivery}},
            {{S::OutForDelivery}, S::Delivered, {R::Platform}, {T::Delivery}},
            {{S::PickedUp, S::Delivered, S::Cancelled}, S::Refunded, {R::Platform, R::Manager},
             allTypes},
            {{S::Ready}, S::Preparing, {R::Staff}, allTypes, Requirement::None, true},
            {{S::PickedUp}, S::Ready, {R::Staff}, {T::Pickup, T::DineIn}, Requirement::None, true},
    };
    return table;
}

const TransitionRule *StateMachine::findRule(const Order &order, OrderState to, bool recall)
{
    for (const TransitionRule &rule : rules()) {
        if (rule.isRecall == recall && rule.to == to && rule.from.contains(order.state))
            return &rule;
    }
    return nullptr;
}

Verdict StateMachine::check(const Order &order, OrderState to, ActorRole actor,
                            const TransitionDetails &details, qint64 nowMs) const
{
    Q_UNUSED(nowMs)
    const QString label = orderLabel(order);
    if (OrderStates::isFinal(order.state)) {
        return refuse(Refusal::FinalState,
                      tr("Order %1 is %2; nothing more can happen to it.")
                              .arg(label, OrderStates::displayName(order.state)));
    }
    if (order.state == to) {
        return refuse(Refusal::AlreadyThere,
                      tr("Order %1 is already %2.").arg(label, OrderStates::displayName(to)));
    }
    const TransitionRule *rule = findRule(order, to, false);
    if (!rule) {
        QList<OrderState> reachable;
        for (const TransitionRule &r : rules()) {
            if (!r.isRecall && r.from.contains(order.state) && r.types.contains(order.type))
                reachable.append(r.to);
        }
        return refuse(Refusal::NoSuchStep,
                      tr("Order %1 is %2; it can't go to %3 from there (next: %4).")
                              .arg(label, OrderStates::displayName(order.state),
                                   OrderStates::displayName(to), stateList(reachable)));
    }
    if (!rule->types.contains(order.type)) {
        return refuse(Refusal::WrongOrderType,
                      tr("Order %1 is a %2 order; \"%3\" doesn't apply to it.")
                              .arg(label, OrderTypes::displayName(order.type),
                                   OrderStates::displayName(to)));
    }
    if (!rule->actors.contains(actor)) {
        return refuse(Refusal::NotPermitted,
                      tr("%1 can't mark order %2 %3; only %4 can.")
                              .arg(ActorRoles::displayName(actor), label,
                                   OrderStates::displayName(to), roleList(rule->actors)));
    }
    if (rule->requirement == Requirement::PromisedTime && details.promisedAt <= 0) {
        return refuse(Refusal::MissingPromisedTime,
                      tr("Accepting order %1 needs a promised ready time.").arg(label));
    }
    if (rule->requirement == Requirement::Reason && details.reason.trimmed().isEmpty()) {
        return refuse(Refusal::MissingReason,
                      tr("Marking order %1 %2 needs a reason.")
                              .arg(label, OrderStates::displayName(to)));
    }
    return Verdict::allow();
}

Verdict StateMachine::checkReject(const Order &order, ActorRole actor, qint64 nowMs) const
{
    const Verdict verdict = check(order, OrderState::Rejected, actor, {}, nowMs);
    return verdict.refusal == Refusal::MissingReason ? Verdict::allow() : verdict;
}

Verdict StateMachine::checkRecall(const Order &order, ActorRole actor, qint64 nowMs) const
{
    const QString label = orderLabel(order);
    // Look the rule up by state alone, so a recall the order's type forbids says so.
    const TransitionRule *rule = nullptr;
    for (const TransitionRule &candidate : rules()) {
        if (candidate.isRecall && candidate.from.contains(order.state))
            rule = &candidate;
    }
    if (!rule) {
        return refuse(Refusal::NoSuchStep,
                      tr("Order %1 is %2; only ready or picked-up tickets can be recalled.")
                              .arg(label, OrderStates::displayName(order.state)));
    }
    if (!rule->types.contains(order.type)) {
        return refuse(Refusal::WrongOrderType,
                      tr("Order %1 is a %2 order; it can't be recalled from %3.")
                              .arg(label, OrderTypes::displayName(order.type),
                                   OrderStates::displayName(order.state)));
    }
    if (!rule->actors.contains(actor)) {
        return refuse(Refusal::NotPermitted,
                      tr("%1 can't recall order %2; only %3 can.")
                              .arg(ActorRoles::displayName(actor), label,
                                   roleList(rule->actors)));
    }
    const qint64 elapsedMs = nowMs - order.stateSince;
    if (elapsedMs > m_recallWindowMs) {
        return refuse(Refusal::RecallWindowPassed,
                      tr("Order %1 was bumped %2 ago; tickets can only be recalled within %3.")
                              .arg(label, duration(elapsedMs), duration(m_recallWindowMs)));
    }
    return Verdict::allow();
}

std::optional<OrderState> StateMachine::nextStep(const Order &order)
{
    switch (order.state) {
    case S::Placed:
        return S::Accepted;
    case S::Accepted:
        return S::Preparing;
    case S::Preparing:
        return S::Ready;
    case S::Ready:
        return order.type == T::Delivery ? S::OutForDelivery : S::PickedUp;
    default:
        return std::nullopt;
    }
}

std::optional<OrderState> StateMachine::recallTarget(const Order &order)
{
    for (const TransitionRule &rule : rules()) {
        if (rule.isRecall && rule.from.contains(order.state) && rule.types.contains(order.type))
            return rule.to;
    }
    return std::nullopt;
}
