// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/sqliteconnection.h"
#include "order/orderhistory.h"
#include "store.h"
#include "storefault.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The store's SQLite connection and its write path: prepared statements, the transaction-local
 * view of touched orders and the cache of decoded ones. Only Store and its helpers use it
 * (StoreOpener opens it, StoreVerdicts records the platform's verdicts on it).
 */
class StoreConnection final
{
public:
    explicit StoreConnection(const Clock *clock) : clock(clock ? clock : &systemClock) { }
    ~StoreConnection() { close(); }
    Q_DISABLE_COPY_MOVE(StoreConnection)

    void close();
    Result<void> exec(const QString &sql);
    /** Ends a failed transaction, if SQLite has not already; notes nothing. */
    void rollback();
    /** The error's text, after noting its class in lastFault. */
    QString noted(const QSqlError &error);
    Result<void> prepare(QSqlQuery &query, const QString &sql);
    Result<void> prepareAll();

    // The orders a transaction has touched, as they stand inside it. Their projection rows are
    // written once, when the transaction's events are all appended.
    struct Batch
    {
        QHash<QString, std::optional<Order>> orders;
        QStringList dirty;
    };

    std::optional<OrderEvent> findEvent(const QUuid &id, qint64 *sequence);
    /** The order of an event that moved to an archive file, if it did (StoreArchiver). */
    std::optional<QString> archivedOrderOf(const QUuid &id);
    /** The order as committed: none if there is no such order, a failure if it cannot be read. */
    Result<std::optional<Order>> loadOrder(const QString &orderId);
    /** The order as it stands inside the transaction of batch. */
    Result<std::optional<Order>> currentOrder(Batch &batch, const QString &orderId);
    void checkCacheStillValid();
    void remember(const Order &order);
    void rememberCommitted(const Batch &batch);
    AppendResult appendInTransaction(const OrderEvent &event, const QStringList &destinations,
                                     const IncomingEvent *incoming, Batch &batch);
    Result<void> writeProjection(const Batch &batch);
    /** Folds the order again from its history (OrderHistory::fold) into the batch. */
    Result<void> refold(Batch &batch, const QString &orderId, QList<QUuid> *superseded);
    bool hasUnconfirmed(const QString &orderId);
    /** The answer for an event the store already holds: the stored event and its order now. */
    AppendResult duplicateOf(const QUuid &eventId, Batch &batch);
    Result<void> saveCursor(const SourceCursor &cursor);
    AppendResult failure(const OrderEvent &event, AppendResult::Status status,
                         const QString &error) const;

    SystemClock systemClock;
    const Clock *clock;
    // Owns the named connection; db is its handle for the statements below.
    SqliteConnection sqlite {QStringLiteral("kc-store")};
    // The class of the latest failure; a write resets it before it starts.
    StoreFault lastFault = StoreFault::None;
    QSqlDatabase db;
    QSqlQuery selectEvent;
    QSqlQuery selectOrder;
    QSqlQuery selectDataVersion;
    // Decoded orders as committed through this connection. PRAGMA data_version moves when another
    // connection commits, and then the cache is dropped, so it never serves a stale order.
    QHash<QString, Order> orderCache;
    qint64 cachedDataVersion = -1;
    QSqlQuery insertEvent;
    QSqlQuery upsertOrder;
    QSqlQuery insertOutbox;
    QSqlQuery selectInbox;
    QSqlQuery insertInbox;
    QSqlQuery upsertCursor;
    QSqlQuery upsertStatus;
    QSqlQuery selectHistory;
    QSqlQuery countUnconfirmed;
    QSqlQuery selectArchived;
};
