// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventstorage.h"
#include "pairingstorage.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

/**
 * The statements both hub backends run on every submit, hello and replay page, in the SQL that
 * SQLite and PostgreSQL both take, prepared once on a backend's connection; and the readers of
 * their rows. Private to SqliteHubStorage and PostgresHubStorage.
 */
struct BackendStatements
{
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

    /** Prepares every statement on db; false with *error naming the statement that failed. */
    bool prepareAll(const QSqlDatabase &db, QString *error);
    /** Lets go of every statement, before the connection closes. */
    void clear();

    /** Prepares sql on db as a forward-only query; false with *error. */
    static bool prepare(QSqlQuery &query, const QSqlDatabase &db, const QString &sql,
                        QString *error);
    /** The events of a store at these seqs, in seq order; the seqs are listed in the text. */
    static QString eventsAtSql(const QList<qint64> &seqs);
    /** The (seq, body) rows of an executed query, as the store's logged events. */
    static QList<EventRows::Logged> readLogged(QSqlQuery &query, const QString &storeId);
    /** The first column of an executed query's rows, as seqs. */
    static QList<qint64> readSeqs(QSqlQuery &query);

    // Pairing codes (PairingStorage), run rarely: the SQL, with values bound in this order.
    static QString insertPairingCodeSql(); // code_hash, store, console, issued_at, expires_at
    static QString forgetPairingCodesSql(); // codes that ended before: the time
    static QString selectPairingCodeSql(); // code_hash
    static QString usePairingCodeSql(); // used_at, code_hash
    /** The current row of an executed selectPairingCodeSql(). */
    static PairingCodeRow readPairingCode(const QSqlQuery &query);
};
