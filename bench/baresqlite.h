// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>

/** An events row, its text already made: the baseline pays for SQLite only. */
struct BareEventRow
{
    QString eventId;
    QVariant orderId;
    QString storeId;
    QString kind;
    QVariant fromState;
    QVariant toState;
    QString actor;
    QString origin;
    qint64 occurredAt = 0;
    QVariant reason;
    QString payload; // compact JSON

    static BareEventRow from(const OrderEvent &event);
};

/** An orders (projection) row, its body already serialised. */
struct BareOrderRow
{
    QString orderId;
    QString storeId;
    QString number;
    QString type;
    QString state;
    qint64 placedAt = 0;
    qint64 stateSince = 0;
    QVariant promisedAt;
    qint64 updatedAt = 0;
    int eventCount = 0;
    QString body; // compact JSON

    static BareOrderRow from(const Order &order);
};

/** What the store writes for one incoming event: the event, the order after it, the inbox row. */
struct BareIncomingRow
{
    BareEventRow event;
    BareOrderRow order;
    QString source;
    QString messageId;
};

/**
 * The baseline: the rows our store writes, written straight through QtSql with prepared
 * statements into a file with the store's schema and pragmas (WAL, synchronous=FULL, foreign
 * keys). Whatever the real path costs beyond this is ours to answer for.
 */
class BareSqlite final
{
public:
    explicit BareSqlite(const QString &path);
    ~BareSqlite();
    Q_DISABLE_COPY_MOVE(BareSqlite)

    /** Creates the file with the store's schema and prepares the statements. */
    bool open(QString *error);
    /** Inserts projection rows up front, so later writes replace them as a transition does. */
    bool seedOrders(const QList<BareOrderRow> &orders);
    /** One transaction: BEGIN IMMEDIATE, event, projection row, outbox row, COMMIT. */
    bool writeTransition(const BareEventRow &event, const BareOrderRow &order,
                         const QString &destination, qint64 nowMs);
    /** One transaction per batch: each event's row, projection row and inbox row; the cursor. */
    bool writeIncomingBatch(const QList<BareIncomingRow> &rows, const QString *cursorPosition,
                            qint64 nowMs);

    QString lastError() const { return m_error; }

private:
    bool exec(const QString &sql);
    bool run(QSqlQuery &query);
    bool insertEvent(const BareEventRow &row, qint64 nowMs);
    bool upsertOrder(const BareOrderRow &row);
    bool inTransaction(const std::function<bool()> &body);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QSqlQuery m_insertEvent;
    QSqlQuery m_upsertOrder;
    QSqlQuery m_insertOutbox;
    QSqlQuery m_insertInbox;
    QSqlQuery m_upsertCursor;
    QString m_error;
};
