// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedeadletters.h"

#include "storelogging.h"

#include "order/eventredaction.h"
#include "order/orderlimits.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace {
// The dead letter a decision is about, as its row holds it.
struct Letter
{
    QString eventId;
    QString destination;
    int attempts = 0;
    QString firstError; // empty: not recorded
    QString lastError;
    QString storeId;
};

Result<std::optional<Letter>> findLetter(StoreConnection &connection, qint64 id)
{
    QSqlQuery select(connection.db);
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT d.event_id, d.destination, d.attempts, d.first_error, "
                                  "d.last_error, e.store_id FROM dead_letters d "
                                  "JOIN events e ON e.event_id = d.event_id WHERE d.id = ?"));
    select.addBindValue(id);
    if (!select.exec())
        return Failure {connection.noted(select.lastError())};
    if (!select.next())
        return std::optional<Letter>();
    Letter letter;
    letter.eventId = select.value(0).toString();
    letter.destination = select.value(1).toString();
    letter.attempts = select.value(2).toInt();
    letter.firstError = select.value(3).toString();
    letter.lastError = select.value(4).toString();
    letter.storeId = select.value(5).toString();
    return std::optional<Letter>(letter);
}

Result<void> run(StoreConnection &connection, QSqlQuery &query)
{
    if (!query.exec())
        return Failure {connection.noted(query.lastError())};
    return {};
}

// Redriven: back in the outbox, due at once, counted from zero again; discarded: nothing more.
Result<void> changeOutbox(StoreConnection &connection, qint64 id, const Letter &letter,
                          EventKind kind)
{
    if (kind == EventKind::DeadLetterRedriven) {
        QSqlQuery insert(connection.db);
        insert.prepare(QStringLiteral("INSERT INTO outbox (event_id, destination, attempts, "
                                      "next_attempt_at, last_error, created_at) "
                                      "VALUES (?, ?, 0, 0, NULL, ?)"));
        insert.addBindValue(letter.eventId);
        insert.addBindValue(letter.destination);
        insert.addBindValue(connection.clock->nowMs());
        if (const Result<void> inserted = run(connection, insert); !inserted)
            return inserted;
    }
    QSqlQuery remove(connection.db);
    remove.prepare(QStringLiteral("DELETE FROM dead_letters WHERE id = ?"));
    remove.addBindValue(id);
    return run(connection, remove);
}

// A far end's error may be long (a whole HTTP body): the log keeps enough to read, within the
// event's limits.
QString errorForLog(const QString &error)
{
    return error.size() <= OrderLimits::maxTextLength
            ? error
            : error.left(OrderLimits::maxTextLength - 1) + QChar(0x2026);
}
} // namespace

AppendResult StoreDeadLetters::decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                                      const QString &origin, const QString &reason)
{
    using Status = AppendResult::Status;
    Q_ASSERT(kind == EventKind::DeadLetterRedriven || kind == EventKind::DeadLetterDiscarded);
    StoreConnection &connection = m_connection;
    connection.lastFault = StoreFault::None;
    const QString why = reason.trimmed();
    // Letting an event go for good is a decision someone must be able to explain later.
    if (kind == EventKind::DeadLetterDiscarded && why.isEmpty())
        return connection.failure({}, Status::Refused,
                                  QStringLiteral("discarding a dead letter needs a reason"));
    if (const Result<void> begun = connection.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return connection.failure({}, Status::Failed, begun.error());
    const auto rollBack = [&connection](AppendResult failed) {
        connection.rollback();
        qCWarning(lcStore).noquote() << "dead letter decision not stored:" << failed.error;
        return failed;
    };
    const Result<std::optional<Letter>> found = findLetter(connection, deadLetterId);
    if (!found)
        return rollBack(connection.failure({}, Status::Failed, found.error()));
    if (!*found)
        return rollBack(connection.failure(
                {}, Status::Refused,
                QStringLiteral("there is no dead letter #%1 in this store").arg(deadLetterId)));
    const Letter &letter = **found;

    OrderEvent event;
    event.id = QUuid::createUuid();
    event.storeId = letter.storeId;
    event.kind = kind;
    event.actor = actor;
    event.origin = origin;
    event.occurredAt = connection.clock->nowMs();
    event.reason = why;
    event.payload = {{QStringLiteral("dead_letter"), deadLetterId},
                     {QStringLiteral("event_id"), letter.eventId},
                     {QStringLiteral("destination"), letter.destination},
                     {QStringLiteral("attempts"), letter.attempts},
                     {QStringLiteral("last_error"), errorForLog(letter.lastError)}};
    if (!letter.firstError.isEmpty())
        event.payload.insert(QStringLiteral("first_error"), errorForLog(letter.firstError));

    // A manager's words come in here (the board's desk and kc-admin alike): no card number stays.
    event = EventRedaction::redacted(std::move(event));
    if (const QString problem = OrderLimits::eventProblem(event); !problem.isEmpty())
        return rollBack(connection.failure(event, Status::Refused, problem));
    if (const Result<void> changed = changeOutbox(connection, deadLetterId, letter, kind);
        !changed)
        return rollBack(connection.failure(event, Status::Failed, changed.error()));
    // A store-level event has no order to project, and it is queued for no destination: the
    // platform does not log a console's own bookkeeping.
    StoreConnection::Batch batch;
    AppendResult result = connection.appendInTransaction(event, {}, nullptr, batch);
    if (!result.committed())
        return rollBack(result.status == Status::Failed
                                ? result
                                : connection.failure(event, Status::Failed, result.error));
    if (const Result<void> committed = connection.exec(QStringLiteral("COMMIT")); !committed)
        return rollBack(connection.failure(event, Status::Failed, committed.error()));
    connection.rememberCommitted(batch);
    qCInfo(lcStore).noquote() << "dead letter" << deadLetterId << "(event" << letter.eventId
                              << "to" << letter.destination << ")"
                              << (kind == EventKind::DeadLetterRedriven ? "redriven" : "discarded")
                              << "by" << actor.toString();
    return result;
}
