// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderattention.h"

#include <QHash>
#include <QList>
#include <QString>

/**
 * Which tickets on this screen wait for a cook to acknowledge them: a cancelled one (kept on the
 * board, struck through) and a changed one (marked line by line against the items as they were
 * when last acknowledged, however many changes came since). Each screen acknowledges for itself;
 * nothing here is stored or sent.
 */
class TicketAttention final
{
public:
    struct Mark
    {
        OrderAttention::Kind kind = OrderAttention::Kind::None;
        QList<OrderItem> acknowledgedItems; // Changed: the lines as the cook last saw them
        qint64 acknowledgedPromise = 0; // Changed: the ready time as the cook last saw it
        QList<ItemChange> itemChanges; // Changed: from acknowledgedItems to the items now
        qint64 promiseMovedFrom = 0; // Changed: acknowledgedPromise if it moved since, else 0
    };

    /** Follows a ticket's change (before as shown, after as it is now); its mark after it. */
    OrderAttention::Kind note(const Order &before, const Order &after,
                              OrderEngine::ChangeCause cause);
    /** The ticket's mark, or null when it waits for nothing. */
    const Mark *mark(const QString &orderId) const;
    OrderAttention::Kind kind(const QString &orderId) const;
    /** Clears the ticket's mark; false when it had none. */
    bool acknowledge(const QString &orderId);
    /** Tickets that wait, in no particular order. */
    QList<QString> orderIds() const { return m_marks.keys(); }
    int count() const { return int(m_marks.size()); }

private:
    QHash<QString, Mark> m_marks; // by order id
};
