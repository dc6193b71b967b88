// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "common/clock.h"
#include "rowcodec.h"
#include "store.h"
#include "storelogging.h"
#include "storedatabase.h"

#include <QSqlError>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Runs a statement; a failure is logged here, and returned with the database's words.
Result<void> execLogged(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return {};
    const QString reason = query.lastError().text();
    qCWarning(lcStore).noquote() << "outbox:" << what << "failed:" << reason;
    return Failure {reason};
}

// True for an outbox row o (of event e) that waits behind a dead letter of its order for the same
// destination. Store-level events have no order, so none of them is ever parked.
QString parkedClause()
{
    return QStringLiteral("EXISTS (SELECT 1 FROM dead_letters d "
                          "  JOIN events de ON de.event_id = d.event_id "
                          "  WHERE d.destination = o.destination "
                          "  AND de.order_id = e.order_id AND de.seq < e.seq)");
}

Failure notPending(const QUuid &eventId, const QString &destination)
{
    return {
        QStringLiteral("event %1 has no pending entry for %2").arg(idText(eventId), destination)};
}
} // namespace

namespace {
// The steps that end an order in the kitchen, as the log spells them, for SQL's IN ( ).
QString endingStates()
{
    static const QString list = [] {
        QStringList quoted;
        for (const OrderState state : {OrderState::PickedUp, OrderState::OutForDelivery,
                                       OrderState::Delivered, OrderState::Cancelled,
                                       OrderState::Rejected, OrderState::Refunded})
            quoted.append(QLatin1Char('\'') + OrderStates::toString(state) + QLatin1Char('\''));
        return quoted.join(QLatin1String(", "));
    }();
    return list;
}
} // namespace

QList<OutboxEntry> Outbox::due(const QString &destination, qint64 nowMs, int limit,
                               const QString &endingsWaitFor) const
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT o.destination, o.attempts, o.next_attempt_at, "
                                 "o.last_error, o.created_at, e.seq, ")
                  + RowCodec::eventColumns(QStringLiteral("e."))
                  + QStringLiteral(" FROM outbox o JOIN events e ON e.event_id = o.event_id "
                                   "WHERE o.destination = ? AND o.next_attempt_at <= ? "
                                   // An order's events go out in order: one waiting for a retry
                                   // holds back the later events of the same order.
                                   "AND NOT EXISTS (SELECT 1 FROM outbox w "
                                   "  JOIN events we ON we.event_id = w.event_id "
                                   "  WHERE w.destination = o.destination "
                                   "  AND we.order_id = e.order_id AND we.seq < e.seq "
                                   "  AND w.next_attempt_at > ?) "
                                   "AND NOT EXISTS (SELECT 1 FROM outbox v "
                                   "  JOIN events ve ON ve.event_id = v.event_id "
                                   "  WHERE v.destination = ? AND ve.order_id = e.order_id "
                                   "  AND ve.seq <= e.seq AND ve.to_state IN (")
                  + endingStates() + QStringLiteral(")) AND NOT ")
                  + parkedClause()
                  + QStringLiteral(" ORDER BY e.seq LIMIT ?"));
    query.addBindValue(destination);
    query.addBindValue(nowMs);
    query.addBindValue(nowMs);
    query.addBindValue(endingsWaitFor); // empty: no destination has that name, nothing waits
    query.addBindValue(limit);
    QList<OutboxEntry> entries;
    if (!execLogged(query, "reading due entries"))
        return entries;
    while (query.next()) {
        const Result<OrderEvent> event = RowCodec::decodeEvent(query, 6);
        if (!event) {
            qCWarning(lcStore).noquote() << "outbox: unreadable event:" << event.error();
            continue;
        }
        OutboxEntry entry;
        entry.event = *event;
        entry.destination = query.value(0).toString();
        entry.attempts = query.value(1).toInt();
        entry.nextAttemptAt = query.value(2).toLongLong();
        entry.lastError = query.value(3).toString();
        entry.createdAt = query.value(4).toLongLong();
        entry.sequence = query.value(5).toLongLong();
        entries.append(entry);
    }
    return entries;
}

ParkedCount Outbox::parked(const QString &destination) const
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*), count(DISTINCT e.order_id) FROM outbox o "
                                 "JOIN events e ON e.event_id = o.event_id WHERE ")
                  + (destination.isEmpty() ? QString() : QStringLiteral("o.destination = ? AND "))
                  + parkedClause());
    if (!destination.isEmpty())
        query.addBindValue(destination);
    ParkedCount count;
    if (!execLogged(query, "counting parked entries") || !query.next())
        return {-1, -1};
    count.events = query.value(0).toInt();
    count.orders = query.value(1).toInt();
    return count;
}

