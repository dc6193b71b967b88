// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketattention.h"

OrderAttention::Kind TicketAttention::note(const Order &before, const Order &after,
                                           OrderEngine::ChangeCause cause)
{
    const OrderAttention attention = OrderAttention::of(before, after, cause);
    auto mark = m_marks.find(after.id);
    if (attention.kind == OrderAttention::Kind::Cancelled) {
        m_marks.insert(after.id, Mark {OrderAttention::Kind::Cancelled, {}, 0, {}, 0});
        return OrderAttention::Kind::Cancelled;
    }
    if (mark == m_marks.end()) {
        if (attention.kind != OrderAttention::Kind::Changed)
            return OrderAttention::Kind::None;
        mark = m_marks.insert(
            after.id, Mark {OrderAttention::Kind::Changed, before.items, before.promisedAt, {}, 0});
    } else if (mark->kind == OrderAttention::Kind::Cancelled) {
        if (after.state == OrderState::Cancelled)
            return OrderAttention::Kind::Cancelled;
        m_marks.erase(mark); // opened again (the platform's history said otherwise): as it is
        return OrderAttention::Kind::None;
    }
    if (!after.isOpen()) {
        m_marks.erase(mark); // handed over or rejected: it leaves the board, mark and all
        return OrderAttention::Kind::None;
    }
    // Every change since the last acknowledgement, against what the cook saw then: a line
    // added and removed again is no change, a quantity raised twice reads 1 → 3.
    mark->itemChanges = ItemDiff::between(mark->acknowledgedItems, after.items);
    mark->promiseMovedFrom =
        OrderAttention::promiseMovedBetween(mark->acknowledgedPromise, after.promisedAt)
        ? mark->acknowledgedPromise
        : 0;
    if (mark->itemChanges.isEmpty() && mark->promiseMovedFrom == 0) {
        m_marks.erase(mark);
        return OrderAttention::Kind::None;
    }
    return OrderAttention::Kind::Changed;
}

const TicketAttention::Mark *TicketAttention::mark(const QString &orderId) const
{
    const auto found = m_marks.constFind(orderId);
    return found == m_marks.cend() ? nullptr : &*found;
}

OrderAttention::Kind TicketAttention::kind(const QString &orderId) const
{
    const Mark *found = mark(orderId);
    return found ? found->kind : OrderAttention::Kind::None;
}

bool TicketAttention::acknowledge(const QString &orderId)
{
    return m_marks.remove(orderId);
}
