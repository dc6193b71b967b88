// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgreserrors.h"
#include "postgreshubschema.h"

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

/**
 * PostgresHubStorage's named QPSQL connection and the statements run on every submit, hello and
 * replay page, prepared once; private to it. Notes when the server dropped the connection.
 */
struct PostgresHubConnection
{
    QString name = QStringLiteral("kc-hub-pg-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QSqlDatabase db;
    QSqlQuery lockStore;
    QSqlQuery selectEventById;
    QSqlQuery selectRefusal;
    QSqlQuery insertRefusal;
    QSqlQuery selectHead;
    QSqlQuery selectOrder;
    QSqlQuery selectLastOfOrder;
    QSqlQuery selectLastOfStore;
    QSqlQuery insertEvent;
    QSqlQuery upsertOrder;
    QSqlQuery selectAfter;
    QSqlQuery selectStore;
    QSqlQuery selectConsole;
    bool lost = false; // a statement found the connection gone
    bool writing = false; // between beginWrite() and commit() or rollback()

    QList<QSqlQuery *> prepared()
    {
        return {&lockStore,   &selectEventById,   &selectRefusal,     &insertRefusal, &selectHead,
                &selectOrder, &selectLastOfOrder, &selectLastOfStore, &insertEvent,   &upsertOrder,
                &selectAfter, &selectStore,       &selectConsole};
    }

    QSqlQuery query() const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        return query;
    }

    bool prepare(QSqlQuery &query, const QString &sql, QString *error) const
    {
        query = this->query();
        if (!query.prepare(sql)) {
            *error = QStringLiteral("%1 (preparing: %2)").arg(query.lastError().text(), sql);
            return false;
        }
        return true;
    }

    bool prepareAll(QString *error)
    {
        // No "::" casts below: Qt would read ":name" as a placeholder.
        // The NOTIFY goes out at commit, only if the transaction commits (PostgresLogWatch).
        return prepare(lockStore,
                       QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(?)), "
                                      "pg_notify('%2', ?)")
                           .arg(PostgresHubSchema::lockSpace)
                           .arg(QLatin1String(PostgresHubSchema::writtenChannel)),
                       error)
            && prepare(selectEventById,
                       QStringLiteral("SELECT store_id, seq, body FROM events WHERE event_id = ?"),
                       error)
            && prepare(selectRefusal,
                       QStringLiteral("SELECT body, reason, conflicting FROM refusals "
                                      "WHERE store_id = ? AND event_id = ?"),
                       error)
            && prepare(insertRefusal,
                       QStringLiteral("INSERT INTO refusals (store_id, event_id, body, reason, "
                                      "conflicting, refused_at) VALUES (?, ?, ?, ?, ?, ?)"),
                       error)
            && prepare(selectHead,
                       QStringLiteral("SELECT coalesce(max(seq), 0) FROM events "
                                      "WHERE store_id = ?"),
                       error)
            && prepare(selectOrder,
                       QStringLiteral("SELECT body FROM orders WHERE store_id = ? AND "
                                      "order_id = ?"),
                       error)
            && prepare(selectLastOfOrder,
                       QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                      "order_id = ? ORDER BY seq DESC LIMIT 1"),
                       error)
            && prepare(selectLastOfStore,
                       QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                      "order_id IS NULL AND seq < ? ORDER BY seq DESC LIMIT ?"),
                       error)
            && prepare(insertEvent,
                       QStringLiteral("INSERT INTO events (store_id, seq, event_id, order_id, "
                                      "body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"),
                       error)
            && prepare(upsertOrder,
                       QStringLiteral("INSERT INTO orders (store_id, order_id, body) "
                                      "VALUES (?, ?, ?) ON CONFLICT (store_id, order_id) "
                                      "DO UPDATE SET body = excluded.body"),
                       error)
            && prepare(selectAfter,
                       QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                      "seq > ? ORDER BY seq LIMIT ?"),
                       error)
            && prepare(selectStore, QStringLiteral("SELECT 1 FROM stores WHERE store_id = ?"),
                       error)
            && prepare(selectConsole,
                       QStringLiteral("SELECT secret_hash FROM consoles WHERE store_id = ? AND "
                                      "console_id = ?"),
                       error);
    }

    // Runs a statement (prepared, or prepared here from sql) with values bound in order; notes
    // a lost connection for the next reconnectIfLost().
    Result<void> failure(const QSqlError &error)
    {
        lost = lost || PostgresErrors::connectionLost(error);
        return Failure {PostgresErrors::describe(error)};
    }
    Result<void> run(QSqlQuery &query, const QVariantList &values)
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec() ? Result<void>() : failure(query.lastError());
    }
    Result<void> run(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery statement = query();
        if (values.isEmpty()) // BEGIN, SET and the like cannot be prepared
            return statement.exec(sql) ? Result<void>() : failure(statement.lastError());
        if (!statement.prepare(sql))
            return failure(statement.lastError());
        return run(statement, values);
    }

    void close()
    {
        lost = writing = false;
        for (QSqlQuery *query : prepared())
            *query = QSqlQuery();
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    }
};