Result<void> Outbox::hold(const QString &destination, qint64 untilMs)
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = ? "
                                 "WHERE destination = ? AND next_attempt_at < ?"));
    query.addBindValue(untilMs);
    query.addBindValue(destination);
    query.addBindValue(untilMs);
    return execLogged(query, "holding a destination");
}

std::optional<qint64> Outbox::heldUntil(const QString &destination, qint64 nowMs) const
{
    // A new entry is due at once and a failure counts an attempt, so an entry never tried that
    // waits for a later time was held by hold().
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT max(next_attempt_at) FROM outbox "
                                 "WHERE destination = ? AND attempts = 0 AND next_attempt_at > ?"));
    query.addBindValue(destination);
    query.addBindValue(nowMs);
    if (!execLogged(query, "reading a destination's hold") || !query.next()
        || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

int Outbox::pendingCount(const QString &destination) const
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    if (destination.isEmpty()) {
        query.prepare(QStringLiteral("SELECT count(*) FROM outbox"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE destination = ?"));
        query.addBindValue(destination);
    }
    if (!execLogged(query, "counting") || !query.next())
        return -1;
    return query.value(0).toInt();
}

std::optional<qint64> Outbox::oldestPendingAt(const QString &destination) const
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    if (destination.isEmpty()) {
        query.prepare(QStringLiteral("SELECT min(created_at) FROM outbox"));
    } else {
        query.prepare(QStringLiteral("SELECT min(created_at) FROM outbox WHERE destination = ?"));
        query.addBindValue(destination);
    }
    if (!execLogged(query, "reading the oldest entry") || !query.next()
        || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

int Outbox::deadLetterCount(const QString &destination) const
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM dead_letters WHERE destination = ?"));
    query.addBindValue(destination);
    if (!execLogged(query, "counting dead letters") || !query.next())
        return -1;
    return query.value(0).toInt();
}

Result<void> Outbox::acknowledge(const QUuid &eventId, const QString &destination)
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ? AND destination = ?"));
    query.addBindValue(idText(eventId));
    query.addBindValue(destination);
    if (Result<void> deleted = execLogged(query, "acknowledging"); !deleted)
        return deleted;
    if (query.numRowsAffected() == 0) {
        qCDebug(lcStore) << "outbox: duplicate ack for" << idText(eventId) << "ignored";
        return notPending(eventId, destination);
    }
    return {};
}

Result<void> Outbox::acknowledgeAll(const QList<QUuid> &eventIds, const QString &destination)
{
    QSqlDatabase db = StoreDatabase::of(m_store);
    QSqlQuery transaction(db);
    // Not worth a wait for the disk: an acknowledgement lost to a power cut sends the events
    // again, which the far end drops by their keys. The next FULL commit makes it durable too.
    transaction.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    const auto fullAgain = qScopeGuard([&transaction] {
        transaction.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    });
    if (!transaction.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Failure {transaction.lastError().text()};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ? AND destination = ?"));
    Result<void> deleted;
    for (const QUuid &eventId : eventIds) {
        query.addBindValue(idText(eventId));
        query.addBindValue(destination);
        deleted = execLogged(query, "acknowledging");
        if (!deleted)
            break;
    }
    if (deleted && !transaction.exec(QStringLiteral("COMMIT")))
        deleted = Failure {transaction.lastError().text()};
    if (!deleted)
        transaction.exec(QStringLiteral("ROLLBACK"));
    return deleted;
}

Result<void> Outbox::recordFailure(const QUuid &eventId, const QString &destination,
                                   const QString &error, qint64 nextAttemptAt)
{
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    // SET reads the row as it was: attempts = 0 means this is the first failure.
    query.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, "
                                 "last_error = ?, "
                                 "first_error = CASE WHEN attempts = 0 THEN ? ELSE first_error END, "
                                 "first_error_at = CASE WHEN attempts = 0 THEN ? "
                                 "ELSE first_error_at END "
                                 "WHERE event_id = ? AND destination = ?"));
    query.addBindValue(nextAttemptAt);
    query.addBindValue(error);
    query.addBindValue(error);
    query.addBindValue(m_store.clock().nowMs());
    query.addBindValue(idText(eventId));
    query.addBindValue(destination);
    if (Result<void> updated = execLogged(query, "recording a failure"); !updated)
        return updated;
    if (query.numRowsAffected() != 1)
        return notPending(eventId, destination);
    return {};
}

