// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storeconnection.h"

#include <QString>
#include <QUuid>

#include <optional>

/**
 * Writes what the platform said of the store's events, on the store's connection: an event's place
 * in the platform's log (an ack) or its refusal, the outbox rows that verdict settles, and the
 * order folded again in the platform's order. Only Store and StoreConnection use it.
 */
class StoreVerdicts final
{
public:
    explicit StoreVerdicts(StoreConnection &connection)
        : m_connection(connection)
    { }

    /**
     * Records a verdict on a stored event in a transaction of its own, then folds its order again.
     * A refusal (a non-empty rejectedReason) drops every outbox row of the event; an ack drops
     * deliveredTo's row, if named.
     */
    AppendResult record(const QUuid &eventId, std::optional<qint64> hubSeq,
                        const QString &rejectedReason, const QString &deliveredTo = {});
    /**
     * Inside the caller's transaction: the platform's own copy of an event this store already
     * holds, which logs it at hubSeq.
     */
    AppendResult confirmInTransaction(const QUuid &eventId, qint64 hubSeq,
                                      StoreConnection::Batch &batch);
    /** Writes the event's status row: its place in the platform's log, or the refusal. */
    Result<void> setStatus(const QUuid &eventId, std::optional<qint64> hubSeq,
                           const QString &rejectedReason);

private:
    StoreConnection &m_connection;
};
