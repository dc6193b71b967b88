// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"
#include "submitter.h"
#include "protocol/protocol.h"

#include "order/order.h"
#include "order/orderevent.h"
#include "order/statemachine.h"
#include "secrethasher.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

class Clock;

/** A stored HTTP response for an idempotency key (reliability.md §1). */
struct IdempotentResponse
{
    QByteArray requestHash; // hex SHA-256 of the request that created it
    int status = 0;
    QByteArray body;
};

/** What credentialCheck() found: verify a secret against hash; known is false for a decoy. */
struct CredentialCheck
{
    SecretHash hash;
    bool known = false;
};

/**
 * The hub's authoritative per-store log in its own SQLite file (WAL, synchronous=FULL): stores,
 * console credentials (salted hashes only), the event log with per-store sequence numbers, the
 * order projection and HTTP idempotency records. Every write is one transaction.
 */
class HubLog final
{
public:
    /**
     * hashIterations: PBKDF2 rounds for new console credentials. Console secrets are 32 random
     * bytes, which no number of rounds makes easier to guess; the rounds only cost the hub's event
     * loop at every hello (about 2 ms per 1,000 here), so the minimum is the default. Human-chosen
     * secrets (manager PINs) are hashed elsewhere with SecretHasher's slow default.
     */
    HubLog(const QString &path, const Clock &clock, int hashIterations = SecretHasher::minIterations);
    ~HubLog();
    Q_DISABLE_COPY_MOVE(HubLog)

    /** Opens (creating or migrating) the file; false with errorString() on failure. */
    bool open();
    /** True between a successful open() and destruction. */
    bool isOpen() const;
    /** Why the last open or write failed, for logs and people. */
    QString errorString() const { return m_error; }
    /** The SQLite file. */
    QString path() const { return m_path; }

    /** Registers a store; true if it exists afterwards. */
    bool addStore(const QString &storeId);
    /** True when the store is registered. */
    bool hasStore(const QString &storeId);
    /** Every registered store, sorted. */
    QStringList storeIds();
    /** Registers or replaces a console's credential; only its salted hash is stored. */
    bool addConsole(const QString &storeId, const QString &consoleId, const QByteArray &secret);
    /** True when the console exists in the store and the secret matches its stored hash. */
    bool authenticate(const QString &storeId, const QString &consoleId, const QByteArray &secret);
    /**
     * The hash a hello's secret must be verified against: the console's own, or a decoy that
     * matches nothing (same cost) when the console is unknown. Reads only; verify elsewhere.
     */
    CredentialCheck credentialCheck(const QString &storeId, const QString &consoleId);

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

    /** The response stored for an idempotency key, if any. */
    std::optional<IdempotentResponse> idempotentResponse(const QString &storeId,
                                                         const QString &key);
    /** Stores the first response for a key; false if the key already has one. */
    /** Forgets idempotency records created before cutoffMs; returns how many. */
    int pruneIdempotentResponses(qint64 cutoffMs);
    bool saveIdempotentResponse(const QString &storeId, const QString &key,
                                const IdempotentResponse &response);

private:
    bool exec(const QString &sql);
    bool prepare(QSqlQuery &query, const QString &sql);
    void close();
    SubmitOutcome submitInTransaction(const OrderEvent &event, const Submitter &by);
    SubmitOutcome judge(const OrderEvent &event, const Submitter &by);
    bool remember(const SubmitOutcome &refusal, const QString &body);
    SubmitOutcome decide(const OrderEvent &event, const std::optional<Order> &current);
    SubmitOutcome failed(const QString &what);
    std::optional<Order> loadOrder(const QString &storeId, const QString &orderId);

    QString m_path;
    const Clock &m_clock;
    int m_hashIterations;
    StateMachine m_stateMachine;
    std::optional<SecretHash> m_decoyHash; // verified against for unknown consoles
    QString m_connectionName;
    QString m_error;
    QSqlDatabase m_db;
    QSqlQuery m_selectEventById;
    QSqlQuery m_selectRefusal;
    QSqlQuery m_insertRefusal;
    QSqlQuery m_selectHead;
    QSqlQuery m_selectOrder;
    QSqlQuery m_selectLastOfOrder;
    QSqlQuery m_insertEvent;
    QSqlQuery m_upsertOrder;
    QSqlQuery m_selectAfter;
    QSqlQuery m_selectStore;
    QSqlQuery m_selectConsole;
};
