// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hublog.h"

#include "conflictwording.h"
#include "hublogging.h"
#include "hubschema.h"
#include "secrethasher.h"

#include "common/clock.h"
#include "common/randombytes.h"
#include "order/orderlimits.h"
#include "order/projector.h"

#include <QAtomicInt>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace {
QAtomicInt connectionCounter;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

std::optional<OrderEvent> parseEvent(const QString &body)
{
    // The log's own rows passed OrderLimits on the way in (decide()); checking them again on
    // every read would encode each event once more on the replay path. A row from before the
    // limits still cannot go out oversized: HubSession refuses to send a frame over the limit.
    Result<OrderEvent> event = OrderEvent::fromJson(parseObject(body), OrderEvent::Limits::Later);
    if (!event)
        qCWarning(lcHubLog).noquote() << "unreadable event in the hub log:" << event.error();
    return std::move(event).toOptional();
}

SubmitOutcome rejected(const OrderEvent &event, const QString &reason)
{
    SubmitOutcome outcome;
    outcome.status = SubmitOutcome::Status::Rejected;
    outcome.reason = reason;
    outcome.event = event;
    return outcome;
}

// The top-level fields in which two events' wire forms differ, for a reason people can act on.
QStringList differingFields(const QJsonObject &a, const QJsonObject &b)
{
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList differing;
    for (const QString &key : std::as_const(keys)) {
        if (compact({{key, a.value(key)}}) != compact({{key, b.value(key)}}))
            differing.append(key);
    }
    return differing;
}

} // namespace

HubLog::HubLog(const QString &path, const Clock &clock, int hashIterations)
    : m_path(path)
    , m_clock(clock)
    , m_hashIterations(hashIterations)
{ }

HubLog::~HubLog()
{
    close();
}

void HubLog::close()
{
    if (m_connectionName.isEmpty())
        return;
    for (QSqlQuery *query : {&m_selectEventById, &m_selectRefusal, &m_insertRefusal, &m_selectHead,
                             &m_selectOrder, &m_selectLastOfOrder, &m_insertEvent, &m_upsertOrder,
                             &m_selectAfter, &m_selectStore, &m_selectConsole})
        *query = QSqlQuery();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool HubLog::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql);
        return false;
    }
    return true;
}

bool HubLog::prepare(QSqlQuery &query, const QString &sql)
{
    query = QSqlQuery(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_error = QStringLiteral("%1 (preparing: %2)").arg(query.lastError().text(), sql);
        return false;
    }
    return true;
}

bool HubLog::open()
{
    close();
    m_connectionName = QStringLiteral("kc-hub-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    const auto fail = [this](const QString &what) {
        m_error = QStringLiteral("Cannot open the hub log %1: %2").arg(m_path, what);
        qCWarning(lcHubLog).noquote() << m_error;
        close();
        return false;
    };
    if (!m_db.open())
        return fail(m_db.lastError().text());
    // Durability first: every commit is synced to the WAL before it is acknowledged.
    if (!exec(QStringLiteral("PRAGMA busy_timeout = 5000"))
        || !exec(QStringLiteral("PRAGMA synchronous = FULL"))
        || !exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return fail(m_error);
    QString error;
    if (!HubSchema::prepare(m_db, &error))
        return fail(error);
    {
        QSqlQuery wal(m_db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !wal.next()
            || wal.value(0).toString() != QLatin1String("wal"))
            return fail(QStringLiteral("cannot switch to write-ahead logging"));
    }
    const bool prepared =
        prepare(m_selectEventById,
                QStringLiteral("SELECT store_id, seq, body FROM events WHERE event_id = ?"))
        && prepare(m_selectRefusal,
                   QStringLiteral("SELECT body, reason, conflicting FROM refusals "
                                  "WHERE store_id = ? AND event_id = ?"))
        && prepare(m_insertRefusal,
                   QStringLiteral("INSERT INTO refusals (store_id, event_id, body, reason, "
                                  "conflicting, refused_at) VALUES (?, ?, ?, ?, ?, ?)"))
        && prepare(m_selectHead,
                   QStringLiteral("SELECT coalesce(max(seq), 0) FROM events WHERE store_id = ?"))
        && prepare(m_selectOrder,
                   QStringLiteral("SELECT body FROM orders WHERE store_id = ? AND order_id = ?"))
        && prepare(m_selectLastOfOrder,
                   QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND "
                                  "order_id = ? ORDER BY seq DESC LIMIT 1"))
        && prepare(m_insertEvent,
                   QStringLiteral("INSERT INTO events (store_id, seq, event_id, order_id, body, "
                                  "recorded_at) VALUES (?, ?, ?, ?, ?, ?)"))
        && prepare(m_upsertOrder,
                   QStringLiteral("INSERT INTO orders (store_id, order_id, body) VALUES (?, ?, ?) "
                                  "ON CONFLICT (store_id, order_id) DO UPDATE SET "
                                  "body = excluded.body"))
        && prepare(m_selectAfter,
                   QStringLiteral("SELECT seq, body FROM events WHERE store_id = ? AND seq > ? "
                                  "ORDER BY seq LIMIT ?"))
        && prepare(m_selectStore, QStringLiteral("SELECT 1 FROM stores WHERE store_id = ?"))
        && prepare(m_selectConsole,
                   QStringLiteral("SELECT secret_hash FROM consoles WHERE store_id = ? AND "
                                  "console_id = ?"));
    if (!prepared)
        return fail(m_error);
    qCInfo(lcHubLog).noquote() << "opened hub log" << m_path;
    return true;
}

