// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tickettimes.h"

#include "common/clock.h"
#include "engine/orderengine.h"

#include <algorithm>

TicketTimes::TicketTimes(OrderEngine &engine, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    for (const Order &order : engine.ordersInState(OrderState::Ready))
        note(order);
    connect(&engine, &OrderEngine::orderChanged, this, [this](const Order &order) { note(order); });
}

void TicketTimes::note(const Order &order)
{
    // Ready is the kitchen's end of a ticket; an order handed over without passing ready ends
    // there. Either way, the first time only.
    const bool done = order.state == OrderState::Ready || order.state == OrderState::PickedUp
        || order.state == OrderState::OutForDelivery || order.state == OrderState::Delivered;
    if (!done || m_counted.contains(order.id) || order.placedAt <= 0 || order.stateSince <= 0)
        return;
    const qint64 readyAt = order.stateSince;
    if (readyAt < m_clock.nowMs() - windowMs)
        return;
    m_counted.insert(order.id, readyAt);
    const Done entry{readyAt, qMax<qint64>(0, readyAt - order.placedAt), order.id};
    // Events mostly come in time order; a catch-up may bring an older one.
    const auto at = std::upper_bound(m_done.begin(), m_done.end(), readyAt,
                                     [](qint64 time, const Done &d) { return time < d.readyAt; });
    m_done.insert(at, entry);
    m_totalMs += entry.ticketMs;
    Q_EMIT changed();
}

void TicketTimes::prune() const
{
    const qint64 since = m_clock.nowMs() - windowMs;
    while (!m_done.empty() && m_done.front().readyAt < since) {
        m_totalMs -= m_done.front().ticketMs;
        m_counted.remove(m_done.front().orderId);
        m_done.pop_front();
    }
}

std::optional<qint64> TicketTimes::averageMs() const
{
    prune();
    if (m_done.empty())
        return std::nullopt;
    return m_totalMs / qint64(m_done.size());
}

int TicketTimes::count() const
{
    prune();
    return int(m_done.size());
}
