// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeconnection.h"

#include "order/projector.h"
#include "rowcodec.h"
#include "storelogging.h"
#include "storeverdicts.h"

#include <QSqlError>
#include <QVariant>

#include <utility>

namespace {
QString eventIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

void StoreConnection::close()
{
    for (QSqlQuery *query : {&selectEvent, &selectOrder, &selectDataVersion, &insertEvent,
                             &upsertOrder, &insertOutbox, &selectInbox, &insertInbox, &upsertCursor,
                             &upsertStatus, &selectHistory, &countUnconfirmed, &selectArchived})
        *query = QSqlQuery();
    orderCache.clear();
    cachedDataVersion = -1;
    db = QSqlDatabase();
    sqlite.close();
}

Result<void> StoreConnection::exec(const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Failure {noted(query.lastError())};
    return {};
}

void StoreConnection::rollback()
{
    // Often there is nothing left to roll back (SQLite undid it with the failure): that is no
    // news, and must not hide the failure's own class.
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}

QString StoreConnection::noted(const QSqlError &error)
{
    const StoreFault fault = StoreFaults::classify(error);
    if (fault != StoreFault::None)
        lastFault = fault;
    return error.text();
}

Result<void> StoreConnection::prepare(QSqlQuery &query, const QString &sql)
{
    query = QSqlQuery(db);
    // Forward-only: the driver then keeps no cache of rows already read.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Failure {QStringLiteral("%1 (preparing: %2)").arg(query.lastError().text(), sql)};
    return {};
}

Result<void> StoreConnection::prepareAll()
{
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&selectEvent,
         QStringLiteral("SELECT seq, ") + RowCodec::eventColumns()
                 + QStringLiteral(" FROM events WHERE event_id = ?")},
        {&selectOrder,
         QStringLiteral("SELECT ") + RowCodec::orderColumns()
                 + QStringLiteral(" FROM orders WHERE order_id = ?")},
        {&selectDataVersion, QStringLiteral("PRAGMA data_version")},
        {&insertEvent,
         QStringLiteral("INSERT INTO events (event_id, order_id, store_id, kind, from_state, "
                        "to_state, actor, origin, occurred_at, reason, payload, recorded_at) "
                        "VALUES (:event_id, :order_id, :store_id, :kind, :from_state, "
                        ":to_state, :actor, :origin, :occurred_at, :reason, :payload, "
                        ":recorded_at)")},
        {&upsertOrder, RowCodec::orderUpsertStatement()},
        {&insertOutbox,
         QStringLiteral("INSERT INTO outbox (event_id, destination, attempts, "
                        "next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)")},
        {&selectInbox,
         QStringLiteral("SELECT event_id FROM inbox WHERE source = ? AND message_id = ?")},
        {&insertInbox,
         QStringLiteral("INSERT INTO inbox (source, message_id, event_id, "
                        "received_at) VALUES (?, ?, ?, ?)")},
        {&upsertCursor,
         QStringLiteral("INSERT OR REPLACE INTO cursors (source, position, "
                        "updated_at) VALUES (?, ?, ?)")},
        {&upsertStatus,
         QStringLiteral("INSERT INTO event_status (event_id, hub_seq, "
                        "rejected_reason, updated_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(event_id) DO UPDATE SET "
                        "hub_seq = coalesce(excluded.hub_seq, hub_seq), "
                        // a place in the platform's log undoes a refusal
                        "rejected_reason = CASE WHEN excluded.hub_seq IS NOT NULL "
                        "THEN NULL ELSE coalesce(excluded.rejected_reason, "
                        "rejected_reason) END, updated_at = excluded.updated_at")},
        {&selectHistory,
         QStringLiteral("SELECT e.seq, s.hub_seq, s.rejected_reason, ")
                 + RowCodec::eventColumns(QStringLiteral("e."))
                 + QStringLiteral(" FROM events e LEFT JOIN event_status s "
                                  "ON s.event_id = e.event_id "
                                  "WHERE e.order_id = ? ORDER BY e.seq")},
        {&countUnconfirmed,
         QStringLiteral("SELECT count(*) FROM events e LEFT JOIN event_status s "
                        "ON s.event_id = e.event_id WHERE e.order_id = ? "
                        "AND s.hub_seq IS NULL AND s.rejected_reason IS NULL")},
        {&selectArchived,
         QStringLiteral("SELECT order_id FROM archived_events WHERE event_id = ?")},
    };
    for (const auto &[query, sql] : statements) {
        if (Result<void> prepared = prepare(*query, sql); !prepared)
            return prepared;
    }
    return {};
}