Result<void> Outbox::moveToDeadLetter(const QUuid &eventId, const QString &destination,
                                      const QString &error, qint64 nowMs)
{
    QSqlDatabase db = StoreDatabase::of(m_store);
    QSqlQuery transaction(db);
    if (!transaction.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Failure {transaction.lastError().text()};
    QSqlQuery insert(db);
    // A row never tried before (a refusal at the first attempt) dies of its first error; one
    // that failed before schema 5 keeps first_error NULL: not recorded.
    insert.prepare(QStringLiteral("INSERT INTO dead_letters (event_id, destination, attempts, "
                                  "first_error, first_error_at, last_error, dead_at) "
                                  "SELECT event_id, destination, attempts, "
                                  "CASE WHEN attempts = 0 THEN ? ELSE first_error END, "
                                  "CASE WHEN attempts = 0 THEN ? ELSE first_error_at END, ?, ? "
                                  "FROM outbox WHERE event_id = ? AND destination = ?"));
    insert.addBindValue(error);
    insert.addBindValue(nowMs);
    insert.addBindValue(error);
    insert.addBindValue(nowMs);
    insert.addBindValue(idText(eventId));
    insert.addBindValue(destination);
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ? AND destination = ?"));
    remove.addBindValue(idText(eventId));
    remove.addBindValue(destination);
    Result<void> moved = execLogged(insert, "dead-lettering");
    if (moved && insert.numRowsAffected() != 1)
        moved = notPending(eventId, destination);
    if (moved)
        moved = execLogged(remove, "dead-lettering");
    if (moved && !transaction.exec(QStringLiteral("COMMIT")))
        moved = Failure {transaction.lastError().text()};
    if (!moved) {
        transaction.exec(QStringLiteral("ROLLBACK"));
        return moved;
    }
    qCWarning(lcStore).noquote() << "event" << idText(eventId) << "to" << destination
                                 << "moved to the dead-letter queue:" << error;
    return {};
}

namespace {
Result<QList<DeadLetter>> readLetters(const Store &store, const QString &where,
                                      const QVariant &bound)
{
    QSqlQuery query(StoreDatabase::of(store));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT d.id, d.destination, d.attempts, d.first_error, "
                                 "d.first_error_at, d.last_error, d.dead_at, ")
                  + RowCodec::eventColumns(QStringLiteral("e."))
                  + QStringLiteral(" FROM dead_letters d JOIN events e ON e.event_id = d.event_id ")
                  + where + QStringLiteral(" ORDER BY d.id"));
    if (bound.isValid())
        query.addBindValue(bound);
    if (Result<void> read = execLogged(query, "reading dead letters"); !read)
        return Failure {read.error()};
    QList<DeadLetter> letters;
    while (query.next()) {
        const Result<OrderEvent> event = RowCodec::decodeEvent(query, 7);
        if (!event) {
            qCWarning(lcStore).noquote() << "dead letters: unreadable event:" << event.error();
            continue;
        }
        DeadLetter letter;
        letter.id = query.value(0).toLongLong();
        letter.destination = query.value(1).toString();
        letter.attempts = query.value(2).toInt();
        letter.firstError = query.value(3).toString();
        letter.firstErrorAt = query.value(4).isNull() ? 0 : query.value(4).toLongLong();
        letter.lastError = query.value(5).toString();
        letter.deadAt = query.value(6).toLongLong();
        letter.event = *event;
        letters.append(letter);
    }
    if (query.lastError().isValid())
        return Failure {query.lastError().text()};
    return letters;
}
} // namespace

QList<DeadLetter> Outbox::deadLetters() const
{
    return readDeadLetters().toOptional().value_or(QList<DeadLetter>());
}

Result<QList<DeadLetter>> Outbox::readDeadLetters() const
{
    return readLetters(m_store, {}, {});
}

std::optional<DeadLetter> Outbox::deadLetter(qint64 id) const
{
    const QList<DeadLetter> letters =
            readLetters(m_store, QStringLiteral("WHERE d.id = ?"), id).toOptional().value_or(
                    QList<DeadLetter>());
    if (letters.isEmpty())
        return std::nullopt;
    return letters.constFirst();
}
