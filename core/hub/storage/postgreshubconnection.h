// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgreserrors.h"
#include "backendstatements.h"
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
    BackendStatements statements; // the ones SQLite's backend runs too
    bool lost = false; // a statement found the connection gone
    bool writing = false; // between beginWrite() and commit() or rollback()

    QSqlQuery query() const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        return query;
    }

    bool prepareAll(QString *error)
    {
        // No "::" casts below: Qt would read ":name" as a placeholder.
        // The NOTIFY goes out at commit, only if the transaction commits (PostgresLogWatch).
        return BackendStatements::prepare(
                       lockStore, db,
                       QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(?)), "
                                      "pg_notify('%2', ?)")
                               .arg(PostgresHubSchema::lockSpace)
                               .arg(QLatin1String(PostgresHubSchema::writtenChannel)),
                       error)
            && statements.prepareAll(db, error);
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
        lockStore = QSqlQuery();
        statements.clear();
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    }
};
