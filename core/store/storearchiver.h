// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "archivepolicy.h"
#include "common/result.h"
#include "order/orderevent.h"

#include <QList>
#include <QSet>
#include <QUuid>
#include <QString>
#include <QStringList>

class Clock;
class QSqlDatabase;
class Store;

/** What one archiving run moved, for the log and kc-admin. */
struct ArchiveReport
{
    qint64 orders = 0;
    qint64 events = 0;
    QStringList files; // the archive files written to, by name, oldest month first
};

/**
 * Moves finished orders out of the live store into monthly archive files beside it
 * (docs/reliability.md, "Archiving finished orders"). An order goes once it is picked up,
 * delivered, rejected, cancelled or refunded, has been so for the policy's days, and nothing of
 * it waits for a destination or sits in the dead-letter queue.
 *
 * Each batch is copied first, with the platform's verdicts, into the archive file (committed on
 * its own, synchronous=FULL), then removed from the live store in one transaction that checks
 * every event is in the archive and records the moved ids (archived_orders, archived_events):
 * the log deletes nothing else, and a replayed event of an archived order stays a duplicate.
 * A crash between the two steps leaves the copies, which the next run finds and keeps once.
 * Each run works on a connection of its own, as another program would: the console's connections
 * see the orders go as they see any other connection's commit.
 */
class StoreArchiver final
{
public:
    /** For the store file at storePath; times come from clock. */
    StoreArchiver(const QString &storePath, const Clock &clock, const ArchivePolicy &policy);
    Q_DISABLE_COPY_MOVE(StoreArchiver)

    /** Archives every order that is due; a failure leaves the batch it hit in the live store. */
    Result<ArchiveReport> run();

    /** The archive file beside storePath for orders finished in month ("2026-10"). */
    static QString archivePath(const QString &storePath, const QString &month);

    /** An archived order's events in the order of the log they came from, read from its file. */
    static Result<QList<OrderEvent>> archivedEvents(const Store &store, const QString &orderId);
    /**
     * The archived orders with ticket number `number`, by id, the most recently placed first
     * (numbers come round again each day), read from every archive file the store moved
     * orders to.
     */
    static Result<QStringList> archivedOrdersNumbered(const Store &store, const QString &number);
    /** What the store has archived, for audits that count it as held: events by id, orders. */
    static QSet<QUuid> archivedEventIds(const Store &store);
    static QSet<QString> archivedOrderIds(const Store &store);
    /** Whether the store moved the order with orderId to an archive file. */
    static bool isArchived(const Store &store, const QString &orderId);

private:
    Result<QStringList> dueMonths(const QSqlDatabase &db, qint64 cutoff) const;
    /** Moves one batch of month's due orders; how many moved. */
    Result<qint64> archiveBatch(const QSqlDatabase &db, const QString &month, qint64 cutoff,
                                ArchiveReport *report) const;
    Result<void> copyBatch(const QSqlDatabase &db, const QString &month, qint64 cutoff) const;
    Result<qint64> removeCopied(const QSqlDatabase &db, const QString &fileName, qint64 cutoff,
                                ArchiveReport *report) const;

    QString m_storePath;
    const Clock &m_clock;
    ArchivePolicy m_policy;
};
