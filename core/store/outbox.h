// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "order/orderevent.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Store;

/** An event still to be delivered to one destination. */
struct OutboxEntry
{
    OrderEvent event;
    QString destination;
    int attempts = 0;
    qint64 nextAttemptAt = 0; // UTC ms
    QString lastError;
    qint64 createdAt = 0; // UTC ms
    qint64 sequence = 0; // the event's position in the local log
};

/** An event that exhausted its attempts, kept for a manager to inspect and redrive. */
struct DeadLetter
{
    qint64 id = 0;
    OrderEvent event;
    QString destination;
    int attempts = 0;
    QString firstError; // the first failed attempt's words; empty if not recorded
    qint64 firstErrorAt = 0; // UTC ms; 0: not recorded (dead before schema 5)
    QString lastError;
    qint64 deadAt = 0; // UTC ms
};

/** Pending entries that wait behind a dead letter of their order (parked), for one destination. */
struct ParkedCount
{
    int events = 0;
    int orders = 0;
};

/** The store's outbox and dead-letter queue: what is still to send, and what gave up. */
class Outbox final
{
public:
    explicit Outbox(Store &store) : m_store(store) { }

    /**
     * Entries for a destination due at nowMs, in log order. An entry waiting for a retry holds
     * back the later entries of its order, so each order's events arrive in order; so does a dead
     * letter (its order's later entries are parked until a manager redrives or discards it).
     * With endingsWaitFor, an order's step that ends it in the kitchen (handed over, cancelled,
     * rejected, refunded) and the order's later entries wait while that destination still has
     * the step queued: a POS cannot take such a step back if that destination refuses it.
     */
    QList<OutboxEntry> due(const QString &destination, qint64 nowMs, int limit,
                           const QString &endingsWaitFor = {}) const;
    /**
     * How many entries of one destination (or, empty, of all) are parked behind a dead letter,
     * and of how many orders.
     */
    ParkedCount parked(const QString &destination = {}) const;
    /**
     * The far end asked for nothing before untilMs (a Retry-After): every entry of destination
     * waits until then, and stays held after a restart (heldUntil).
     */
    Result<void> hold(const QString &destination, qint64 untilMs);
    /**
     * Until when a hold on destination still lasts at nowMs, if one does: the latest time an entry
     * not yet tried waits for (only hold() makes such an entry wait).
     */
    std::optional<qint64> heldUntil(const QString &destination, qint64 nowMs) const;
    /** How many entries wait, for one destination or (empty) all of them. */
    int pendingCount(const QString &destination = {}) const;
    /** When the oldest waiting entry (of one destination, or any) was created, if any wait. */
    std::optional<qint64> oldestPendingAt(const QString &destination = {}) const;
    /**
     * Marks an entry delivered. Fails when it was not pending, which for a duplicate ack is
     * harmless: nothing changes.
     */
    Result<void> acknowledge(const QUuid &eventId, const QString &destination);
    /** Marks entries delivered in one transaction; those no longer pending are passed over. */
    Result<void> acknowledgeAll(const QList<QUuid> &eventIds, const QString &destination);
    /**
     * Counts a failed attempt and schedules the next one; the first failed attempt's error (and
     * the store clock's time) is kept as the first error, later ones only as the last. Fails if
     * the entry is not pending.
     */
    Result<void> recordFailure(const QUuid &eventId, const QString &destination,
                               const QString &error, qint64 nextAttemptAt);
    /**
     * Moves a pending entry to the dead-letter queue with its first and last error, in one
     * transaction; error is the first error too when no attempt failed before.
     */
    Result<void> moveToDeadLetter(const QUuid &eventId, const QString &destination,
                                  const QString &error, qint64 nowMs);
    /** Every dead letter, oldest first; empty if they cannot be read (logged). */
    QList<DeadLetter> deadLetters() const;
    /** Every dead letter, oldest first, or why they cannot be read. */
    Result<QList<DeadLetter>> readDeadLetters() const;
    /** One dead letter by its id, if there is one. */
    std::optional<DeadLetter> deadLetter(qint64 id) const;
    /** How many events gave up on one destination. */
    int deadLetterCount(const QString &destination) const;

private:
    Store &m_store;
};
