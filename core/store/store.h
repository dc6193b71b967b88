// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "lazyorder.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "storefault.h"
#include "storeintegrity.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class Clock;
class StoreConnection;

/** The outcome of appending one event. */
struct AppendResult
{
    enum class Status {
        Committed, // appended now, with its projection change and outbox rows
        Duplicate, // the event id (or inbox message id) was seen before: nothing changed
        Refused, // the event does not fit the order (unknown order, stale from-state, bad payload)
        Failed, // the database failed; nothing of the command was written
    };
    Status status = Status::Failed;
    OrderEvent event; // the stored event: for a duplicate, the first one with this id
    std::optional<Order> order; // the order after the event (or as it is now, for a duplicate)
    QString error; // for logs: the database's own words
    StoreFault fault = StoreFault::None; // for Failed: what kind of failure, for people
    qint64 sequence = 0; // position in the local log
    QList<QUuid> superseded; // local events the platform's history left behind (to be rejected)

    bool committed() const { return status == Status::Committed; }
    bool applied() const { return status == Status::Committed || status == Status::Duplicate; }
};

/** An event that arrived from a platform or POS, with the sender's message id for the inbox. */
struct IncomingEvent
{
    QString source; // "platform", "pos:square", "demo"
    QString messageId; // the sender's id for this message; duplicates are dropped by it
    OrderEvent event;
    std::optional<qint64> hubSeq; // the platform's sequence number: the event is authoritative
    QStringList forwardTo; // destinations that hear of it from this console (queued if applied)
    // Part of the platform's bootstrap snapshot, which leaves out on purpose the seqs a new
    // console does not need: the cursor may jump to it.
    bool fromSnapshot = false;
    // Older history fetched in the background (HistoryBackfill): stored like any of the
    // platform's events, for the dashboard and audits, but news to nobody.
    bool fromHistory = false;
};

/** What the platform said of a local event: its place in the platform's log, or why it refused. */
struct EventVerdict
{
    std::optional<qint64> hubSeq;
    std::optional<QString> refusal;
};

/** A position in a source's stream, saved in the same transaction as the events it covers. */
struct SourceCursor
{
    QString source;
    QString position;
};

/**
 * The durable local store: append-only event log, order projection, outbox, inbox, cursors and
 * dead letters in one SQLite file (WAL, synchronous=FULL). Every command is one transaction.
 */
class Store final
{
public:
    enum class OpenMode {
        ReadWrite, // creates or migrates the file as needed
        ReadOnly, // for inspection; refuses files that need a migration
    };

    /** Why the last open() failed. */
    enum class OpenError {
        None,
        Unavailable, // missing, unreadable, not a store, or a schema this build cannot use
        Damaged, // SQLite found damaged pages or rows: the file must not be used as it is
    };

    /** Whether open() runs SQLite's quick check before the file is used. */
    enum class IntegrityCheck {
        Quick, // PRAGMA quick_check: a damaged file is refused (OpenError::Damaged)
        Skip, // for a further connection to a file another connection of this process checked
    };

    static constexpr int latestSchemaVersion = 7;

    /** A store on the file at path; times it records come from clock (the system clock if none). */
    explicit Store(const QString &path, const Clock *clock = nullptr);
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    static constexpr int defaultBusyTimeoutMs = 5000;
    /**
     * How long a write waits for another connection or program that holds the file before it
     * fails as Busy. Takes effect at open().
     */
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

