// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hublog.h"

#include "conflictwording.h"
#include "hublogging.h"
#include "storage/eventstorage.h"
#include "storeregistry.h"

#include "common/clock.h"
#include "order/eventredaction.h"
#include "order/orderlimits.h"
#include "order/projector.h"

#include <QJsonDocument>

#include <algorithm>

namespace {
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

HubLog::HubLog(EventStorage &storage, StoreRegistry &stores, const Clock &clock)
    : m_storage(storage)
    , m_stores(stores)
    , m_clock(clock)
{ }

std::optional<Order> HubLog::loadOrder(const QString &storeId, const QString &orderId)
{
    const QString body = m_storage.orderBody(storeId, orderId);
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
    const QStringList bodies = m_storage.orderBodies(storeId);
    for (const QString &body : bodies) {
        if (Result<Order> order = Order::fromJson(parseObject(body)))
            result.append(std::move(order).value());
    }
    return result;
}

qint64 HubLog::head(const QString &storeId)
{
    return m_storage.head(storeId);
}

qint64 HubLog::eventCount(const QString &storeId)
{
    return m_storage.eventCount(storeId);
}

QList<Protocol::SequencedEvent> HubLog::eventsAfter(const QString &storeId, qint64 cursor,
                                                    int limit)
{
    QList<Protocol::SequencedEvent> result;
    const QList<EventRows::Logged> rows = m_storage.eventsAfter(storeId, cursor, limit);
    for (const EventRows::Logged &row : rows) {
        if (std::optional<OrderEvent> event = parseEvent(row.body))
            result.append({row.seq, *event});
    }
    return result;
}

std::optional<Protocol::SequencedEvent> HubLog::lastEventOf(const QString &storeId,
                                                            const QString &orderId)
{
    const std::optional<EventRows::Logged> row = m_storage.lastEventOf(storeId, orderId);
    if (!row)
        return std::nullopt;
    if (std::optional<OrderEvent> event = parseEvent(row->body))
        return Protocol::SequencedEvent {row->seq, *event};
    return std::nullopt;
}

std::optional<Protocol::SequencedEvent> HubLog::lastStoreEvent(const QString &storeId,
                                                               const QList<EventKind> &kinds)
{
    // Store-level events are few (pauses, rules): read back a page at a time until one fits.
    constexpr int page = 64;
    qint64 before = 0;
    for (;;) {
        const QList<EventRows::Logged> rows = m_storage.storeEventsBefore(storeId, before, page);
        for (const EventRows::Logged &row : rows) {
            std::optional<OrderEvent> event = parseEvent(row.body);
            if (event && kinds.contains(event->kind))
                return Protocol::SequencedEvent {row.seq, *event};
        }
        if (rows.size() < page)
            return std::nullopt;
        before = rows.constLast().seq;
    }
}

QList<qint64> HubLog::snapshotSeqs(const QString &storeId, qint64 throughSeq)
{
    QList<qint64> seqs =
        m_storage.snapshotSeqs(storeId, throughSeq, m_clock.nowMs() - snapshotRecentMs);
    // The store's state is its latest pause or resume and its latest rules (StorePause,
    // StorePolicyBook); one logged after throughSeq reaches the console after the snapshot.
    const QList<QList<EventKind>> storeKinds {{EventKind::StorePaused, EventKind::StoreResumed},
                                              {EventKind::StorePolicyChanged}};
    for (const QList<EventKind> &kinds : storeKinds) {
        const std::optional<Protocol::SequencedEvent> latest = lastStoreEvent(storeId, kinds);
        if (latest && latest->seq <= throughSeq)
            seqs.insert(std::lower_bound(seqs.begin(), seqs.end(), latest->seq), latest->seq);
    }
    return seqs;
}

QList<Protocol::SequencedEvent> HubLog::eventsAt(const QString &storeId,
                                                 const QList<qint64> &seqs)
{
    QList<Protocol::SequencedEvent> result;
    const QList<EventRows::Logged> rows = m_storage.eventsAt(storeId, seqs);
    for (const EventRows::Logged &row : rows) {
        if (std::optional<OrderEvent> event = parseEvent(row.body))
            result.append({row.seq, *event});
    }
    return result;
}

SubmitOutcome HubLog::failed(const QString &what)
{
    qCWarning(lcHubLog).noquote() << "hub log write failed:" << what;
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
    if (!EventKinds::travels(event.kind))
        return rejected(event, QStringLiteral("Refused: %1 is a console's own record, not the "
                                              "platform's.")
                                       .arg(EventKinds::toString(event.kind)));
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
    if (events.isEmpty())
        return {};
    QStringList stores;
    for (const OrderEvent &event : events)
        stores.append(event.storeId);
    Result<void> written = beginGroup(stores);
    QList<SubmitOutcome> outcomes;
    if (written) {
        outcomes = submitInGroup(events, by);
        if (outcomes.constFirst().status == SubmitOutcome::Status::Failed)
            written = Failure {outcomes.constFirst().reason};
        else
            written = commitGroup();
    }
    if (written)
        return outcomes;
    rollbackGroup();
    return allFailed(events, written.error());
}

Result<void> HubLog::beginGroup(QStringList stores)
{
    if (const Result<void> begun = m_storage.beginWrite(); !begun)
        return begun;
    // Before any read of their logs: another process may be judging and numbering events of
    // the same stores. Sorted, so two groups over the same stores cannot deadlock.
    stores.sort();
    stores.removeDuplicates();
    for (const QString &storeId : std::as_const(stores)) {
        if (const Result<void> locked = m_storage.lockStore(storeId); !locked) {
            m_storage.rollback();
            return locked;
        }
    }
    return {};
}

QList<SubmitOutcome> HubLog::submitInGroup(const QList<OrderEvent> &events, const Submitter &by)
{
    QList<SubmitOutcome> outcomes;
    outcomes.reserve(events.size());
    for (const OrderEvent &event : events) {
        outcomes.append(submitInTransaction(event, by));
        if (outcomes.constLast().status == SubmitOutcome::Status::Failed)
            return allFailed(events, outcomes.constLast().reason);
    }
    for (const SubmitOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.status == SubmitOutcome::Status::Rejected)
            qCInfo(lcHubLog).noquote() << "rejected event" << idText(outcome.event.id) << "of store"
                                       << outcome.event.storeId << ":" << outcome.reason;
    }
    return outcomes;
}

