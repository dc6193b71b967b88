// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeconnection.h"

#include "order/projector.h"
#include "rowcodec.h"
#include "storelog.h"

#include <QSqlError>
#include <QVariant>

namespace {
QString eventIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

void StoreConnection::close()
{
    if (connectionName.isEmpty())
        return;
    for (QSqlQuery *query : {&selectEvent, &selectOrder, &selectDataVersion, &insertEvent,
                             &upsertOrder, &insertOutbox, &selectInbox, &insertInbox, &upsertCursor})
        *query = QSqlQuery();
    orderCache.clear();
    cachedDataVersion = -1;
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    connectionName.clear();
}

bool StoreConnection::exec(const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool StoreConnection::prepare(QSqlQuery &query, const QString &sql, QString *error)
{
    query = QSqlQuery(db);
    // Forward-only: the driver then keeps no cache of rows already read.
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = QStringLiteral("%1 (preparing: %2)").arg(query.lastError().text(), sql);
        return false;
    }
    return true;
}

bool StoreConnection::prepareAll(QString *error)
{
    return prepare(selectEvent,
                   QStringLiteral("SELECT seq, ") + RowCodec::eventColumns()
                           + QStringLiteral(" FROM events WHERE event_id = ?"),
                   error)
            && prepare(selectOrder,
                       QStringLiteral("SELECT ") + RowCodec::orderColumns()
                               + QStringLiteral(" FROM orders WHERE order_id = ?"),
                       error)
            && prepare(selectDataVersion, QStringLiteral("PRAGMA data_version"), error)
            && prepare(insertEvent,
                       QStringLiteral(
                               "INSERT INTO events (event_id, order_id, store_id, kind, from_state, "
                               "to_state, actor, origin, occurred_at, reason, payload, recorded_at) "
                               "VALUES (:event_id, :order_id, :store_id, :kind, :from_state, "
                               ":to_state, :actor, :origin, :occurred_at, :reason, :payload, "
                               ":recorded_at)"),
                       error)
            && prepare(upsertOrder, RowCodec::orderUpsertStatement(), error)
            && prepare(insertOutbox,
                       QStringLiteral("INSERT INTO outbox (event_id, destination, attempts, "
                                      "next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)"),
                       error)
            && prepare(selectInbox,
                       QStringLiteral("SELECT event_id FROM inbox WHERE source = ? AND "
                                      "message_id = ?"),
                       error)
            && prepare(insertInbox,
                       QStringLiteral("INSERT INTO inbox (source, message_id, event_id, "
                                      "received_at) VALUES (?, ?, ?, ?)"),
                       error)
            && prepare(upsertCursor,
                       QStringLiteral("INSERT OR REPLACE INTO cursors (source, position, "
                                      "updated_at) VALUES (?, ?, ?)"),
                       error);
}

std::optional<OrderEvent> StoreConnection::findEvent(const QUuid &id, qint64 *sequence)
{
    selectEvent.addBindValue(eventIdText(id));
    if (!selectEvent.exec() || !selectEvent.next()) {
        selectEvent.finish();
        return std::nullopt;
    }
    QString error;
    std::optional<OrderEvent> event = RowCodec::decodeEvent(selectEvent, 1, &error);
    if (sequence)
        *sequence = selectEvent.value(0).toLongLong();
    selectEvent.finish();
    if (!event)
        qCWarning(lcStore) << "unreadable stored event:" << error;
    return event;
}

std::optional<Order> StoreConnection::loadOrder(const QString &orderId, QString *error)
{
    checkCacheStillValid();
    const auto cached = orderCache.constFind(orderId);
    if (cached != orderCache.constEnd())
        return *cached;
    selectOrder.addBindValue(orderId);
    if (!selectOrder.exec()) {
        *error = selectOrder.lastError().text();
        return std::nullopt;
    }
    std::optional<Order> order;
    if (selectOrder.next())
        order = RowCodec::decodeOrder(selectOrder, 0, error);
    selectOrder.finish();
    if (order)
        remember(*order);
    return order;
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
    return result;
}

std::optional<Order> StoreConnection::currentOrder(Batch &batch, const QString &orderId,
                                                QString *error)
{
    const auto it = batch.orders.constFind(orderId);
    if (it != batch.orders.constEnd())
        return *it;
    std::optional<Order> order = loadOrder(orderId, error);
    if (error->isEmpty())
        batch.orders.insert(orderId, order);
    return order;
}

AppendResult StoreConnection::duplicateOf(const QUuid &eventId, Batch &batch)
{
    AppendResult result;
    result.status = AppendResult::Status::Duplicate;
    const std::optional<OrderEvent> first = findEvent(eventId, &result.sequence);
    if (!first)
        return failure({}, AppendResult::Status::Failed,
                       QStringLiteral("event %1 is recorded but unreadable").arg(eventIdText(eventId)));
    result.event = *first;
    QString error;
    if (!first->orderId.isEmpty())
        result.order = currentOrder(batch, first->orderId, &error);
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

    const bool storeLevel = EventKinds::isStoreLevel(event.kind);
    Projection projection;
    if (!storeLevel) {
        QString error;
        const std::optional<Order> current = currentOrder(batch, event.orderId, &error);
        if (!error.isEmpty())
            return failure(event, Status::Failed, error);
        projection = Projector::apply(current, event);
        // A replayed event usually no longer fits the order it already changed; only then is
        // it worth looking the id up (the UNIQUE constraint catches the rest below).
        if (!projection.ok())
            return findEvent(event.id, nullptr) ? duplicateOf(event.id, batch)
                                                : failure(event, Status::Refused, projection.error);
    }

    RowCodec::bindEvent(insertEvent, event);
    insertEvent.bindValue(QStringLiteral(":recorded_at"), now);
    if (!insertEvent.exec()) {
        // A failed statement rolls back only itself, so the transaction is still usable here.
        if (findEvent(event.id, nullptr))
            return duplicateOf(event.id, batch);
        return failure(event, Status::Failed, insertEvent.lastError().text());
    }
    const qint64 sequence = insertEvent.lastInsertId().toLongLong();
    if (!storeLevel) {
        batch.orders.insert(event.orderId, projection.order);
        if (!batch.dirty.contains(event.orderId))
            batch.dirty.append(event.orderId);
    }
    for (const QString &destination : destinations) {
        insertOutbox.addBindValue(eventIdText(event.id));
        insertOutbox.addBindValue(destination);
        insertOutbox.addBindValue(0); // due at once
        insertOutbox.addBindValue(now);
        if (!insertOutbox.exec())
            return failure(event, Status::Failed, insertOutbox.lastError().text());
    }
    if (incoming) {
        insertInbox.addBindValue(incoming->source);
        insertInbox.addBindValue(incoming->messageId);
        insertInbox.addBindValue(eventIdText(event.id));
        insertInbox.addBindValue(now);
        if (!insertInbox.exec())
            return failure(event, Status::Failed, insertInbox.lastError().text());
    }

    AppendResult result;
    result.status = Status::Committed;
    result.event = event;
    result.order = projection.order;
    result.sequence = sequence;
    return result;
}

bool StoreConnection::writeProjection(const Batch &batch, QString *error)
{
    for (const QString &orderId : batch.dirty) {
        RowCodec::bindOrder(upsertOrder, *batch.orders.value(orderId));
        if (!upsertOrder.exec()) {
            *error = upsertOrder.lastError().text();
            return false;
        }
    }
    return true;
}

bool StoreConnection::saveCursor(const SourceCursor &cursor, QString *error)
{
    upsertCursor.addBindValue(cursor.source);
    upsertCursor.addBindValue(cursor.position);
    upsertCursor.addBindValue(clock->nowMs());
    if (!upsertCursor.exec()) {
        *error = upsertCursor.lastError().text();
        return false;
    }
    return true;
}

