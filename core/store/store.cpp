// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"
#include "storedatabase.h"

#include "storeconnection.h"

#include "rowcodec.h"
#include "storelogging.h"
#include "storeintegrity.h"
#include "storeopener.h"
#include "storeschema.h"
#include "storedeadletters.h"
#include "storeverdicts.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {
QString eventIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

Store::Store(const QString &path, const Clock *clock)
    : d(std::make_unique<StoreConnection>(clock)), m_path(path)
{
}

Store::~Store() = default;

Result<void> Store::open(OpenMode mode, IntegrityCheck integrity)
{
    StoreOpener opener(*d, m_path, m_busyTimeoutMs);
    const Result<void> opened = opener.open(mode, integrity);
    m_openError = opener.openError();
    m_damage = opener.damage();
    return opened;
}

bool Store::isOpen() const
{
    return d->db.isOpen();
}

const Clock &Store::clock() const
{
    return *d->clock;
}

int Store::schemaVersion() const
{
    if (!isOpen())
        return -1;
    return StoreSchema::version(d->db).toOptional().value_or(-1);
}

AppendResult Store::append(const OrderEvent &event, const QStringList &destinations)
{
    using Status = AppendResult::Status;
    d->lastFault = StoreFault::None;
    if (const Result<void> begun = d->exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return d->failure(event, Status::Failed, begun.error());
    StoreConnection::Batch batch;
    AppendResult result = d->appendInTransaction(event, destinations, nullptr, batch);
    if (result.committed()) {
        Result<void> written = d->writeProjection(batch);
        if (written)
            written = d->exec(QStringLiteral("COMMIT"));
        if (!written)
            result = d->failure(event, Status::Failed, written.error());
    }
    if (result.committed()) {
        d->rememberCommitted(batch);
    } else {
        d->rollback();
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
    const auto failAll = [&](const QString &message) {
        d->rollback();
        qCWarning(lcStore).noquote() << "incoming batch of" << batch.size() << "not stored:"
                                     << message;
        results.clear();
        for (const IncomingEvent &incoming : batch)
            results.append(d->failure(incoming.event, AppendResult::Status::Failed, message));
        return results;
    };
    d->lastFault = StoreFault::None;
    if (const Result<void> begun = d->exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return failAll(begun.error());
    // A sequenced stream (the platform's) moves on only from where its cursor stands: an event
    // stored past a hole would carry the cursor past the hole, and those events would never come.
    // Only a bootstrap snapshot skips seqs, the ones the platform says a new console need not have.
    QHash<QString, qint64> nextSequence; // per source: the next number it may bring
    for (const IncomingEvent &incoming : batch) {
        if (!incoming.hubSeq)
            continue;
        auto next = nextSequence.find(incoming.source);
        if (next == nextSequence.end())
            next = nextSequence.insert(incoming.source,
                                       Store::cursor(incoming.source).toLongLong() + 1);
        if (*incoming.hubSeq > *next && !incoming.fromSnapshot) {
            return failAll(QStringLiteral("%1's events %2 to %3 are missing before %4; nothing "
                                          "was stored, they are fetched again")
                                   .arg(incoming.source)
                                   .arg(*next)
                                   .arg(*incoming.hubSeq - 1)
                                   .arg(*incoming.hubSeq));
        }
        *next = qMax(*next, *incoming.hubSeq + 1);
    }
    StoreConnection::Batch touched;
    for (const IncomingEvent &incoming : batch) {
        // A refused event is refused before it writes anything, so the others can go on.
        AppendResult result =
                d->appendInTransaction(incoming.event, incoming.forwardTo, &incoming, touched);
        if (result.status == AppendResult::Status::Failed)
            return failAll(result.error);
        if (result.status == AppendResult::Status::Refused)
            qCWarning(lcStore).noquote()
                    << "incoming event" << eventIdText(incoming.event.id) << "from"
                    << incoming.source << "refused:" << result.error;
        results.append(result);
    }
    if (const Result<void> written = d->writeProjection(touched); !written)
        return failAll(written.error());
    // Every batch of a sequenced stream saves how far it got, whether or not the caller named a
    // cursor: it is only ever the last number of an unbroken run.
    for (auto next = nextSequence.cbegin(); next != nextSequence.cend(); ++next) {
        qint64 position = *next - 1;
        if (cursor && cursor->source == next.key())
            position = qMax(position, cursor->position.toLongLong());
        if (const Result<void> saved = d->saveCursor({next.key(), QString::number(position)});
            !saved)
            return failAll(saved.error());
    }
    if (cursor && !nextSequence.contains(cursor->source)) {
        if (const Result<void> saved = d->saveCursor(*cursor); !saved)
            return failAll(saved.error());
    }
    if (const Result<void> committed = d->exec(QStringLiteral("COMMIT")); !committed)
        return failAll(committed.error());
    d->rememberCommitted(touched);
    return results;
}

AppendResult Store::confirm(const QUuid &eventId, qint64 hubSeq, const QString &deliveredTo)
{
    return StoreVerdicts(*d).record(eventId, hubSeq, {}, deliveredTo);
}

AppendResult Store::markRejected(const QUuid &eventId, const QString &reason)
{
    const AppendResult result = StoreVerdicts(*d).record(eventId, std::nullopt, reason);
    if (result.committed())
        qCWarning(lcStore).noquote() << "event" << eventId.toString(QUuid::WithoutBraces)
                                     << "was rejected by the platform:" << reason;
    return result;
}

AppendResult Store::redriveDeadLetter(qint64 deadLetterId, const Actor &actor,
                                      const QString &origin, const QString &reason)
{
    return StoreDeadLetters(*d).decide(deadLetterId, EventKind::DeadLetterRedriven, actor, origin,
                                       reason);
}

AppendResult Store::discardDeadLetter(qint64 deadLetterId, const Actor &actor,
                                      const QString &origin, const QString &reason)
{
    return StoreDeadLetters(*d).decide(deadLetterId, EventKind::DeadLetterDiscarded, actor, origin,
                                       reason);
}

Result<void> Store::replaceProjection(const QList<Order> &orders)
{
    return replaceProjection([&orders] { return orders; });
}

Result<void> Store::replaceProjection(const std::function<QList<Order>()> &build)
{
    const auto fail = [this](const QString &reason) -> Result<void> {
        d->rollback();
        return Failure {reason};
    };
    if (Result<void> begun = d->exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    // Read under the write lock: no other connection commits between these reads and the write.
    const QList<Order> orders = build();
    d->orderCache.clear();
    if (const Result<void> emptied = d->exec(QStringLiteral("DELETE FROM orders")); !emptied)
        return fail(emptied.error());
    for (const Order &order : orders) {
        RowCodec::bindOrder(d->upsertOrder, order);
        if (!d->upsertOrder.exec())
            return fail(d->upsertOrder.lastError().text());
    }
    if (const Result<void> committed = d->exec(QStringLiteral("COMMIT")); !committed)
        return fail(committed.error());
    return {};
}

std::optional<Order> Store::order(const QString &orderId) const
{
    Result<std::optional<Order>> order = d->loadOrder(orderId);
    if (!order) {
        qCWarning(lcStore).noquote() << "cannot read order" << orderId << ":" << order.error();
        return std::nullopt;
    }
    return std::move(order).value();
}

namespace {
// Reads every row of a query through a decoder; a damaged row is logged and skipped, not trusted.
template<typename T>
QList<T> readRows(QSqlQuery &query,
                  Result<T> (*decode)(const QSqlQuery &, int), const char *what)
{
    QList<T> result;
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot read" << what << ":" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        if (Result<T> row = decode(query, 0))
            result.append(std::move(row).value());
        else
            qCWarning(lcStore).noquote() << "skipping unreadable" << what << "row:" << row.error();
    }
    return result;
}

QList<Order> readOrders(QSqlQuery &query)
{
    return readRows<Order>(query, &RowCodec::decodeOrder, "order");
}

QList<OrderEvent> readEvents(QSqlQuery &query)
{
    return readRows<OrderEvent>(query, &RowCodec::decodeEvent, "event");
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

QList<LazyOrder> Store::openOrderRows() const
{
    // The body as UTF-8 bytes (no conversion: it is decoded later, if at all), and sorted here:
    // SQLite would copy every body through a sorter for ORDER BY.
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT order_id, store_id, number, type, state, placed_at, "
                                 "state_since, promised_at, updated_at, event_count, "
                                 "CAST(body AS BLOB) FROM orders WHERE state IN ('placed', "
                                 "'accepted', 'preparing', 'ready')"));
    QList<LazyOrder> rows;
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot read open orders:" << query.lastError().text();
        return rows;
    }
    while (query.next()) {
        if (const std::optional<Order> head = RowCodec::orderHead(query, 0))
            rows.append(LazyOrder(*head, query.value(10).toByteArray()));
        else
            qCWarning(lcStore).noquote() << "skipping unreadable order row:" << query.value(0);
    }
    // As orders(true): by placed_at, then order_id (as SQLite compares them, for ids in the BMP).
    std::sort(rows.begin(), rows.end(), [](const LazyOrder &a, const LazyOrder &b) {
        const Order &x = a.head();
        const Order &y = b.head();
        return x.placedAt != y.placedAt ? x.placedAt < y.placedAt : x.id < y.id;
    });
    return rows;
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

std::optional<OrderEvent> Store::lastStoreEvent(const QList<EventKind> &kinds) const
{
    QStringList names;
    for (EventKind kind : kinds)
        names.append(QLatin1Char('\'') + EventKinds::toString(kind) + QLatin1Char('\''));
    // Store-level events have no order id, so events_by_order finds them without a scan.
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RowCodec::eventColumns()
                  + QStringLiteral(" FROM events WHERE order_id IS NULL AND kind IN (")
                  + names.join(QLatin1Char(','))
                  + QStringLiteral(") AND NOT EXISTS ("
                                   "SELECT 1 FROM event_status s WHERE s.event_id = "
                                   "events.event_id AND s.rejected_reason IS NOT NULL) "
                                   "ORDER BY seq DESC LIMIT 1"));
    const QList<OrderEvent> latest = readEvents(query);
    if (latest.isEmpty())
        return std::nullopt;
    return latest.constFirst();
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

namespace {
EventVerdict verdictOf(const QSqlQuery &row, int first)
{
    EventVerdict verdict;
    if (!row.value(first).isNull())
        verdict.hubSeq = row.value(first).toLongLong();
    if (!row.value(first + 1).isNull())
        verdict.refusal = row.value(first + 1).toString();
    return verdict;
}
} // namespace

QHash<QUuid, EventVerdict> Store::verdicts() const
{
    QHash<QUuid, EventVerdict> result;
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT event_id, hub_seq, rejected_reason FROM event_status"))) {
        qCWarning(lcStore).noquote() << "cannot read verdicts:" << query.lastError().text();
        return result;
    }
    while (query.next())
        result.insert(QUuid::fromString(query.value(0).toString()), verdictOf(query, 1));
    return result;
}

std::optional<EventVerdict> Store::verdict(const QUuid &eventId) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT hub_seq, rejected_reason FROM event_status "
                                 "WHERE event_id = ?"));
    query.addBindValue(eventIdText(eventId));
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot read a verdict:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return verdictOf(query, 0);
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

Result<void> Store::saveCursor(const SourceCursor &cursor)
{
    d->lastFault = StoreFault::None;
    Result<void> saved = d->exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (saved)
        saved = d->saveCursor(cursor);
    if (saved)
        saved = d->exec(QStringLiteral("COMMIT"));
    if (!saved) {
        d->rollback();
        qCWarning(lcStore).noquote() << "cursor of" << cursor.source << "not saved:" << saved.error();
    }
    return saved;
}

bool Store::isSharedWith(const QString &orderId, const QString &platformDestination) const
{
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM events e JOIN event_status s USING (event_id) "
            "WHERE e.order_id = ? AND s.hub_seq IS NOT NULL) "
            "OR EXISTS (SELECT 1 FROM events e JOIN outbox o USING (event_id) "
            "WHERE e.order_id = ? AND o.destination = ?)"));
    query.addBindValue(orderId);
    query.addBindValue(orderId);
    query.addBindValue(platformDestination);
    return query.exec() && query.next() && query.value(0).toBool();
}

Result<QStringList> Store::integrityProblems(StoreIntegrity::Depth depth) const
{
    return StoreIntegrity::check(d->db, depth);
}

QSqlDatabase StoreDatabase::of(const Store &store)
{
    return store.d->db;
}