    /**
     * Opens (and for ReadWrite, creates or migrates) the file; a failure says why in words, and
     * openError() what kind of failure it was. Only SQLite ever opens the file, so this process
     * keeps its locks on it.
     */
    Result<void> open(OpenMode mode = OpenMode::ReadWrite,
                      IntegrityCheck integrity = IntegrityCheck::Quick);
    bool isOpen() const;
    /** What kind of failure the last open() was, for callers that treat damage differently. */
    OpenError openError() const { return m_openError; }
    /** What SQLite's check found, one line each, when openError() is Damaged. */
    QStringList damage() const { return m_damage; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    /** The clock the store's times come from (the system clock if it was given none). */
    const Clock &clock() const;

    /** Appends a local command's event, its projection change and one outbox row per destination. */
    AppendResult append(const OrderEvent &event, const QStringList &destinations);
    /** Appends an incoming event through the inbox; duplicates by message or event id are no-ops. */
    AppendResult appendIncoming(const IncomingEvent &incoming);
    /**
     * Appends a batch of incoming events in one transaction, and the cursor with them. An event
     * that does not fit is refused on its own without failing the rest.
     */
    QList<AppendResult> appendIncomingBatch(const QList<IncomingEvent> &batch,
                                            const std::optional<SourceCursor> &cursor);

    /**
     * Records that the platform logged a local event at hubSeq. The order is folded again in the
     * platform's order, which can leave later local events behind (see AppendResult::superseded).
     * The ack's outbox row for deliveredTo (if named) goes in the same transaction: an ack is
     * recorded whole or not at all, and one the store already holds still delivers the row.
     */
    AppendResult confirm(const QUuid &eventId, qint64 hubSeq, const QString &deliveredTo = {});
    /**
     * Records that the platform refused a local event: it leaves the projection and the outbox,
     * stays in the log for the audit trail, and the order follows the platform's history.
     */
    AppendResult markRejected(const QUuid &eventId, const QString &reason);

    /**
     * A manager sends dead letter deadLetterId again: it goes back to its destination's outbox,
     * due at once with its attempts and errors reset (ahead of its order's parked events, which
     * then follow in order), and a dead_letter_redriven event by actor, with reason (optional,
     * trimmed) as its reason, is appended, in one transaction. The event stays in this console's
     * log (it is queued for no destination). Refused when there is no such dead letter or the
     * reason is over OrderLimits::maxTextLength.
     */
    AppendResult redriveDeadLetter(qint64 deadLetterId, const Actor &actor, const QString &origin,
                                   const QString &reason = {});
    /**
     * A manager lets dead letter deadLetterId go, saying why: it leaves the queue, its order's
     * parked events go on without it, and a dead_letter_discarded event by actor with reason
     * (trimmed) as its reason is appended, in one transaction. Refused when there is no such dead
     * letter, or the reason is empty or over OrderLimits::maxTextLength.
     */
    AppendResult discardDeadLetter(qint64 deadLetterId, const Actor &actor, const QString &origin,
                                   const QString &reason);
    /** Replaces the whole order projection in one transaction (a rebuild from the log). */
    Result<void> replaceProjection(const QList<Order> &orders);
    /**
     * Replaces the whole order projection with what build() returns, build() running inside the
     * same write transaction: beside a console that is writing, the projection is never built from
     * a log older than the one it replaces.
     */
    Result<void> replaceProjection(const std::function<QList<Order>()> &build);

    std::optional<Order> order(const QString &orderId) const;
    /** Orders by placement time, oldest first. */
    QList<Order> orders(bool openOnly) const;
    /** The open orders as orders(true) has them, each body decoded when first used. */
    QList<LazyOrder> openOrderRows() const;
    /** Orders now in a state they entered at or after sinceMs, most recent first. */
    QList<Order> ordersInState(OrderState state, qint64 sinceMs) const;
    /** One order's events in log order. */
    QList<OrderEvent> events(const QString &orderId) const;
    /** Every event in log order; for rebuilds and audits. */
    QList<OrderEvent> allEvents() const;
    /** The latest store-level event of these kinds the platform has not refused, if any. */
    std::optional<OrderEvent> lastStoreEvent(
            const QList<EventKind> &kinds = {EventKind::StorePaused, EventKind::StoreResumed}) const;
    qint64 eventCount() const;
    bool hasEvent(const QUuid &eventId) const;
    /** Every event the platform has given a verdict on, by event id. */
    QHash<QUuid, EventVerdict> verdicts() const;
    /** The platform's verdict on one event, if it gave one. */
    std::optional<EventVerdict> verdict(const QUuid &eventId) const;
    /** The saved position for a source, empty if none. */
    QString cursor(const QString &source) const;
    /** Saves a position on its own (what a source last said of itself), in one transaction. */
    Result<void> saveCursor(const SourceCursor &cursor);
    /**
     * Whether the platform holds the order or will: one of its events has the platform's
     * sequence number, or waits in platformDestination's queue.
     */
    bool isSharedWith(const QString &orderId, const QString &platformDestination) const;

    /**
     * SQLite's own check of the file (quick_check or the full integrity_check): what it found,
     * one line each, empty when sound.
     */
    Result<QStringList> integrityProblems(StoreIntegrity::Depth depth) const;

private:
    friend class StoreDatabase; // the raw connection, for the store's own collaborators

    std::unique_ptr<StoreConnection> d;
    QString m_path;
    int m_busyTimeoutMs = defaultBusyTimeoutMs;
    OpenError m_openError = OpenError::None;
    QStringList m_damage;
};