std::optional<OrderEvent> StoreConnection::findEvent(const QUuid &id, qint64 *sequence)
{
    selectEvent.addBindValue(eventIdText(id));
    if (!selectEvent.exec() || !selectEvent.next()) {
        selectEvent.finish();
        return std::nullopt;
    }
    Result<OrderEvent> event = RowCodec::decodeEvent(selectEvent, 1);
    if (sequence)
        *sequence = selectEvent.value(0).toLongLong();
    selectEvent.finish();
    if (!event)
        qCWarning(lcStore) << "unreadable stored event:" << event.error();
    return std::move(event).toOptional();
}

std::optional<QString> StoreConnection::archivedOrderOf(const QUuid &id)
{
    selectArchived.addBindValue(eventIdText(id));
    std::optional<QString> orderId;
    if (selectArchived.exec() && selectArchived.next())
        orderId = selectArchived.value(0).toString();
    selectArchived.finish();
    return orderId;
}

Result<std::optional<Order>> StoreConnection::loadOrder(const QString &orderId)
{
    using Found = std::optional<Order>;
    checkCacheStillValid();
    const auto cached = orderCache.constFind(orderId);
    if (cached != orderCache.constEnd())
        return Found(*cached);
    selectOrder.addBindValue(orderId);
    if (!selectOrder.exec())
        return Failure {noted(selectOrder.lastError())};
    if (!selectOrder.next()) {
        selectOrder.finish();
        return Found();
    }
    Result<Order> decoded = RowCodec::decodeOrder(selectOrder, 0);
    selectOrder.finish();
    if (!decoded)
        return Failure {decoded.error()};
    remember(*decoded);
    return Found(std::move(decoded).value());
}

void StoreConnection::checkCacheStillValid()
{
    const qint64 version = selectDataVersion.exec() && selectDataVersion.next()
            ? selectDataVersion.value(0).toLongLong()
            : -1;
    selectDataVersion.finish();
    if (version != cachedDataVersion || version < 0)
        orderCache.clear();
    cachedDataVersion = version;
}

void StoreConnection::remember(const Order &order)
{
    constexpr qsizetype maxCachedOrders = 4096; // a busy day of tickets
    if (orderCache.size() >= maxCachedOrders)
        orderCache.clear();
    orderCache.insert(order.id, order);
}

void StoreConnection::rememberCommitted(const Batch &batch)
{
    for (const QString &orderId : batch.dirty) {
        if (const std::optional<Order> &order = batch.orders.value(orderId))
            remember(*order);
    }
}

AppendResult StoreConnection::failure(const OrderEvent &event, AppendResult::Status status,
                                     const QString &error) const
{
    AppendResult result;
    result.status = status;
    result.event = event;
    result.error = error;
    if (status == AppendResult::Status::Failed)
        result.fault = lastFault == StoreFault::None ? StoreFault::Other : lastFault;
    return result;
}

Result<std::optional<Order>> StoreConnection::currentOrder(Batch &batch, const QString &orderId)
{
    const auto it = batch.orders.constFind(orderId);
    if (it != batch.orders.constEnd())
        return *it;
    Result<std::optional<Order>> order = loadOrder(orderId);
    if (order)
        batch.orders.insert(orderId, *order);
    return order;
}

