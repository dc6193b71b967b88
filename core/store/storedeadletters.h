// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeconnection.h"

#include "order/actor.h"

#include <QString>

/**
 * A manager's decisions on dead letters, on the store's connection: each changes the outbox and
 * appends its store-level event (dead_letter_redriven, dead_letter_discarded) in one transaction,
 * so the log always says who let a dead letter go or sent it again. Only Store uses it.
 */
class StoreDeadLetters final
{
public:
    explicit StoreDeadLetters(StoreConnection &connection)
        : m_connection(connection)
    { }

    /**
     * Redriven (kind DeadLetterRedriven): the dead letter goes back to its destination's outbox,
     * due at once with its attempts and errors reset, ahead of its order's parked events (it is
     * before them in the log). Discarded (DeadLetterDiscarded): it goes, and so its order's parked
     * events are free to go. reason, trimmed, is the event's reason: a discard needs one. Refused
     * when there is no such dead letter, or the reason is missing for a discard or too long.
     */
    AppendResult decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                        const QString &origin, const QString &reason);

private:
    StoreConnection &m_connection;
};
