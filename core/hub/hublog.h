// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"
#include "submitter.h"
#include "protocol/protocol.h"

#include "common/result.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/statemachine.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Clock;
class EventStorage;
class StoreRegistry;

/**
 * The hub's authoritative per-store log: it judges every submitted event (the submitter's rights,
 * the order's state machine, verdicts that stay final), appends the accepted ones under per-store
 * sequence numbers, keeps the order projection, and serves reads. Every submit is one transaction
 * on its EventStorage, or a part of a group's (beginGroup()).
 */
class HubLog final
{
public:
    /** stores: an event of an unregistered store is refused. */
    HubLog(EventStorage &storage, StoreRegistry &stores, const Clock &clock);
    Q_DISABLE_COPY_MOVE(HubLog)

    /**
     * Validates and appends one event in one transaction. Idempotent by event id: the same event
     * again gets the first verdict (ack or refusal) for good; another body under a logged or
     * refused id is refused. by: who submits it, which bounds the actor roles it may name.
     */
    SubmitOutcome submit(const OrderEvent &event, const Submitter &by = Submitter::platform());
    /**
     * Validates and appends events in order, all in one transaction, one outcome each. Only a
     * write failure makes every outcome Failed (nothing stored); rejections affect one event.
     */
    QList<SubmitOutcome> submitAll(const QList<OrderEvent> &events,
                                   const Submitter &by = Submitter::platform());

    /**
     * Group commit (HubCommitter): starts one write transaction for several submits and holds
     * the stores they name, in sorted order, until commitGroup() or rollbackGroup().
     */
    Result<void> beginGroup(QStringList stores);
    /**
     * submitAll() inside the group's transaction; a write failure makes every outcome Failed
     * and leaves the undoing to the caller (a savepoint, or rollbackGroup()).
     */
    QList<SubmitOutcome> submitInGroup(const QList<OrderEvent> &events,
                                       const Submitter &by = Submitter::platform());
    /** Within a group: marks where undoPart() returns to, so one part can fail alone. */
    Result<void> beginPart();
    /** Keeps the part's writes in the group. */
    Result<void> keepPart();
    /** Undoes the part's writes; the group goes on. */
    Result<void> undoPart();
    /** Makes the group durable; on failure it is undone. */
    Result<void> commitGroup();
    /** Undoes the whole group. */
    void rollbackGroup();

    /** Up to limit events of the store with seq > cursor, in sequence order. */
    QList<Protocol::SequencedEvent> eventsAfter(const QString &storeId, qint64 cursor, int limit);
    /** The store's latest sequence number (0: none). */
    qint64 head(const QString &storeId);
    /** Number of events of the store (all stores when storeId is empty). */
    qint64 eventCount(const QString &storeId = {});
    /** The hub's projection of one order of the store. */
    std::optional<Order> order(const QString &storeId, const QString &orderId);
    /** Every order of the store, by order id. */
    QList<Order> orders(const QString &storeId);
    /** The order's latest event in the log. */
    std::optional<Protocol::SequencedEvent> lastEventOf(const QString &storeId,
                                                        const QString &orderId);
    /** The store's latest store-level event of these kinds (by default a pause or resume). */
    std::optional<Protocol::SequencedEvent> lastStoreEvent(
            const QString &storeId,
            const QList<EventKind> &kinds = {EventKind::StorePaused, EventKind::StoreResumed});

    /** How far back (hub clock) a finished order still belongs in a new console's snapshot. */
    static constexpr qint64 snapshotRecentMs = 24 * 60 * 60 * 1000;
    /**
     * The seqs up to throughSeq that a fresh console needs instead of the whole log, rising:
     * every event of the orders that are open or changed within snapshotRecentMs (which holds
     * the recall window and the day's orders), the latest pause or resume and the latest rules.
     */
    QList<qint64> snapshotSeqs(const QString &storeId, qint64 throughSeq);
    /** The store's events with these seqs (rising, at most a batch), in sequence order. */
    QList<Protocol::SequencedEvent> eventsAt(const QString &storeId, const QList<qint64> &seqs);

private:
    SubmitOutcome submitInTransaction(const OrderEvent &event, const Submitter &by);
    SubmitOutcome judge(const OrderEvent &event, const Submitter &by);
    Result<void> remember(const SubmitOutcome &refusal, const QString &body);
    SubmitOutcome decide(const OrderEvent &event, const std::optional<Order> &current);
    SubmitOutcome failed(const QString &what);
    QList<SubmitOutcome> allFailed(const QList<OrderEvent> &events, const QString &what);
    std::optional<Order> loadOrder(const QString &storeId, const QString &orderId);

    EventStorage &m_storage;
    StoreRegistry &m_stores;
    const Clock &m_clock;
    StateMachine m_stateMachine;
};
