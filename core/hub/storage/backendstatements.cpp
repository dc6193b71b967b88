// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendstatements.h"

#include <QSqlError>
#include <QStringList>

bool BackendStatements::prepare(QSqlQuery &query, const QSqlDatabase &db, const QString &sql,
                            QString *error)
{
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = QStringLiteral("%1 (preparing: %2)").arg(query.lastError().text(), sql);
        return false;
    }
    return true;
}

bool BackendStatements::prepareAll(const QSqlDatabase &db, QString *error)
{
    // Store-level events are the rows without an order (appendEvent stores NULL).
    return prepare(selectEventById, db,
                   QStringLiteral("SELECT store_id, seq, body FROM events WHERE event_id = ?"),
                   error)
        && prepare(selectRefusal, db,
                   QStringLiteral("SELECT body, reason, conflicting FROM refusals "
                                  "WHERE store_id = ? AND event_id = ?"),
                   error)
        && prepare(insertRefusal, db,
                   QStringLiteral("INSERT INTO refusals (store_id, event_id, body, reason, "
                                  "conflicting, refused_at) VALUES (?, ?, ?, ?, ?, ?)"),
                   error)
        && prepare(selectHead, db,
                   QStringLiteral("SELECT coalesce(max(seq), 0) FROM events WHERE store_id = ?"),
                   error)
        && prepare(selectOrder, db,
                   QStringLiteral("SELECT body FROM orders WHERE store_id = ? AND order_id = ?"),
                   error)
        && prepare(selectLastOfOrder, db,
                   QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                  "order_id = ? ORDER BY seq DESC LIMIT 1"),
                   error)
        && prepare(selectLastOfStore, db,
                   QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                  "order_id IS NULL AND seq < ? ORDER BY seq DESC LIMIT ?"),
                   error)
        && prepare(insertEvent, db,
                   QStringLiteral("INSERT INTO events (store_id, seq, event_id, order_id, body, "
                                  "recorded_at) VALUES (?, ?, ?, ?, ?, ?)"),
                   error)
        && prepare(upsertOrder, db,
                   QStringLiteral("INSERT INTO orders (store_id, order_id, body) VALUES (?, ?, ?) "
                                  "ON CONFLICT (store_id, order_id) DO UPDATE SET "
                                  "body = excluded.body"),
                   error)
        && prepare(selectAfter, db,
                   QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND seq > ? "
                                  "ORDER BY seq LIMIT ?"),
                   error)
        && prepare(selectStore, db, QStringLiteral("SELECT 1 FROM stores WHERE store_id = ?"),
                   error)
        && prepare(selectConsole, db,
                   QStringLiteral("SELECT secret_hash FROM consoles WHERE store_id = ? AND "
                                  "console_id = ?"),
                   error);
}

void BackendStatements::clear()
{
    for (QSqlQuery *query : {&selectEventById, &selectRefusal, &insertRefusal, &selectHead,
                             &selectOrder, &selectLastOfOrder, &selectLastOfStore, &insertEvent,
                             &upsertOrder, &selectAfter, &selectStore, &selectConsole})
        *query = QSqlQuery();
}

QString BackendStatements::eventsAtSql(const QList<qint64> &seqs)
{
    // Seqs are numbers the hub read itself: listed in the statement, one primary-key probe each.
    QStringList listed;
    for (const qint64 seq : seqs)
        listed.append(QString::number(seq));
    return QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND seq IN (%1) "
                          "ORDER BY seq")
            .arg(listed.join(QLatin1Char(',')));
}

QList<EventRows::Logged> BackendStatements::readLogged(QSqlQuery &query, const QString &storeId)
{
    QList<EventRows::Logged> rows;
    while (query.next())
        rows.append({storeId, query.value(0).toLongLong(), query.value(1).toString()});
    return rows;
}

QList<qint64> BackendStatements::readSeqs(QSqlQuery &query)
{
    QList<qint64> seqs;
    while (query.next())
        seqs.append(query.value(0).toLongLong());
    return seqs;
}

QString BackendStatements::insertPairingCodeSql()
{
    return QStringLiteral("INSERT INTO pairing_codes (code_hash, store_id, console_id, issued_at, "
                          "expires_at) VALUES (?, ?, ?, ?, ?)");
}

QString BackendStatements::forgetPairingCodesSql()
{
    return QStringLiteral("DELETE FROM pairing_codes WHERE expires_at < ?");
}

QString BackendStatements::selectPairingCodeSql()
{
    return QStringLiteral("SELECT code_hash, store_id, console_id, issued_at, expires_at, used_at "
                          "FROM pairing_codes WHERE code_hash = ?");
}

QString BackendStatements::usePairingCodeSql()
{
    // The condition makes using a code atomic: of two consoles racing with it, one changes a row.
    return QStringLiteral(
            "UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL");
}

PairingCodeRow BackendStatements::readPairingCode(const QSqlQuery &query)
{
    return {query.value(0).toString(),   query.value(1).toString(),
            query.value(2).toString(),   query.value(3).toLongLong(),
            query.value(4).toLongLong(), query.value(5).isNull() ? 0 : query.value(5).toLongLong()};
}
