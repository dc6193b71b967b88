// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "common/clock.h"
#include "order/projector.h"
#include "rowcodec.h"
#include "storelog.h"
#include "storeschema.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QAtomicInt connectionCounter;

// Every SQLite 3 file starts with these 16 bytes; anything else is not ours to open.
const QByteArray sqliteHeader = QByteArrayLiteral("SQLite format 3\0");

QString eventIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString checkFile(const QString &path)
{
    const QFileInfo info(path);
    const QFileInfo dir(info.absolutePath());
    if (!dir.exists())
        return QStringLiteral("The folder %1 does not exist.").arg(dir.absoluteFilePath());
    if (info.exists() && !info.isFile())
        return QStringLiteral("%1 is not a file.").arg(path);
    if (info.exists() && info.size() > 0) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        if (file.read(sqliteHeader.size()) != sqliteHeader)
            return QStringLiteral("%1 is not a Kitchen Console store (not an SQLite file).")
                    .arg(path);
    }
    return {};
}
} // namespace

class Store::Private
{
public:
    explicit Private(const Clock *clock) : clock(clock ? clock : &systemClock) { }
    ~Private() { close(); }

    void close();
    bool exec(const QString &sql, QString *error);
    bool prepare(QSqlQuery &query, const QString &sql, QString *error);
    bool prepareAll(QString *error);

    // The orders a transaction has touched, as they stand inside it. Their projection rows are
    // written once, when the transaction's events are all appended.
    struct Batch
    {
        QHash<QString, std::optional<Order>> orders;
        QStringList dirty;
    };

    std::optional<OrderEvent> findEvent(const QUuid &id, qint64 *sequence);
    std::optional<Order> loadOrder(const QString &orderId, QString *error);
    std::optional<Order> currentOrder(Batch &batch, const QString &orderId, QString *error);
    void checkCacheStillValid();
    void remember(const Order &order);
    void rememberCommitted(const Batch &batch);
    AppendResult appendInTransaction(const OrderEvent &event, const QStringList &destinations,
                                     const IncomingEvent *incoming, Batch &batch);
    bool writeProjection(const Batch &batch, QString *error);
    AppendResult duplicateOf(const QUuid &eventId, Batch &batch);
    bool saveCursor(const SourceCursor &cursor, QString *error);
    AppendResult failure(const OrderEvent &event, AppendResult::Status status,
                         const QString &error) const;

    SystemClock systemClock;
    const Clock *clock;
    QString connectionName;
    QSqlDatabase db;
    QSqlQuery selectEvent;
    QSqlQuery selectOrder;
    QSqlQuery selectDataVersion;
    // Decoded orders as committed through this connection. PRAGMA data_version moves when another
    // connection commits, and then the cache is dropped, so it never serves a stale order.
    QHash<QString, Order> orderCache;
    qint64 cachedDataVersion = -1;
    QSqlQuery insertEvent;
    QSqlQuery upsertOrder;
    QSqlQuery insertOutbox;
    QSqlQuery selectInbox;
    QSqlQuery insertInbox;
    QSqlQuery upsertCursor;
};

void Store::Private::close()
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