bool HubLog::isOpen() const
{
    return m_db.isOpen();
}

bool HubLog::hasStore(const QString &storeId)
{
    m_selectStore.addBindValue(storeId);
    const bool found = m_selectStore.exec() && m_selectStore.next();
    m_selectStore.finish();
    return found;
}

QStringList HubLog::storeIds()
{
    QStringList result;
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT store_id FROM stores ORDER BY store_id"))) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

bool HubLog::addStore(const QString &storeId)
{
    if (storeId.trimmed().isEmpty()) {
        m_error = QStringLiteral("a store id must not be empty");
        return false;
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO stores (store_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(storeId);
    insert.addBindValue(m_clock.nowMs());
    if (!insert.exec()) {
        m_error = insert.lastError().text();
        qCWarning(lcHubLog).noquote() << "cannot add store" << storeId << ":" << m_error;
        return false;
    }
    return true;
}

bool HubLog::addConsole(const QString &storeId, const QString &consoleId, const QByteArray &secret)
{
    if (consoleId.trimmed().isEmpty() || secret.isEmpty()) {
        m_error = QStringLiteral("a console needs an id and a secret");
        return false;
    }
    if (!hasStore(storeId)) {
        m_error = QStringLiteral("there is no store %1").arg(storeId);
        return false;
    }
    const SecretHash hash = SecretHasher::hash(secret, m_hashIterations);
    QSqlQuery upsert(m_db);
    upsert.prepare(
        QStringLiteral("INSERT INTO consoles (store_id, console_id, secret_hash, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (store_id, console_id) DO UPDATE SET "
                       "secret_hash = excluded.secret_hash"));
    upsert.addBindValue(storeId);
    upsert.addBindValue(consoleId);
    upsert.addBindValue(hash.toString());
    upsert.addBindValue(m_clock.nowMs());
    if (!upsert.exec()) {
        m_error = upsert.lastError().text();
        return false;
    }
    qCInfo(lcHubLog).noquote() << "console" << consoleId << "of store" << storeId
                               << "has a new credential";
    return true;
}

bool HubLog::authenticate(const QString &storeId, const QString &consoleId,
                          const QByteArray &secret)
{
    const CredentialCheck check = credentialCheck(storeId, consoleId);
    // Verified even for an unknown console, so timing does not tell which consoles exist.
    const bool matches = SecretHasher::verify(secret, check.hash);
    return check.known && matches;
}

CredentialCheck HubLog::credentialCheck(const QString &storeId, const QString &consoleId)
{
    m_selectConsole.addBindValue(storeId);
    m_selectConsole.addBindValue(consoleId);
    QString stored;
    if (m_selectConsole.exec() && m_selectConsole.next())
        stored = m_selectConsole.value(0).toString();
    m_selectConsole.finish();
    std::optional<SecretHash> hash;
    if (!stored.isEmpty()) {
        hash = SecretHash::fromString(stored);
        if (!hash)
            qCWarning(lcHubLog).noquote()
                << "unreadable credential hash for console" << consoleId << "of store" << storeId;
    }
    if (hash)
        return {*std::move(hash), true};
    // Made once, on the first unknown console: hashing it costs as much as a verification.
    if (!m_decoyHash)
        m_decoyHash = SecretHasher::hash(RandomBytes::generate(16), m_hashIterations);
    return {*m_decoyHash, false};
}

std::optional<Order> HubLog::loadOrder(const QString &storeId, const QString &orderId)
{
    m_selectOrder.addBindValue(storeId);
    m_selectOrder.addBindValue(orderId);
    QString body;
    if (m_selectOrder.exec() && m_selectOrder.next())
        body = m_selectOrder.value(0).toString();
    m_selectOrder.finish();
    if (body.isEmpty())
        return std::nullopt;
    Result<Order> order = Order::fromJson(parseObject(body));
    if (!order)
        qCWarning(lcHubLog).noquote()
            << "unreadable order" << orderId << "in the hub log:" << order.error();
    return std::move(order).toOptional();
}

std::optional<Order> HubLog::order(const QString &storeId, const QString &orderId)
{
    return loadOrder(storeId, orderId);
}

QList<Order> HubLog::orders(const QString &storeId)
{
    QList<Order> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT body FROM orders WHERE store_id = ? ORDER BY order_id"));
    query.addBindValue(storeId);
    if (!query.exec())
        return result;
    while (query.next()) {
        if (Result<Order> order = Order::fromJson(parseObject(query.value(0).toString())))
            result.append(std::move(order).value());
    }
    return result;
}

qint64 HubLog::head(const QString &storeId)
{
    m_selectHead.addBindValue(storeId);
    qint64 result = 0;
    if (m_selectHead.exec() && m_selectHead.next())
        result = m_selectHead.value(0).toLongLong();
    m_selectHead.finish();
    return result;
}

qint64 HubLog::eventCount(const QString &storeId)
{
    QSqlQuery query(m_db);
    if (storeId.isEmpty()) {
        query.exec(QStringLiteral("SELECT count(*) FROM events"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM events WHERE store_id = ?"));
        query.addBindValue(storeId);
        query.exec();
    }
    return query.next() ? query.value(0).toLongLong() : -1;
}

QList<Protocol::SequencedEvent> HubLog::eventsAfter(const QString &storeId, qint64 cursor,
                                                    int limit)
{
    QList<Protocol::SequencedEvent> result;
    m_selectAfter.addBindValue(storeId);
    m_selectAfter.addBindValue(cursor);
    m_selectAfter.addBindValue(limit);
    if (m_selectAfter.exec()) {
        while (m_selectAfter.next()) {
            if (std::optional<OrderEvent> event = parseEvent(m_selectAfter.value(1).toString()))
                result.append({m_selectAfter.value(0).toLongLong(), *event});
        }
    } else {
        qCWarning(lcHubLog).noquote()
            << "cannot read events of" << storeId << ":" << m_selectAfter.lastError().text();
    }
    m_selectAfter.finish();
    return result;
}

std::optional<Protocol::SequencedEvent> HubLog::lastEventOf(const QString &storeId,
                                                            const QString &orderId)
{
    m_selectLastOfOrder.addBindValue(storeId);
    m_selectLastOfOrder.addBindValue(orderId);
    std::optional<Protocol::SequencedEvent> result;
    if (m_selectLastOfOrder.exec() && m_selectLastOfOrder.next()) {
        if (std::optional<OrderEvent> event = parseEvent(m_selectLastOfOrder.value(1).toString()))
            result = Protocol::SequencedEvent {m_selectLastOfOrder.value(0).toLongLong(), *event};
    }
    m_selectLastOfOrder.finish();
    return result;
}

SubmitOutcome HubLog::failed(const QString &what)
{
    m_error = what;
    qCWarning(lcHubLog).noquote() << "hub log write failed:" << what;
    if (isOpen()) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
    SubmitOutcome outcome;
    outcome.status = SubmitOutcome::Status::Failed;
    outcome.reason = QStringLiteral("The hub could not store the event; try again.");
    return outcome;
}

// The checks an event must pass against the hub's current order; Accepted means "may append".
SubmitOutcome HubLog::decide(const OrderEvent &event, const std::optional<Order> &current)
{
    // Whatever is logged is sent to every console of the store, in replay and live: an event that
    // would not fit a frame (or that a console's reader would refuse) is never accepted, whoever
    // built it (a console, the HTTP API, the simulator).
    if (const QString why = OrderLimits::eventProblem(event); !why.isEmpty())
        return rejected(event, QStringLiteral("Refused: %1.").arg(why));
    if (EventKinds::isStoreLevel(event.kind)) {
        // Store-level events (paused, resumed) are the store's audit trail: logged, not projected.
        SubmitOutcome outcome;
        outcome.status = SubmitOutcome::Status::Accepted;
        outcome.event = event;
        return outcome;
    }
    const QString label =
        current ? (current->number.isEmpty() ? current->id : current->number) : event.orderId;
    if (event.kind == EventKind::Placed && current)
        return rejected(event, QStringLiteral("Order %1 already exists.").arg(label));
    if (event.kind != EventKind::Placed && !current)
        return rejected(event, QStringLiteral("There is no order %1 on the platform.").arg(label));
    const bool movesState = event.kind == EventKind::Transition || event.kind == EventKind::Recall;
    if (movesState && (!event.from || !event.to))
        return rejected(event, QStringLiteral("A state change needs both from and to."));
    if (current && movesState && event.from != current->state) {
        SubmitOutcome outcome;
        if (std::optional<Protocol::SequencedEvent> last =
                lastEventOf(event.storeId, event.orderId)) {
            outcome = rejected(event, ConflictWording::describe(*current, last->event));
            outcome.conflicting = last->event;
        } else {
            outcome = rejected(event,
                               QStringLiteral("Order %1 is %2 on the platform.")
                                   .arg(label, OrderStates::displayName(current->state)));
        }
        return outcome;
    }
    if (current && event.kind == EventKind::Transition) {
        TransitionDetails details;
        details.reason = event.reason;
        details.promisedAt =
            event.payload.value(QStringLiteral("promised_at")).toVariant().toLongLong();
        const Verdict verdict =
            m_stateMachine.check(*current, *event.to, event.actor.role, details, m_clock.nowMs());
        if (!verdict.allowed())
            return rejected(event, verdict.reason);
    }
    if (current && event.kind == EventKind::Recall) {
        // The recall window is judged at the time staff acted, which an offline console reports.
        const Verdict verdict =
            m_stateMachine.checkRecall(*current, event.actor.role, event.occurredAt);
        if (!verdict.allowed())
            return rejected(event, verdict.reason);
        if (event.to != StateMachine::recallTarget(*current))
            return rejected(event,
                            QStringLiteral("Order %1 can't be recalled to %2.")
                                .arg(label, OrderStates::displayName(*event.to)));
    }
    SubmitOutcome outcome;
    outcome.status = SubmitOutcome::Status::Accepted;
    outcome.event = event;
    if (!EventKinds::isStoreLevel(event.kind)) {
        const Projection projection = Projector::apply(current, event);
        if (!projection)
            return rejected(event, projection.error());
        outcome.order = projection.toOptional();
    }
    return outcome;
}

SubmitOutcome HubLog::submit(const OrderEvent &event, const Submitter &by)
{
    return submitAll({event}, by).constFirst();
}

// One transaction for the whole batch: one fsync however many events a console resends after an
// outage. A rejection writes only its refusal, so only a write failure undoes the batch.
QList<SubmitOutcome> HubLog::submitAll(const QList<OrderEvent> &events, const Submitter &by)
{
    QList<SubmitOutcome> outcomes;
    outcomes.reserve(events.size());
    const auto failAll = [&](const QString &what) {
        const SubmitOutcome failure = failed(what);
        outcomes.clear();
        for (const OrderEvent &event : events) {
            outcomes.append(failure);
            outcomes.last().event = event;
        }
        return outcomes;
    };
    if (events.isEmpty())
        return outcomes;
    if (!isOpen())
        return failAll(QStringLiteral("the hub log is not open"));
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failAll(m_error);
    for (const OrderEvent &event : events) {
        outcomes.append(submitInTransaction(event, by));
        if (outcomes.constLast().status == SubmitOutcome::Status::Failed)
            return failAll(outcomes.constLast().reason);
    }
    if (!exec(QStringLiteral("COMMIT")))
        return failAll(m_error);
    for (const SubmitOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.status == SubmitOutcome::Status::Rejected)
            qCInfo(lcHubLog).noquote() << "rejected event" << idText(outcome.event.id) << "of store"
                                       << outcome.event.storeId << ":" << outcome.reason;
    }
    return outcomes;
}

// The submitter's rights first (a console is its store's staff), then the order's own rules.
SubmitOutcome HubLog::judge(const OrderEvent &event, const Submitter &by)
{
    const QString refusal = by.refusal(event);
    if (!refusal.isEmpty()) {
        qCWarning(lcHubLog).noquote()
            << "console" << by.consoleId() << "of store" << by.storeId() << "claimed actor"
            << event.actor.toString() << "on" << EventKinds::toString(event.kind) << "event"
            << idText(event.id) << "; refused";
        return rejected(event, refusal);
    }
    const std::optional<Order> current =
        event.orderId.isEmpty() ? std::nullopt : loadOrder(event.storeId, event.orderId);
    return decide(event, current);
}

bool HubLog::remember(const SubmitOutcome &refusal, const QString &body)
{
    m_insertRefusal.addBindValue(refusal.event.storeId);
    m_insertRefusal.addBindValue(idText(refusal.event.id));
    m_insertRefusal.addBindValue(body);
    m_insertRefusal.addBindValue(refusal.reason);
    m_insertRefusal.addBindValue(
        refusal.conflicting ? QVariant(compact(refusal.conflicting->toJson())) : QVariant());
    m_insertRefusal.addBindValue(m_clock.nowMs());
    return m_insertRefusal.exec();
}

// Inside an open transaction; writes an accepted event, or a refusal so that it stays final.
// Failed: the caller rolls back.
SubmitOutcome HubLog::submitInTransaction(const OrderEvent &event, const Submitter &by)
{
    const auto failure = [](const QString &what) {
        SubmitOutcome outcome;
        outcome.status = SubmitOutcome::Status::Failed;
        outcome.reason = what;
        return outcome;
    };
    // Not this console's store: refused without a trace in a store it has no say in.
    if (by.kind() == Submitter::Kind::Console && event.storeId != by.storeId())
        return rejected(event, by.refusal(event));
    // The canonical form (QJsonObject sorts its keys): what "the same event" means.
    const QJsonObject submitted = event.toJson();
    const QString body = compact(submitted);

    m_selectEventById.addBindValue(idText(event.id));
    if (!m_selectEventById.exec())
        return failure(m_selectEventById.lastError().text());
    if (m_selectEventById.next()) {
        const QString loggedStore = m_selectEventById.value(0).toString();
        const qint64 loggedSeq = m_selectEventById.value(1).toLongLong();
        const std::optional<OrderEvent> first = parseEvent(m_selectEventById.value(2).toString());
        m_selectEventById.finish();
        if (loggedStore != event.storeId)
            return rejected(event,
                            QStringLiteral("Event id %1 is already used.").arg(idText(event.id)));
        // Re-encoded rather than compared as stored, so an older encoding of the same event
        // still counts as the same.
        if (first && compact(first->toJson()) != body) {
            SubmitOutcome outcome = rejected(
                event,
                QStringLiteral("Event %1 is already logged with other content (differing: %2); an "
                               "event id names one event and cannot be reused.")
                    .arg(idText(event.id),
                         differingFields(first->toJson(), submitted).join(QStringLiteral(", "))));
            outcome.conflicting = first;
            return outcome;
        }
        SubmitOutcome outcome;
        outcome.status = SubmitOutcome::Status::Duplicate;
        outcome.seq = loggedSeq;
        outcome.event = first.value_or(event);
        return outcome;
    }
    m_selectEventById.finish();

    m_selectRefusal.addBindValue(event.storeId);
    m_selectRefusal.addBindValue(idText(event.id));
    if (!m_selectRefusal.exec())
        return failure(m_selectRefusal.lastError().text());
    if (m_selectRefusal.next()) {
        const QString refusedBody = m_selectRefusal.value(0).toString();
        const QString reason = m_selectRefusal.value(1).toString();
        const QString conflicting = m_selectRefusal.value(2).toString();
        m_selectRefusal.finish();
        if (compact(parseObject(refusedBody)) != body)
            return rejected(
                event,
                QStringLiteral("Event %1 was refused before with other content (differing: %2); an "
                               "event id names one event and cannot be reused.")
                    .arg(idText(event.id),
                         differingFields(parseObject(refusedBody), submitted)
                             .join(QStringLiteral(", "))));
        // Verdicts are final: the same answer, however the order moved since.
        SubmitOutcome outcome = rejected(event, reason);
        if (!conflicting.isEmpty())
            outcome.conflicting = parseEvent(conflicting);
        qCInfo(lcHubLog).noquote() << "event" << idText(event.id) << "of store" << event.storeId
                                   << "was refused before; the same refusal again";
        return outcome;
    }
    m_selectRefusal.finish();

    if (!hasStore(event.storeId))
        return rejected(event, QStringLiteral("There is no store %1.").arg(event.storeId));
    SubmitOutcome outcome = judge(event, by);
    if (outcome.status == SubmitOutcome::Status::Rejected) {
        if (!remember(outcome, body))
            return failure(m_insertRefusal.lastError().text());
        return outcome;
    }
    if (outcome.status != SubmitOutcome::Status::Accepted)
        return outcome;

    outcome.seq = head(event.storeId) + 1;
    m_insertEvent.addBindValue(event.storeId);
    m_insertEvent.addBindValue(outcome.seq);
    m_insertEvent.addBindValue(idText(event.id));
    m_insertEvent.addBindValue(event.orderId.isEmpty() ? QVariant() : QVariant(event.orderId));
    m_insertEvent.addBindValue(body);
    m_insertEvent.addBindValue(m_clock.nowMs());
    if (!m_insertEvent.exec())
        return failure(m_insertEvent.lastError().text());
    if (outcome.order) {
        m_upsertOrder.addBindValue(event.storeId);
        m_upsertOrder.addBindValue(event.orderId);
        m_upsertOrder.addBindValue(compact(outcome.order->toJson()));
        if (!m_upsertOrder.exec())
            return failure(m_upsertOrder.lastError().text());
    }
    return outcome;
}

std::optional<IdempotentResponse> HubLog::idempotentResponse(const QString &storeId,
                                                             const QString &key)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT request_hash, status, response FROM idempotency "
                                 "WHERE store_id = ? AND key = ?"));
    query.addBindValue(storeId);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return IdempotentResponse {query.value(0).toString().toLatin1(), query.value(1).toInt(),
                               query.value(2).toString().toUtf8()};
}

int HubLog::pruneIdempotentResponses(qint64 cutoffMs)
{
    QSqlQuery prune(m_db);
    prune.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?"));
    prune.addBindValue(cutoffMs);
    if (!prune.exec()) {
        qCWarning(lcHubLog).noquote() << "cannot prune idempotency records:"
                                      << prune.lastError().text();
        return 0;
    }
    return prune.numRowsAffected();
}

bool HubLog::saveIdempotentResponse(const QString &storeId, const QString &key,
                                    const IdempotentResponse &response)
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO idempotency (store_id, key, request_hash, status, "
                                  "response, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(storeId);
    insert.addBindValue(key);
    insert.addBindValue(QString::fromLatin1(response.requestHash));
    insert.addBindValue(response.status);
    insert.addBindValue(QString::fromUtf8(response.body));
    insert.addBindValue(m_clock.nowMs());
    if (!insert.exec()) {
        m_error = insert.lastError().text();
        return false;
    }
    return true;
}
