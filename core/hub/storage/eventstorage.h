// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The hub log's rows as every backend keeps them. Bodies are compact JSON in the wire form
 * (QJsonObject's sorted keys); HubLog encodes and decodes them, a backend only stores them.
 */
namespace EventRows {
/** An appended event: its place in its store's log and its body. */
struct Logged
{
    QString storeId;
    qint64 seq = 0;
    QString body;
};
/** A refused event id: the body it was refused with, why, and the event that won (or empty). */
struct Refusal
{
    QString storeId;
    QString eventId;
    QString body;
    QString reason;
    QString conflicting;
    qint64 refusedAtMs = 0;
};
/** A new event for the log (orderId empty for a store-level event). */
struct Append
{
    QString storeId;
    qint64 seq = 0;
    QString eventId;
    QString orderId;
    QString body;
    qint64 recordedAtMs = 0;
};
} // namespace EventRows

/**
 * Where a hub backend keeps the event log (append-only), the refusals (final) and the order
 * projection. Writes happen between beginWrite() and commit(), one writer at a time per store
 * (lockStore()), even when several processes share the backend.
 */
class EventStorage
{
public:
    virtual ~EventStorage() = default;

    /** Starts the one write transaction; fails when another writer timed it out. */
    virtual Result<void> beginWrite() = 0;
    /**
     * Inside the write transaction, before reading or writing the store's events: waits until
     * no other process's transaction holds the store, and holds it until commit or rollback.
     */
    virtual Result<void> lockStore(const QString &storeId) = 0;
    /** Makes the transaction's writes durable; on failure, rollback(). */
    virtual Result<void> commit() = 0;
    /** Undoes the open transaction, if the backend has not already. */
    virtual void rollback() = 0;
    /**
     * Inside the write transaction: marks a point that rollbackToSavepoint() returns to, so one
     * part of a group commit can fail without undoing the others. Not nested.
     */
    virtual Result<void> savepoint() = 0;
    /** Keeps what was written since savepoint(). */
    virtual Result<void> releaseSavepoint() = 0;
    /** Undoes what was written since savepoint(); the transaction stays open. */
    virtual Result<void> rollbackToSavepoint() = 0;

    /** Looks an event id up in every store's log: empty when it is not logged. */
    virtual Result<std::optional<EventRows::Logged>> findLogged(const QString &eventId) = 0;
    /** Looks the store's refusal of an event id up: empty when there is none. */
    virtual Result<std::optional<EventRows::Refusal>> findRefusal(const QString &storeId,
                                                                  const QString &eventId) = 0;
    /** Records a refusal for good. */
    virtual Result<void> insertRefusal(const EventRows::Refusal &refusal) = 0;
    /** Appends an event under its seq. */
    virtual Result<void> appendEvent(const EventRows::Append &event) = 0;
    /** Records or replaces the projection of one order. */
    virtual Result<void> upsertOrder(const QString &storeId, const QString &orderId,
                                     const QString &body) = 0;

    /** The store's latest seq (0: none, or unreadable). */
    virtual qint64 head(const QString &storeId) = 0;
    /** Events of the store (every store's when storeId is empty); -1 when unreadable. */
    virtual qint64 eventCount(const QString &storeId) = 0;
    /** Up to limit events of the store with seq > cursor, in seq order. */
    virtual QList<EventRows::Logged> eventsAfter(const QString &storeId, qint64 cursor,
                                                 int limit) = 0;
    /** The order's latest event, if any. */
    virtual std::optional<EventRows::Logged> lastEventOf(const QString &storeId,
                                                         const QString &orderId) = 0;
    /**
     * Up to limit of the store's store-level events (pauses, rules, ...) with seq < beforeSeq,
     * newest first; beforeSeq 0 starts from the newest.
     */
    virtual QList<EventRows::Logged> storeEventsBefore(const QString &storeId, qint64 beforeSeq,
                                                       int limit) = 0;
    /**
     * The seqs up to throughSeq of every event of the store's orders that are open or whose
     * last event occurred at or after changedSinceMs, rising: a new console's snapshot, read
     * through an index on the projection, never the whole log.
     */
    virtual QList<qint64> snapshotSeqs(const QString &storeId, qint64 throughSeq,
                                       qint64 changedSinceMs) = 0;
    /** The store's events with these seqs (rising, at most a batch), in seq order. */
    virtual QList<EventRows::Logged> eventsAt(const QString &storeId,
                                              const QList<qint64> &seqs) = 0;
    /** The body of one order's projection; empty when there is none. */
    virtual QString orderBody(const QString &storeId, const QString &orderId) = 0;
    /** The bodies of every order of the store, by order id. */
    virtual QStringList orderBodies(const QString &storeId) = 0;
};