Result<void> HubLog::commitGroup()
{
    if (const Result<void> committed = m_storage.commit(); !committed) {
        qCWarning(lcHubLog).noquote() << "hub log commit failed:" << committed.error();
        m_storage.rollback();
        return committed;
    }
    return {};
}

Result<void> HubLog::beginPart()
{
    return m_storage.savepoint();
}

Result<void> HubLog::keepPart()
{
    return m_storage.releaseSavepoint();
}

Result<void> HubLog::undoPart()
{
    return m_storage.rollbackToSavepoint();
}

void HubLog::rollbackGroup()
{
    m_storage.rollback();
}

QList<SubmitOutcome> HubLog::allFailed(const QList<OrderEvent> &events, const QString &what)
{
    const SubmitOutcome failure = failed(what);
    QList<SubmitOutcome> outcomes;
    outcomes.reserve(events.size());
    for (const OrderEvent &event : events) {
        outcomes.append(failure);
        outcomes.last().event = event;
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

Result<void> HubLog::remember(const SubmitOutcome &refusal, const QString &body)
{
    return m_storage.insertRefusal(
        {refusal.event.storeId, idText(refusal.event.id), body, refusal.reason,
         refusal.conflicting ? compact(refusal.conflicting->toJson()) : QString(),
         m_clock.nowMs()});
}

// Inside an open transaction; writes an accepted event, or a refusal so that it stays final.
// Failed: the caller rolls back.
SubmitOutcome HubLog::submitInTransaction(const OrderEvent &sent, const Submitter &by)
{
    // The platform keeps no card numbers either: whoever sent it (a console, the HTTP API, the
    // simulator), an event is masked before anything judges, compares, logs or refuses it, so a
    // resend masks the same and is still the same event.
    const OrderEvent event = EventRedaction::redacted(sent);
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

    const Result<std::optional<EventRows::Logged>> found = m_storage.findLogged(idText(event.id));
    if (!found)
        return failure(found.error());
    if (const std::optional<EventRows::Logged> &logged = *found) {
        const std::optional<OrderEvent> first = parseEvent(logged->body);
        if (logged->storeId != event.storeId)
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
            outcome.seq = logged->seq; // where the id is, for a sender that derives ids (HTTP)
            return outcome;
        }
        SubmitOutcome outcome;
        outcome.status = SubmitOutcome::Status::Duplicate;
        outcome.seq = logged->seq;
        outcome.event = first.value_or(event);
        return outcome;
    }

    const Result<std::optional<EventRows::Refusal>> refusal =
        m_storage.findRefusal(event.storeId, idText(event.id));
    if (!refusal)
        return failure(refusal.error());
    if (const std::optional<EventRows::Refusal> &refused = *refusal) {
        if (compact(parseObject(refused->body)) != body)
            return rejected(
                event,
                QStringLiteral("Event %1 was refused before with other content (differing: %2); an "
                               "event id names one event and cannot be reused.")
                    .arg(idText(event.id),
                         differingFields(parseObject(refused->body), submitted)
                             .join(QStringLiteral(", "))));
        // Verdicts are final: the same answer, however the order moved since.
        SubmitOutcome outcome = rejected(event, refused->reason);
        if (!refused->conflicting.isEmpty())
            outcome.conflicting = parseEvent(refused->conflicting);
        qCInfo(lcHubLog).noquote() << "event" << idText(event.id) << "of store" << event.storeId
                                   << "was refused before; the same refusal again";
        return outcome;
    }

    if (!m_stores.contains(event.storeId))
        return rejected(event, QStringLiteral("There is no store %1.").arg(event.storeId));
    SubmitOutcome outcome = judge(event, by);
    if (outcome.status == SubmitOutcome::Status::Rejected) {
        if (const Result<void> remembered = remember(outcome, body); !remembered)
            return failure(remembered.error());
        return outcome;
    }
    if (outcome.status != SubmitOutcome::Status::Accepted)
        return outcome;

    outcome.seq = head(event.storeId) + 1;
    if (const Result<void> appended = m_storage.appendEvent(
            {event.storeId, outcome.seq, idText(event.id), event.orderId, body, m_clock.nowMs()});
        !appended)
        return failure(appended.error());
    if (outcome.order) {
        const Result<void> projected =
            m_storage.upsertOrder(event.storeId, event.orderId, compact(outcome.order->toJson()));
        if (!projected)
            return failure(projected.error());
    }
    return outcome;
}
