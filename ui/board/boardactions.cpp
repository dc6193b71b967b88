// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardactions.h"

#include "common/clock.h"
#include "shared/uilogging.h"

namespace {
constexpr qint64 msPerMinute = 60'000;
}

BoardActions::BoardActions(OrderEngine &engine, const Clock &clock, BoardOptions options)
    : m_engine(engine)
    , m_clock(clock)
    , m_options(std::move(options))
{ }

Actor BoardActions::actor() const
{
    return Actor::staff(m_options.staffId);
}

CommandResult BoardActions::advance(const QString &orderId)
{
    if (orderId.isEmpty())
        return refusal(tr("Select a ticket first."));
    TransitionDetails details;
    const std::optional<Order> order = m_engine.order(orderId);
    if (order && order->state == OrderState::Placed)
        details.promisedAt = m_clock.nowMs() + m_options.policy.defaultPrepMinutes * msPerMinute;
    qCInfo(lcBoard) << "advance" << orderId;
    return m_engine.advance(orderId, actor(), details);
}

bool BoardActions::needsQuote(const QString &orderId) const
{
    const std::optional<Order> order =
        orderId.isEmpty() ? std::nullopt : m_engine.order(orderId);
    return order && order->state == OrderState::Placed;
}

CommandResult BoardActions::accept(const QString &orderId, int prepMinutes)
{
    TransitionDetails details;
    details.prepMinutes = prepMinutes;
    details.promisedAt = m_clock.nowMs() + prepMinutes * msPerMinute;
    qCInfo(lcBoard) << "accept" << orderId << "in" << prepMinutes << "min";
    return m_engine.transition(orderId, OrderState::Accepted, actor(), details);
}

CommandResult BoardActions::checkDelay(const QString &orderId) const
{
    if (orderId.isEmpty())
        return refusal(tr("Select a ticket first."));
    return m_engine.checkDelay(orderId);
}

CommandResult BoardActions::delay(const QString &orderId, int minutes)
{
    qCInfo(lcBoard) << "delay" << orderId << "by" << minutes << "min";
    return m_engine.delay(orderId, minutes, actor());
}

QList<Order> BoardActions::recallable() const
{
    return m_engine.recallable(m_options.recallListSize);
}

CommandResult BoardActions::recallOrder(const QString &orderId)
{
    qCInfo(lcBoard) << "recall from the list" << orderId;
    return m_engine.recall(orderId, actor());
}

CommandResult BoardActions::checkReject(const QString &orderId) const
{
    if (orderId.isEmpty())
        return refusal(tr("Select a ticket first."));
    const std::optional<Order> order = m_engine.order(orderId);
    if (!order)
        return refusal(tr("Order %1 is not on this console.").arg(orderId));
    const Verdict verdict =
        m_engine.stateMachine().checkReject(*order, actor().role, m_clock.nowMs());
    if (!verdict.allowed())
        return refusal(verdict.reason);
    CommandResult result;
    result.ok = true;
    result.order = order;
    return result;
}

CommandResult BoardActions::reject(const QString &orderId, const QString &reason)
{
    qCInfo(lcBoard) << "reject" << orderId << reason;
    return m_engine.reject(orderId, actor(), reason);
}

CommandResult BoardActions::bumpStation(const QString &orderId, const QString &station)
{
    if (orderId.isEmpty())
        return refusal(tr("Select a ticket first."));
    qCInfo(lcBoard) << "bump station" << station << orderId;
    return m_engine.bumpStation(orderId, station, actor());
}

CommandResult BoardActions::reopenStation(const QString &orderId, const QString &station)
{
    if (orderId.isEmpty())
        return refusal(
            tr("Nothing to reopen at %1: no ticket was bumped here yet.").arg(station.toUpper()));
    qCInfo(lcBoard) << "reopen station" << station << orderId;
    return m_engine.reopenStation(orderId, station, actor());
}

CommandResult BoardActions::toggleItem(const QString &orderId, int line)
{
    const std::optional<Order> order = m_engine.order(orderId);
    if (!order || line < 0 || line >= order->items.size())
        return refusal(tr("That item is no longer on the board."));
    const QString name = order->items.at(line).name;
    const bool done = order->isItemDone(line);
    qCInfo(lcBoard) << (done ? "reopen item" : "item done") << line << orderId;
    return done ? m_engine.reopenItem(orderId, line, name, actor())
                : m_engine.bumpItem(orderId, line, name, actor());
}

CommandResult BoardActions::refusal(const QString &message)
{
    CommandResult result;
    result.message = message;
    return result;
}
