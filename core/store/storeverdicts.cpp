// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeverdicts.h"

#include "storelogging.h"

#include <QSqlQuery>
#include <QVariant>

namespace {
QString eventIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// What the platform said of an event before this verdict.
struct EarlierVerdict
{
    std::optional<qint64> loggedAt; // its place in the platform's log
    bool refused = false;
};

Result<EarlierVerdict> earlierVerdict(StoreConnection &connection, const QUuid &eventId)
{
    QSqlQuery select(connection.db);
    select.prepare(QStringLiteral("SELECT hub_seq, rejected_reason FROM event_status "
                                  "WHERE event_id = ?"));
    select.addBindValue(eventIdText(eventId));
    if (!select.exec())
        return Failure {connection.noted(select.lastError())};
    EarlierVerdict earlier;
    if (select.next()) {
        if (!select.value(0).isNull())
            earlier.loggedAt = select.value(0).toLongLong();
        earlier.refused = !select.value(1).isNull();
    }
    return earlier;
}

// A refusal takes the event out of every destination's queue; an ack delivers it to the
// destination that carried it.
Result<void> dropFromOutbox(StoreConnection &connection, const QUuid &eventId, bool refusal,
                            const QString &deliveredTo)
{
    QSqlQuery drop(connection.db);
    if (refusal) {
        drop.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ?"));
        drop.addBindValue(eventIdText(eventId));
    } else {
        drop.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ? AND destination = ?"));
        drop.addBindValue(eventIdText(eventId));
        drop.addBindValue(deliveredTo);
    }
    if (!drop.exec())
        return Failure {connection.noted(drop.lastError())};
    return {};
}
} // namespace

AppendResult StoreVerdicts::record(const QUuid &eventId, std::optional<qint64> hubSeq,
                                   const QString &rejectedReason, const QString &deliveredTo)
{
    using Status = AppendResult::Status;
    StoreConnection &connection = m_connection;
    connection.lastFault = StoreFault::None;
    if (const Result<void> begun = connection.exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return connection.failure({}, Status::Failed, begun.error());
    StoreConnection::Batch batch;
    AppendResult result = connection.duplicateOf(eventId, batch);
    const auto rollBack = [&connection](AppendResult failed) {
        connection.rollback();
        return failed;
    };
    if (result.status == Status::Failed)
        return rollBack(connection.failure(
            {}, Status::Refused,
            QStringLiteral("there is no event %1 in this store").arg(eventIdText(eventId))));
    // The platform's verdict on an event is final: a second refusal changes nothing (and alerts
    // nobody again), and a refusal of an event its log already holds is the platform
    // contradicting itself, which the log wins. A confirmation always wins: it names the event's
    // place in the authoritative log.
    const Result<EarlierVerdict> earlier = earlierVerdict(connection, eventId);
    if (!earlier)
        return rollBack(connection.failure(result.event, Status::Failed, earlier.error()));
    const bool rejecting = !rejectedReason.isEmpty();
    if (rejecting && earlier->loggedAt) {
        qCWarning(lcStore).noquote()
            << "the platform refused event" << eventIdText(eventId) << "that its log holds at"
            << *earlier->loggedAt << "; kept as logged";
        return rollBack(connection.failure(
            result.event, Status::Refused,
            QStringLiteral("the platform logged it at %1").arg(*earlier->loggedAt)));
    }
    // The outbox rows go in the same transaction as the verdict.
    const bool dropsOutbox = rejecting || !deliveredTo.isEmpty();
    if ((rejecting && earlier->refused)
        || (!rejecting && earlier->loggedAt == hubSeq && !earlier->refused)) {
        // Already recorded (its echo may have come first): Duplicate, with the order as it
        // stands; an ack still delivers its outbox row.
        if (rejecting || !dropsOutbox) {
            rollBack(result);
            return result;
        }
        Result<void> delivered = dropFromOutbox(connection, eventId, rejecting, deliveredTo);
        if (delivered)
            delivered = connection.exec(QStringLiteral("COMMIT"));
        if (!delivered)
            return rollBack(connection.failure(result.event, Status::Failed, delivered.error()));
        return result;
    }
    if (!rejecting && earlier->refused)
        qCWarning(lcStore).noquote()
            << "event" << eventIdText(eventId) << "was refused before "
            << "and is now logged by the platform at" << *hubSeq << "; it counts again";
    Result<void> written = setStatus(eventId, hubSeq, rejectedReason);
    if (written && dropsOutbox)
        written = dropFromOutbox(connection, eventId, rejecting, deliveredTo);
    if (written && !result.event.orderId.isEmpty())
        written = connection.refold(batch, result.event.orderId, &result.superseded);
    if (written)
        written = connection.writeProjection(batch);
    if (written)
        written = connection.exec(QStringLiteral("COMMIT"));
    if (!written)
        return rollBack(connection.failure(result.event, Status::Failed, written.error()));
    connection.rememberCommitted(batch);
    result.status = Status::Committed;
    result.order = batch.orders.value(result.event.orderId);
    return result;
}

AppendResult StoreVerdicts::confirmInTransaction(const QUuid &eventId, qint64 hubSeq,
                                                 StoreConnection::Batch &batch)
{
    AppendResult result = m_connection.duplicateOf(eventId, batch);
    if (result.status == AppendResult::Status::Failed || result.event.orderId.isEmpty())
        return result;
    Result<void> recorded = setStatus(eventId, hubSeq, {});
    if (recorded)
        recorded = m_connection.refold(batch, result.event.orderId, &result.superseded);
    if (!recorded)
        return m_connection.failure(result.event, AppendResult::Status::Failed, recorded.error());
    result.order = batch.orders.value(result.event.orderId);
    return result;
}

Result<void> StoreVerdicts::setStatus(const QUuid &eventId, std::optional<qint64> hubSeq,
                                      const QString &rejectedReason)
{
    QSqlQuery &upsert = m_connection.upsertStatus;
    upsert.addBindValue(eventIdText(eventId));
    upsert.addBindValue(hubSeq ? QVariant(*hubSeq) : QVariant());
    upsert.addBindValue(rejectedReason.isEmpty() ? QVariant() : QVariant(rejectedReason));
    upsert.addBindValue(m_connection.clock->nowMs());
    if (!upsert.exec())
        return Failure {m_connection.noted(upsert.lastError())};
    return {};
}