AppendResult StoreConnection::duplicateOf(const QUuid &eventId, Batch &batch)
{
    AppendResult result;
    result.status = AppendResult::Status::Duplicate;
    const std::optional<OrderEvent> first = findEvent(eventId, &result.sequence);
    if (!first) {
        // Its order was archived: the event is known, the order is no longer kept here.
        if (const std::optional<QString> archivedOrder = archivedOrderOf(eventId)) {
            result.event.id = eventId;
            result.event.orderId = *archivedOrder;
            return result;
        }
        return failure({}, AppendResult::Status::Failed,
                       QStringLiteral("event %1 is recorded but unreadable").arg(eventIdText(eventId)));
    }
    result.event = *first;
    // An order that cannot be read is left out: the event is what was asked about.
    if (!first->orderId.isEmpty()) {
        if (const Result<std::optional<Order>> order = currentOrder(batch, first->orderId))
            result.order = *order;
    }
    return result;
}

AppendResult StoreConnection::appendInTransaction(const OrderEvent &event,
                                                 const QStringList &destinations,
                                                 const IncomingEvent *incoming, Batch &batch)
{
    using Status = AppendResult::Status;
    const qint64 now = clock->nowMs();
    if (incoming) {
        selectInbox.addBindValue(incoming->source);
        selectInbox.addBindValue(incoming->messageId);
        const bool seen = selectInbox.exec() && selectInbox.next();
        const QUuid firstEventId = seen ? QUuid::fromString(selectInbox.value(0).toString())
                                        : QUuid();
        selectInbox.finish();
        if (seen)
            return duplicateOf(firstEventId, batch);
    }
    // An archived order's events left the log but not the store's memory: a replay of one is a
    // duplicate, never a second copy (StoreArchiver).
    if (archivedOrderOf(event.id))
        return duplicateOf(event.id, batch);

    // The platform's events are history, not requests: they are stored even where this console
    // moved on locally, and the order is folded again in the platform's order.
    const std::optional<qint64> hubSeq = incoming ? incoming->hubSeq : std::nullopt;
    if (hubSeq && findEvent(event.id, nullptr))
        return StoreVerdicts(*this).confirmInTransaction(event.id, *hubSeq, batch);

    const bool storeLevel = EventKinds::isStoreLevel(event.kind);
    std::optional<Order> order; // after the event; none for a store-level event
    bool refoldNeeded = false;
    if (!storeLevel) {
        const Result<std::optional<Order>> current = currentOrder(batch, event.orderId);
        if (!current)
            return failure(event, Status::Failed, current.error());
        const Projection projection = Projector::apply(*current, event);
        if (hubSeq) {
            refoldNeeded = !projection || hasUnconfirmed(event.orderId);
        } else if (!projection) {
            // A replayed event usually no longer fits the order it already changed; only then
            // is it worth looking the id up (the UNIQUE constraint catches the rest below).
            return findEvent(event.id, nullptr)
                    ? duplicateOf(event.id, batch)
                    : failure(event, Status::Refused, projection.error());
        }
        order = projection.toOptional();
    }

    RowCodec::bindEvent(insertEvent, event);
    insertEvent.bindValue(QStringLiteral(":recorded_at"), now);
    if (!insertEvent.exec()) {
        // A failed statement rolls back only itself, so the transaction is still usable here.
        if (findEvent(event.id, nullptr))
            return duplicateOf(event.id, batch);
        return failure(event, Status::Failed, noted(insertEvent.lastError()));
    }
    const qint64 sequence = insertEvent.lastInsertId().toLongLong();
    QList<QUuid> superseded;
    if (hubSeq) {
        if (const Result<void> status = StoreVerdicts(*this).setStatus(event.id, hubSeq, {});
            !status)
            return failure(event, Status::Failed, status.error());
    }
    if (refoldNeeded) {
        if (const Result<void> folded = refold(batch, event.orderId, &superseded); !folded)
            return failure(event, Status::Failed, folded.error());
        order = batch.orders.value(event.orderId);
    } else if (!storeLevel) {
        batch.orders.insert(event.orderId, order);
        if (!batch.dirty.contains(event.orderId))
            batch.dirty.append(event.orderId);
    }
    for (const QString &destination : destinations) {
        insertOutbox.addBindValue(eventIdText(event.id));
        insertOutbox.addBindValue(destination);
        insertOutbox.addBindValue(0); // due at once
        insertOutbox.addBindValue(now);
        if (!insertOutbox.exec())
            return failure(event, Status::Failed, noted(insertOutbox.lastError()));
    }
    if (incoming) {
        insertInbox.addBindValue(incoming->source);
        insertInbox.addBindValue(incoming->messageId);
        insertInbox.addBindValue(eventIdText(event.id));
        insertInbox.addBindValue(now);
        if (!insertInbox.exec())
            return failure(event, Status::Failed, noted(insertInbox.lastError()));
    }

    AppendResult result;
    result.status = Status::Committed;
    result.event = event;
    result.order = order;
    result.sequence = sequence;
    result.superseded = superseded;
    return result;
}

