// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "loggedevent.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>

/** A local event the platform refused, and when the store learned it. */
struct RefusedEvent
{
    qint64 seq = 0;
    QString orderId;
    qint64 learnedAt = 0; // UTC ms the refusal was recorded
};

/**
 * Reads the store's log for the figures, on whatever connection it is given (the metrics
 * worker's own): only the columns they use, and the few payload fields through SQLite's JSON
 * functions, so a month of events is read without building a single QJsonObject.
 */
class MetricsLogReader final
{
public:
    explicit MetricsLogReader(const QSqlDatabase &db)
        : m_db(db)
    { }

    /** The SELECT (columns and FROM, no WHERE) every read runs: the bench's bare read uses it. */
    static QByteArray columnsSql();

    /** Up to limit events after seq, in log order; those in refused are marked refused. */
    Result<QList<LoggedEvent>> after(qint64 seq, int limit, const QSet<qint64> &refused) const;
    /**
     * One order's events up to seq upTo, in the order its history has them
     * (OrderHistory::comesBefore), each with its hubSeq.
     */
    Result<QList<LoggedEvent>> ofOrder(const QString &orderId, qint64 upTo,
                                       const QSet<qint64> &refused) const;
    /** Orders archived (StoreArchiver) at or after sinceMs, with when: their events left the log. */
    Result<QList<std::pair<QString, qint64>>> archivedSince(qint64 sinceMs) const;
    /** Local events the platform refused, learned at or after sinceMs. */
    Result<QList<RefusedEvent>> refusedSince(qint64 sinceMs) const;

private:
    Result<QList<LoggedEvent>> read(const QByteArray &select, const QString &where,
                                    const QVariantList &values, const QSet<qint64> &refused,
                                    int expected) const;

    QSqlDatabase m_db;
};