bool Store::Private::exec(const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool Store::Private::prepare(QSqlQuery &query, const QString &sql, QString *error)
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

bool Store::Private::prepareAll(QString *error)
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

std::optional<OrderEvent> Store::Private::findEvent(const QUuid &id, qint64 *sequence)
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

std::optional<Order> Store::Private::loadOrder(const QString &orderId, QString *error)
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

void Store::Private::checkCacheStillValid()
{
    const qint64 version = selectDataVersion.exec() && selectDataVersion.next()
            ? selectDataVersion.value(0).toLongLong()
            : -1;
    selectDataVersion.finish();
    if (version != cachedDataVersion || version < 0)
        orderCache.clear();
    cachedDataVersion = version;
}

void Store::Private::remember(const Order &order)
{
    constexpr qsizetype maxCachedOrders = 4096; // a busy day of tickets
    if (orderCache.size() >= maxCachedOrders)
        orderCache.clear();
    orderCache.insert(order.id, order);
}

void Store::Private::rememberCommitted(const Batch &batch)
{
    for (const QString &orderId : batch.dirty) {
        if (const std::optional<Order> &order = batch.orders.value(orderId))
            remember(*order);
    }
}

AppendResult Store::Private::failure(const OrderEvent &event, AppendResult::Status status,
                                     const QString &error) const
{
    AppendResult result;
    result.status = status;
    result.event = event;
    result.error = error;
    return result;
}

std::optional<Order> Store::Private::currentOrder(Batch &batch, const QString &orderId,
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

AppendResult Store::Private::duplicateOf(const QUuid &eventId, Batch &batch)
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

AppendResult Store::Private::appendInTransaction(const OrderEvent &event,
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

bool Store::Private::writeProjection(const Batch &batch, QString *error)
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

bool Store::Private::saveCursor(const SourceCursor &cursor, QString *error)
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

Store::Store(const QString &path, const Clock *clock)
    : d(std::make_unique<Private>(clock)), m_path(path)
{
}

Store::~Store() = default;

bool Store::open(OpenMode mode)
{
    d->close();
    m_error = checkFile(m_path);
    if (!m_error.isEmpty()) {
        qCWarning(lcStore).noquote() << m_error;
        return false;
    }
    const bool readOnly = mode == OpenMode::ReadOnly;
    if (readOnly && !QFileInfo::exists(m_path)) {
        m_error = QStringLiteral("There is no store at %1.").arg(m_path);
        qCWarning(lcStore).noquote() << m_error;
        return false;
    }
    d->connectionName = QStringLiteral("kc-store-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    d->db.setDatabaseName(m_path);
    if (readOnly)
        d->db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));

    QString error;
    const auto fail = [this, &error](const QString &message) {
        m_error = error.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, error);
        qCWarning(lcStore).noquote() << m_error;
        d->close();
        return false;
    };
    if (!d->db.open()) {
        error = d->db.lastError().text();
        return fail(QStringLiteral("Cannot open the store %1.").arg(m_path));
    }
    // Durability first: every commit is synced to the WAL before it is reported (DESIGN.md).
    if (!d->exec(QStringLiteral("PRAGMA busy_timeout = 5000"), &error)
        || !d->exec(QStringLiteral("PRAGMA synchronous = FULL"), &error)
        || !d->exec(QStringLiteral("PRAGMA foreign_keys = ON"), &error))
        return fail(QStringLiteral("Cannot read the store %1.").arg(m_path));
    const bool empty = StoreSchema::isEmpty(d->db, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("%1 is not a readable SQLite file.").arg(m_path));
    const int appId = StoreSchema::fileApplicationId(d->db, &error);
    if (!empty && appId != StoreSchema::applicationId)
        return fail(QStringLiteral("%1 is an SQLite file but not a Kitchen Console store.")
                            .arg(m_path));
    const int version = StoreSchema::version(d->db, &error);
    if (version > Store::latestSchemaVersion)
        return fail(QStringLiteral("The store %1 has schema version %2, newer than this "
                                   "Kitchen Console understands (up to %3). It was not changed; "
                                   "use a newer Kitchen Console to open it.")
                            .arg(m_path)
                            .arg(version)
                            .arg(Store::latestSchemaVersion));
    if (readOnly && version < Store::latestSchemaVersion)
        return fail(QStringLiteral("The store %1 has schema version %2 and needs an upgrade to %3; "
                                   "open it once read-write to upgrade it.")
                            .arg(m_path)
                            .arg(version)
                            .arg(Store::latestSchemaVersion));
    if (!readOnly) {
        QSqlQuery walQuery(d->db);
        if (!walQuery.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !walQuery.next()
            || walQuery.value(0).toString() != QLatin1String("wal")) {
            error = walQuery.lastError().text();
            return fail(QStringLiteral("Cannot switch the store %1 to write-ahead logging; is "
                                       "its folder writable?")
                                .arg(m_path));
        }
        walQuery.finish();
        if (!StoreSchema::migrate(d->db, Store::latestSchemaVersion, &error))
            return fail(QStringLiteral("Cannot prepare the store %1.").arg(m_path));
    }
    if (!d->prepareAll(&error))
        return fail(QStringLiteral("Cannot prepare queries on the store %1.").arg(m_path));
    qCInfo(lcStore).noquote() << "opened store" << m_path << "schema" << version << "→"
                              << Store::latestSchemaVersion;
    return true;
}

bool Store::isOpen() const
{
    return d->db.isOpen();
}

int Store::schemaVersion() const
{
    QString error;
    return isOpen() ? StoreSchema::version(d->db, &error) : -1;
}

AppendResult Store::append(const OrderEvent &event, const QStringList &destinations)
{
    using Status = AppendResult::Status;
    QString error;
    if (!d->exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return d->failure(event, Status::Failed, error);
    Private::Batch batch;
    AppendResult result = d->appendInTransaction(event, destinations, nullptr, batch);
    if (result.committed() && !d->writeProjection(batch, &error))
        result = d->failure(event, Status::Failed, error);
    if (result.committed() && !d->exec(QStringLiteral("COMMIT"), &error))
        result = d->failure(event, Status::Failed, error);
    if (result.committed()) {
        d->rememberCommitted(batch);
    } else {
        QString ignored;
        d->exec(QStringLiteral("ROLLBACK"), &ignored);
    }
    if (result.status == Status::Refused || result.status == Status::Failed)
        qCWarning(lcStore).noquote() << "event" << eventIdText(event.id) << "not stored:"
                                     << result.error;
    return result;
}

AppendResult Store::appendIncoming(const IncomingEvent &incoming)
{
    return appendIncomingBatch({incoming}, std::nullopt).constFirst();
}

QList<AppendResult> Store::appendIncomingBatch(const QList<IncomingEvent> &batch,
                                               const std::optional<SourceCursor> &cursor)
{
    QList<AppendResult> results;
    results.reserve(batch.size());
    QString error;
    const auto failAll = [&](const QString &message) {
        QString ignored;
        d->exec(QStringLiteral("ROLLBACK"), &ignored);
        qCWarning(lcStore).noquote() << "incoming batch of" << batch.size() << "not stored:"
                                     << message;
        results.clear();
        for (const IncomingEvent &incoming : batch)
            results.append(d->failure(incoming.event, AppendResult::Status::Failed, message));
        return results;
    };
    if (!d->exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return failAll(error);
    Private::Batch touched;
    for (const IncomingEvent &incoming : batch) {
        // A refused event is refused before it writes anything, so the others can go on.
        AppendResult result = d->appendInTransaction(incoming.event, {}, &incoming, touched);
        if (result.status == AppendResult::Status::Failed)
            return failAll(result.error);
        if (result.status == AppendResult::Status::Refused)
            qCWarning(lcStore).noquote()
                    << "incoming event" << eventIdText(incoming.event.id) << "from"
                    << incoming.source << "refused:" << result.error;
        results.append(result);
    }
    if (!d->writeProjection(touched, &error))
        return failAll(error);
    if (cursor && !d->saveCursor(*cursor, &error))
        return failAll(error);
    if (!d->exec(QStringLiteral("COMMIT"), &error))
        return failAll(error);
    d->rememberCommitted(touched);
    return results;
}

bool Store::replaceProjection(const QList<Order> &orders, QString *error)
{
    const auto fail = [this, error](const QString &message) {
        *error = message;
        QString ignored;
        d->exec(QStringLiteral("ROLLBACK"), &ignored);
        return false;
    };
    if (!d->exec(QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    d->orderCache.clear();
    if (!d->exec(QStringLiteral("DELETE FROM orders"), error))
        return fail(*error);
    for (const Order &order : orders) {
        RowCodec::bindOrder(d->upsertOrder, order);
        if (!d->upsertOrder.exec())
            return fail(d->upsertOrder.lastError().text());
    }
    if (!d->exec(QStringLiteral("COMMIT"), error))
        return fail(*error);
    return true;
}

std::optional<Order> Store::order(const QString &orderId) const
{
    QString error;
    std::optional<Order> order = d->loadOrder(orderId, &error);
    if (!error.isEmpty())
        qCWarning(lcStore).noquote() << "cannot read order" << orderId << ":" << error;
    return order;
}

namespace {
QList<Order> readOrders(QSqlQuery &query)
{
    QList<Order> result;
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot list orders:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        QString error;
        if (auto order = RowCodec::decodeOrder(query, 0, &error))
            result.append(*order);
        else
            qCWarning(lcStore).noquote() << "skipping unreadable order row:" << error;
    }
    return result;
}
} // namespace

QList<Order> Store::orders(bool openOnly) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowCodec::orderColumns() + QStringLiteral(" FROM orders")
                  + (openOnly ? QStringLiteral(" WHERE state IN ('placed', 'accepted', "
                                               "'preparing', 'ready')")
                              : QString())
                  + QStringLiteral(" ORDER BY placed_at, order_id"));
    return readOrders(query);
}

QList<Order> Store::ordersInState(OrderState state, qint64 sinceMs) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowCodec::orderColumns()
                  + QStringLiteral(" FROM orders WHERE state = ? AND state_since >= ? "
                                   "ORDER BY state_since DESC"));
    query.addBindValue(OrderStates::toString(state));
    query.addBindValue(sinceMs);
    return readOrders(query);
}

namespace {
QList<OrderEvent> readEvents(QSqlQuery &query)
{
    QList<OrderEvent> result;
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot read events:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        QString error;
        if (auto event = RowCodec::decodeEvent(query, 0, &error))
            result.append(*event);
        else
            qCWarning(lcStore).noquote() << "skipping unreadable event row:" << error;
    }
    return result;
}
} // namespace

QList<OrderEvent> Store::events(const QString &orderId) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowCodec::eventColumns()
                  + QStringLiteral(" FROM events WHERE order_id = ? ORDER BY seq"));
    query.addBindValue(orderId);
    return readEvents(query);
}

QList<OrderEvent> Store::allEvents() const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowCodec::eventColumns()
                  + QStringLiteral(" FROM events ORDER BY seq"));
    return readEvents(query);
}

qint64 Store::eventCount() const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM events")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool Store::hasEvent(const QUuid &eventId) const
{
    return d->findEvent(eventId, nullptr).has_value();
}

QString Store::cursor(const QString &source) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT position FROM cursors WHERE source = ?"));
    query.addBindValue(source);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

QSqlDatabase Store::database() const
{
    return d->db;
}