bool StoreConnection::hasUnconfirmed(const QString &orderId)
{
    countUnconfirmed.addBindValue(orderId);
    const bool any = countUnconfirmed.exec() && countUnconfirmed.next()
            && countUnconfirmed.value(0).toInt() > 0;
    countUnconfirmed.finish();
    return any;
}

Result<void> StoreConnection::refold(Batch &batch, const QString &orderId,
                                     QList<QUuid> *superseded)
{
    selectHistory.addBindValue(orderId);
    if (!selectHistory.exec())
        return Failure {noted(selectHistory.lastError())};
    QList<HistoryEntry> entries;
    while (selectHistory.next()) {
        Result<OrderEvent> event = RowCodec::decodeEvent(selectHistory, 3);
        if (!event) {
            selectHistory.finish();
            return Failure {event.error()};
        }
        HistoryEntry entry;
        entry.event = *event;
        entry.localSeq = selectHistory.value(0).toLongLong();
        if (!selectHistory.value(1).isNull())
            entry.hubSeq = selectHistory.value(1).toLongLong();
        entry.rejected = !selectHistory.value(2).isNull();
        entries.append(entry);
    }
    selectHistory.finish();
    const HistoryFold fold = OrderHistory::fold(entries);
    for (const QString &problem : fold.problems)
        qCWarning(lcStore).noquote() << "order" << orderId << ":" << problem;
    *superseded += fold.superseded;
    batch.orders.insert(orderId, fold.order);
    if (!batch.dirty.contains(orderId))
        batch.dirty.append(orderId);
    return {};
}

Result<void> StoreConnection::writeProjection(const Batch &batch)
{
    for (const QString &orderId : batch.dirty) {
        const std::optional<Order> order = batch.orders.value(orderId);
        if (!order) {
            // Its placement was refused by the platform: the order never existed.
            QSqlQuery remove(db);
            remove.prepare(QStringLiteral("DELETE FROM orders WHERE order_id = ?"));
            remove.addBindValue(orderId);
            if (!remove.exec())
                return Failure {noted(remove.lastError())};
            orderCache.remove(orderId);
            continue;
        }
        RowCodec::bindOrder(upsertOrder, *order);
        if (!upsertOrder.exec())
            return Failure {noted(upsertOrder.lastError())};
    }
    return {};
}

Result<void> StoreConnection::saveCursor(const SourceCursor &cursor)
{
    upsertCursor.addBindValue(cursor.source);
    upsertCursor.addBindValue(cursor.position);
    upsertCursor.addBindValue(clock->nowMs());
    if (!upsertCursor.exec())
        return Failure {noted(upsertCursor.lastError())};
    return {};
}

