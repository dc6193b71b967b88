// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordertimeline.h"

#include <algorithm>

static_assert(OrderTimeline::stateCount == int(OrderState::Refunded) + 1,
              "one slot per order state");

void OrderTimeline::apply(const LoggedEvent &event)
{
    const bool moves = event.kind == EventKind::Transition || event.kind == EventKind::Recall;
    if (moves)
        ++m_transitions;
    if (event.refused) {
        ++m_refusals;
        return;
    }
    switch (event.kind) {
    case EventKind::Placed:
        if (isPlaced())
            return; // a second placement of one order id is refused by the store; be safe
        m_number = event.number;
        m_source = event.source;
        m_type = event.type.value_or(OrderType::Pickup);
        m_placedAt = event.occurredAt;
        m_promisedAt = event.promisedAt;
        enter(OrderState::Placed, event.occurredAt);
        return;
    case EventKind::Transition:
    case EventKind::Recall:
        if (!event.to)
            return;
        if (event.kind == EventKind::Recall)
            ++m_recalls;
        if (event.promisedAt > 0)
            m_promisedAt = event.promisedAt;
        if (*event.to == OrderState::Cancelled)
            m_cancelledFrom = m_state;
        if (*event.to == OrderState::Rejected || *event.to == OrderState::Cancelled)
            m_endReason = event.reason;
        enter(*event.to, event.occurredAt);
        return;
    case EventKind::EtaChanged:
        if (event.promisedAt > 0)
            m_promisedAt = event.promisedAt;
        return;
    case EventKind::StationBumped:
        markStation(event);
        return;
    case EventKind::ItemDone:
        markLine(event);
        return;
    default:
        return;
    }
}

std::optional<qint64> OrderTimeline::timeIn(OrderState state) const
{
    if (!m_left[index(state)])
        return std::nullopt;
    return m_heldMs[index(state)];
}

void OrderTimeline::enter(OrderState state, qint64 at)
{
    if (m_stateSince > 0 && m_state != state) {
        const qint64 held = at - m_enteredAt[index(m_state)];
        if (held < 0) {
            ++m_unusable;
        } else {
            m_heldMs[index(m_state)] += held;
            m_left[index(m_state)] = true;
        }
    }
    m_state = state;
    m_stateSince = at;
    m_enteredAt[index(state)] = at;
    m_entries.append({state, at});
}

void OrderTimeline::markStation(const LoggedEvent &event)
{
    if (event.station.isEmpty())
        return;
    m_stationsDone.removeIf([&](const StationDone &done) { return done.station == event.station; });
    if (event.done)
        m_stationsDone.append({event.station, event.occurredAt});
}

void OrderTimeline::markLine(const LoggedEvent &event)
{
    m_linesDone.removeIf([&](const LineDone &line) { return line.item == event.item; });
    if (event.done)
        m_linesDone.append({event.item, event.station, event.itemName, event.occurredAt});
}
