// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderengine.h"

#include "common/clock.h"
#include "enginelogging.h"
#include "incomingwriter.h"
#include "order/orderlimits.h"
#include "order/stationrules.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>

#include <algorithm>

namespace {
StoreFault faultOf(const AppendResult &result)
{
    return result.status == AppendResult::Status::Failed ? result.fault : StoreFault::None;
}

CommandResult refusedResult(const QString &message, const std::optional<Order> &order = {})
{
    CommandResult result;
    result.message = message;
    result.order = order;
    return result;
}
} // namespace

OrderEngine::OrderEngine(Store &store, const Clock &clock, EngineConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_stateMachine(m_config.recallWindowMs)
{
    m_deliveryTimer.setSingleShot(true);
    connect(&m_deliveryTimer, &QTimer::timeout, this, &OrderEngine::deliverIncoming);
}

OrderEngine::~OrderEngine() = default;

OrderEvent OrderEngine::makeEvent(const Order &order, EventKind kind, const Actor &actor) const
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = order.id;
    event.storeId = order.storeId;
    event.kind = kind;
    event.actor = actor;
    event.origin = m_config.consoleId;
    event.occurredAt = m_clock.nowMs();
    return event;
}

CommandResult OrderEngine::commit(const OrderEvent &event)
{
    // The platform and this console's own store reader refuse an event over a limit: it is
    // refused here, before it is written, instead of being stored and then never read or sent.
    if (const QString why = OrderLimits::eventProblem(event); !why.isEmpty()) {
        qCWarning(lcEngine).noquote() << "command not applied:" << why;
        CommandResult result = refusedResult(
                tr("The change could not be saved; nothing was done. (%1)").arg(why));
        result.event = event;
        Q_EMIT refused(result.message);
        return result;
    }
    const AppendResult appended = m_store.append(event, m_config.destinations);
    noteStoreFault(faultOf(appended));
    if (appended.committed())
        noteLocalChange(event.orderId);
    CommandResult result;
    result.ok = appended.applied();
    result.duplicate = appended.status == AppendResult::Status::Duplicate;
    result.order = appended.order;
    result.event = appended.committed() || result.duplicate ? appended.event : event;
    if (!result.ok) {
        // The store refuses only what changed under us (another writer) or a disk failure. Staff
        // read what happened and what to do; the database's own words go to the log.
        result.message = appended.status == AppendResult::Status::Refused
                ? tr("The order changed meanwhile; nothing was done. (%1)").arg(appended.error)
                : tr("Nothing was done. %1").arg(StoreFaults::forStaff(appended.fault));
        qCWarning(lcEngine).noquote() << "command not applied:" << appended.error;
        Q_EMIT refused(result.message);
        return result;
    }
    if (appended.committed() && appended.order)
        Q_EMIT orderChanged(*appended.order);
    return result;
}

CommandResult OrderEngine::transition(const QString &orderId, OrderState to, const Actor &actor,
                                      const TransitionDetails &details)
{
    const std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    return transitionFrom(*current, to, actor, details);
}

CommandResult OrderEngine::transitionFrom(const Order &current, OrderState to, const Actor &actor,
                                          const TransitionDetails &details)
{
    const Verdict verdict =
            m_stateMachine.check(current, to, actor.role, details, m_clock.nowMs());
    if (!verdict.allowed()) {
        qCInfo(lcEngine).noquote() << "refused" << actor.toString() << "moving" << current.id
                                   << "to" << OrderStates::toString(to) << ":" << verdict.reason;
        return refusedResult(verdict.reason, current);
    }
    OrderEvent event = makeEvent(current, EventKind::Transition, actor);
    event.from = current.state;
    event.to = to;
    event.reason = details.reason.trimmed();
    // Only accepting promises a time; later bumps must not move the promise quietly.
    if (to == OrderState::Accepted) {
        event.payload.insert(QStringLiteral("promised_at"), details.promisedAt);
        if (details.prepMinutes > 0)
            event.payload.insert(QStringLiteral("prep_minutes"), details.prepMinutes);
    }
    return commit(event);
}

CommandResult OrderEngine::advance(const QString &orderId, const Actor &actor,
                                   const TransitionDetails &details)
{
    const std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    const std::optional<OrderState> next = StateMachine::nextStep(*current);
    if (!next) {
        return refusedResult(tr("Order %1 is %2; there is no next step for the kitchen.")
                                     .arg(current->number, OrderStates::displayName(current->state)),
                             current);
    }
    return transitionFrom(*current, *next, actor, details);
}

CommandResult OrderEngine::recall(const QString &orderId, const Actor &actor)
{
    const std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    const Verdict verdict = m_stateMachine.checkRecall(*current, actor.role, m_clock.nowMs());
    if (!verdict.allowed())
        return refusedResult(verdict.reason, current);
    OrderEvent event = makeEvent(*current, EventKind::Recall, actor);
    event.from = current->state;
    event.to = StateMachine::recallTarget(*current);
    return commit(event);
}

CommandResult OrderEngine::checkDelay(const QString &orderId, int minutes) const
{
    const std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    const QString label = current->number.isEmpty() ? current->id : current->number;
    if (minutes <= 0)
        return refusedResult(tr("A delay must be at least one minute."), current);
    if (current->state == OrderState::Placed)
        return refusedResult(tr("Order %1 is not accepted yet; accept it with a prep time instead "
                                "of delaying it.")
                                     .arg(label),
                             current);
    const QList<OrderState> delayable{OrderState::Accepted, OrderState::Preparing,
                                      OrderState::Ready};
    if (!delayable.contains(current->state))
        return refusedResult(tr("Order %1 is %2; its promised time can no longer change.")
                                     .arg(label, OrderStates::displayName(current->state)),
                             current);
    CommandResult allowed;
    allowed.ok = true;
    allowed.order = current;
    return allowed;
}

CommandResult OrderEngine::delay(const QString &orderId, int minutes, const Actor &actor)
{
    const CommandResult check = checkDelay(orderId, minutes);
    if (!check.ok) {
        qCInfo(lcEngine).noquote() << "refused delaying" << orderId << ":" << check.message;
        return check;
    }
    const Order &current = *check.order;
    // A late order's "+10 min" means ten minutes from now, not from a promise already broken.
    const qint64 base = qMax(current.promisedAt, m_clock.nowMs());
    OrderEvent event = makeEvent(current, EventKind::EtaChanged, actor);
    event.payload.insert(QStringLiteral("promised_at"), base + qint64(minutes) * 60'000);
    event.payload.insert(QStringLiteral("delay_minutes"), minutes);
    qCInfo(lcEngine).noquote() << actor.toString() << "delays" << current.id << "by" << minutes
                               << "min";
    return commit(event);
}

CommandResult OrderEngine::bumpStation(const QString &orderId, const QString &station,
                                       const Actor &actor)
{
    std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    const Verdict verdict = StationRules::check(*current, station, true);
    if (!verdict.allowed())
        return refusedResult(verdict.reason, current);
    if (current->state == OrderState::Accepted) {
        // A station starting on its items means the kitchen has started the order.
        const CommandResult started = transitionFrom(*current, OrderState::Preparing, actor, {});
        if (!started.ok)
            return started;
        current = started.order;
    }
    const CommandResult bumped = commitStation(*current, station, true, actor);
    if (!bumped.ok || !bumped.order || !finishingBump(*bumped.order))
        return bumped;
    // Every station is done: the order is ready, as if expo had bumped it.
    const CommandResult ready = transitionFrom(*bumped.order, OrderState::Ready, actor, {});
    if (!ready.ok) {
        qCWarning(lcEngine).noquote() << "all stations done on" << orderId
                                      << "but it could not be made ready:" << ready.message;
        return bumped;
    }
    return ready;
}

CommandResult OrderEngine::reopenStation(const QString &orderId, const QString &station,
                                         const Actor &actor)
{
    std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    if (current->state == OrderState::Ready && current->stationsDone.contains(station)) {
        // Redoing a station's items means the order is not ready after all: recall it first
        // (within the recall window), then reopen only that station.
        const CommandResult recalled = recall(orderId, actor);
        if (!recalled.ok)
            return recalled;
        current = recalled.order;
    }
    const Verdict verdict = StationRules::check(*current, station, false);
    if (!verdict.allowed())
        return refusedResult(verdict.reason, current);
    return commitStation(*current, station, false, actor);
}

CommandResult OrderEngine::commitStation(const Order &current, const QString &station, bool done,
                                         const Actor &actor)
{
    qCInfo(lcEngine).noquote() << actor.toString() << (done ? "bumps" : "reopens") << station
                               << "on" << current.id;
    return commit(OrderEvent::stationBumped(current, station, done, actor, m_config.consoleId,
                                            m_clock.nowMs()));
}

std::optional<OrderEvent> OrderEngine::finishingBump(const Order &order) const
{
    if (order.state != OrderState::Preparing || !StationRules::allDone(order))
        return std::nullopt;
    // Two consoles bumping the last two stations at once each see the other's station still
    // open. So the order is made ready by whoever holds the latest done-bump (by time, then id):
    // every console that has the same events picks the same one, so exactly one of them acts.
    QHash<QString, OrderEvent> lastDone; // per station, its latest done-bump in log order
    const QList<OrderEvent> events = m_store.events(order.id);
    for (const OrderEvent &event : events) {
        const QString station = event.payload.value(QStringLiteral("station")).toString();
        if (event.kind == EventKind::StationBumped
            && event.payload.value(QStringLiteral("done")).toBool())
            lastDone.insert(station, event);
    }
    std::optional<OrderEvent> finishing;
    for (const QString &station : order.stationsDone) {
        const auto it = lastDone.constFind(station);
        if (it == lastDone.cend())
            continue;
        if (!finishing || it->occurredAt > finishing->occurredAt
            || (it->occurredAt == finishing->occurredAt && it->id > finishing->id))
            finishing = *it;
    }
    if (!finishing || finishing->origin != m_config.consoleId)
        return std::nullopt;
    return finishing;
}

void OrderEngine::readyIfFinished(const Order &order)
{
    const std::optional<OrderEvent> ours = finishingBump(order);
    if (!ours)
        return;
    // Every station is done: the order is ready, in the name of the cook who finished it.
    const CommandResult ready = transitionFrom(order, OrderState::Ready, ours->actor, {});
    if (!ready.ok)
        qCWarning(lcEngine).noquote() << "all stations done on" << order.id
                                      << "but it could not be made ready:" << ready.message;
}

CommandResult OrderEngine::reject(const QString &orderId, const Actor &actor, const QString &reason)
{
    TransitionDetails details;
    details.reason = reason;
    return transition(orderId, OrderState::Rejected, actor, details);
}

CommandResult OrderEngine::appendStoreEvent(EventKind kind, const QJsonObject &payload,
                                            const Actor &actor)
{
    Q_ASSERT(EventKinds::isStoreLevel(kind));
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.storeId = m_config.storeId;
    event.kind = kind;
    event.actor = actor;
    event.origin = m_config.consoleId;
    event.occurredAt = m_clock.nowMs();
    event.payload = payload;
    CommandResult result = commit(event);
    if (result.ok && !result.duplicate)
        Q_EMIT storeEventAppended(result.event);
    return result;
}

std::optional<OrderEvent> OrderEngine::lastStoreEvent() const
{
    return m_store.lastStoreEvent();
}

CommandResult OrderEngine::placeOrder(const Order &order, const Actor &actor)
{
    Order placed = order;
    if (placed.storeId.isEmpty())
        placed.storeId = m_config.storeId;
    if (placed.storeId != m_config.storeId)
        return refusedResult(tr("Order %1 belongs to store %2, not to this store (%3).")
                                     .arg(order.number, order.storeId, m_config.storeId));
    return commit(OrderEvent::placed(placed, actor, m_config.consoleId, m_clock.nowMs()));
}

void OrderEngine::applyIncoming(const QList<IncomingEvent> &events,
                                const std::optional<SourceCursor> &cursor)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        const bool last = i == events.size() - 1;
        m_incoming.enqueue({events.at(i), last ? cursor : std::nullopt});
    }
    m_incomingQueued += quint64(events.size());
    if (!m_batchScheduled && !m_writing && !m_incoming.isEmpty()) {
        m_batchScheduled = true;
        QTimer::singleShot(0, this, &OrderEngine::applyNextIncomingBatch);
    }
}

int OrderEngine::incomingBacklog() const
{
    qsizetype count = m_incoming.size() + (m_writing ? m_writing->size : 0);
    for (const WrittenBatch &batch : m_written)
        count += batch.size;
    return int(count);
}

IncomingWriter *OrderEngine::incomingWriter()
{
    if (!m_writerTried && m_config.writeIncomingOnOwnThread) {
        m_writerTried = true;
        m_writer = std::make_unique<IncomingWriter>(m_store.path(), m_store.busyTimeoutMs(),
                                                    m_clock);
        if (m_writer->start()) {
            connect(m_writer.get(), &IncomingWriter::written, this,
                    &OrderEngine::onIncomingWritten);
        } else {
            m_writer.reset(); // the engine's own connection writes them instead
        }
    }
    return m_writer.get();
}

void OrderEngine::applyNextIncomingBatch()
{
    m_batchScheduled = false;
    if (m_incoming.isEmpty() || m_writing)
        return;
    QList<IncomingEvent> batch;
    std::optional<SourceCursor> cursor;
    WrittenBatch writing;
    writing.localChangesBefore = m_localChanges;
    while (!m_incoming.isEmpty() && batch.size() < m_config.incomingBatchSize) {
        QueuedIncoming queued = m_incoming.dequeue();
        if (queued.cursorAfter)
            cursor = queued.cursorAfter;
        if (!writing.sources.contains(queued.incoming.source))
            writing.sources.append(queued.incoming.source);
        batch.append(queued.incoming);
    }
    writing.size = int(batch.size());
    if (m_written.isEmpty())
        m_sinceBurstStart.start();
    m_writing = writing;
    if (IncomingWriter *writer = incomingWriter())
        writer->write(batch, cursor);
    else
        onIncomingWritten(m_store.appendIncomingBatch(batch, cursor));
}

void OrderEngine::onIncomingWritten(const QList<AppendResult> &results)
{
    Q_ASSERT(m_writing);
    WrittenBatch written = *std::exchange(m_writing, std::nullopt);
    written.results = results;
    m_written.append(written);
    // A batch is written whole or not at all: a failed one fails every result alike.
    if (!results.isEmpty() && results.constFirst().status == AppendResult::Status::Failed) {
        dropQueuedIncoming(written.sources, results.constFirst());
    } else {
        noteStoreFault(StoreFault::None);
        for (const QString &source : std::as_const(written.sources))
            Q_EMIT incomingStored(source);
    }
    // The next batch goes to be written at once; what this one changed waits for its frame.
    if (!m_incoming.isEmpty() && !m_batchScheduled) {
        m_batchScheduled = true;
        QTimer::singleShot(0, this, &OrderEngine::applyNextIncomingBatch);
    }
    deliverIncomingPaced();
}

void OrderEngine::deliverIncomingPaced()
{
    const qint64 sinceDelivery =
            m_sinceDelivery.isValid() ? m_sinceDelivery.elapsed() : m_config.incomingBurstPaceMs;
    qint64 wait = m_config.incomingFrameMs - sinceDelivery;
    if (m_writing || !m_incoming.isEmpty()) {
        // More is on its way: wait for the burst's pace, counted from its start or the last time.
        wait = m_config.incomingBurstPaceMs - qMin(sinceDelivery, m_sinceBurstStart.elapsed());
    }
    if (wait <= 0) {
        m_deliveryTimer.stop();
        deliverIncoming();
    } else if (!m_deliveryTimer.isActive() || m_deliveryTimer.remainingTime() > wait) {
        m_deliveryTimer.start(int(wait)); // the burst's end may bring its last delivery forward
    }
}

void OrderEngine::deliverIncoming()
{
    m_sinceDelivery.start();
    // However fast the disk, one turn hears a bounded share of a burst; the rest comes next turn.
    QList<WrittenBatch> written;
    int events = 0;
    while (!m_written.isEmpty() && (written.isEmpty() || events < m_config.incomingPerTurn)) {
        events += m_written.constFirst().size;
        written.append(m_written.takeFirst());
    }
    if (!m_written.isEmpty() && !m_deliveryTimer.isActive())
        m_deliveryTimer.start(0);
    QStringList sources;
    for (const WrittenBatch &batch : written) {
        for (const AppendResult &result : batch.results) {
            if (result.status == AppendResult::Status::Failed)
                continue; // told once, by incomingFailed, when it came back
            if (!result.applied()) {
                Q_EMIT refused(tr("An incoming change was refused: %1").arg(result.error));
                continue;
            }
            const std::optional<Order> latest =
                    result.order ? latestOf(result, batch.localChangesBefore) : std::nullopt;
            if (latest && (result.committed() || !result.superseded.isEmpty()))
                Q_EMIT orderChanged(*latest);
            reportOvertaken(result);
            // Another console's bump may have done the last station while ours was in flight.
            if (latest && result.committed() && result.event.kind == EventKind::StationBumped)
                readyIfFinished(*latest);
        }
        for (const QString &source : batch.sources) {
            if (!sources.contains(source))
                sources.append(source);
        }
        m_incomingHeard += quint64(batch.size);
        applyHeldVerdicts();
    }
    for (const QString &source : std::as_const(sources))
        Q_EMIT incomingReceived(source);
    if (m_incoming.isEmpty() && !m_writing && m_written.isEmpty()) {
        m_localChangeOf.clear();
        Q_EMIT incomingDrained();
    }
}

std::optional<Order> OrderEngine::latestOf(const AppendResult &result, quint64 writtenAfter) const
{
    // A local command on this order after the batch went to be written already told listeners
    // about a newer copy than the batch holds: hand on the store's copy, which has both.
    if (m_localChangeOf.value(result.order->id) > writtenAfter)
        return m_store.order(result.order->id);
    return result.order;
}

void OrderEngine::noteLocalChange(const QString &orderId)
{
    ++m_localChanges;
    if (m_writing || !m_written.isEmpty())
        m_localChangeOf.insert(orderId, m_localChanges);
}

void OrderEngine::dropQueuedIncoming(const QStringList &sources, const AppendResult &failure)
{
    // What was queued behind a batch that could not be stored lies past a hole in its stream:
    // storing it would let the source's cursor skip the hole. Its sender brings it again.
    qsizetype dropped = 0;
    for (auto it = m_incoming.begin(); it != m_incoming.end();) {
        if (sources.contains(it->incoming.source)) {
            it = m_incoming.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    m_incomingHeard += quint64(dropped); // verdicts held behind them need not wait for them
    noteStoreFault(faultOf(failure));
    qCWarning(lcEngine).noquote() << "incoming batch not stored (" << StoreFaults::name(failure.fault)
                                  << "):" << failure.error << "; dropped" << dropped
                                  << "queued events to be fetched again";
    for (const QString &source : sources)
        Q_EMIT incomingFailed(source, failure.fault);
}

void OrderEngine::noteStoreFault(StoreFault fault)
{
    if (fault == m_storeFault)
        return;
    m_storeFault = fault;
    Q_EMIT storeFaultChanged(fault);
}

void OrderEngine::confirmByPlatform(const QUuid &eventId, qint64 hubSeq)
{
    if (m_incomingHeard < m_incomingQueued) {
        m_heldVerdicts.append({eventId, hubSeq, {}, m_incomingQueued});
        return;
    }
    applyConfirm(eventId, hubSeq);
}

void OrderEngine::rejectByPlatform(const QUuid &eventId, const QString &reason)
{
    if (m_incomingHeard < m_incomingQueued) {
        m_heldVerdicts.append({eventId, std::nullopt, reason, m_incomingQueued});
        return;
    }
    applyReject(eventId, reason);
}

void OrderEngine::applyHeldVerdicts()
{
    while (!m_heldVerdicts.isEmpty()
           && m_heldVerdicts.constFirst().afterIncoming <= m_incomingHeard) {
        const HeldVerdict verdict = m_heldVerdicts.takeFirst();
        if (verdict.hubSeq)
            applyConfirm(verdict.eventId, *verdict.hubSeq);
        else
            applyReject(verdict.eventId, verdict.reason);
    }
}

void OrderEngine::applyConfirm(const QUuid &eventId, qint64 hubSeq)
{
    const AppendResult result = m_store.confirm(eventId, hubSeq);
    noteStoreFault(faultOf(result));
    Q_EMIT verdictRecorded(eventId, result.status != AppendResult::Status::Failed);
    if (!result.committed()) {
        if (result.status == AppendResult::Status::Failed)
            qCWarning(lcEngine).noquote() << "cannot record the platform's ack:" << result.error;
        return;
    }
    noteLocalChange(result.event.orderId);
    if (result.order)
        Q_EMIT orderChanged(*result.order);
    reportOvertaken(result);
}

void OrderEngine::applyReject(const QUuid &eventId, const QString &reason)
{
    const AppendResult result = m_store.markRejected(eventId, reason);
    noteStoreFault(faultOf(result));
    Q_EMIT verdictRecorded(eventId, result.status != AppendResult::Status::Failed);
    // A refusal already recorded was already told: staff hear of each refusal once.
    if (!result.committed()) {
        if (result.status != AppendResult::Status::Duplicate)
            qCWarning(lcEngine).noquote()
                    << "cannot record the platform's refusal:" << result.error;
        return;
    }
    noteLocalChange(result.event.orderId);
    if (result.order)
        Q_EMIT orderChanged(*result.order);
    else if (!result.event.orderId.isEmpty())
        Q_EMIT orderRemoved(result.event.orderId);
    const QString number = result.order ? result.order->number : result.event.orderId;
    const QString what = result.event.to ? OrderStates::displayName(*result.event.to)
                                         : EventKinds::toString(result.event.kind);
    Q_EMIT alert(result.event.orderId,
                 tr("Order %1: the platform refused \"%2\": %3").arg(number, what, reason));
}

void OrderEngine::reportOvertaken(const AppendResult &result)
{
    if (result.superseded.isEmpty() || !result.order)
        return;
    // The platform's event that overtook local work: say who did what, when, and what to do.
    // That is the order's latest event, which is not the result's own when an ack of an earlier
    // event is what folded the order again.
    const Order &order = *result.order;
    OrderEvent overtaking = result.event;
    if (overtaking.id != order.lastEventId) {
        const QList<OrderEvent> history = m_store.events(order.id);
        const auto latest = std::find_if(history.cbegin(), history.cend(), [&order](const auto &e) {
            return e.id == order.lastEventId;
        });
        if (latest != history.cend())
            overtaking = *latest;
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(overtaking.occurredAt)
                                 .toLocalTime()
                                 .toString(QStringLiteral("HH:mm"));
    QString message;
    if (order.state == OrderState::Cancelled) {
        const QString who = overtaking.actor.role == ActorRole::Platform
                ? tr("the customer")
                : ActorRoles::displayName(overtaking.actor.role);
        message = tr("Order %1 was cancelled by %2 at %3 while this console was offline: stop "
                     "preparing it.")
                          .arg(order.number, who, when);
    } else {
        message = tr("Order %1 is %2 since %3 on the platform; this console's last change to it "
                     "did not count.")
                          .arg(order.number, OrderStates::displayName(order.state), when);
    }
    qCWarning(lcEngine).noquote() << message;
    Q_EMIT alert(order.id, message);
}

std::optional<Order> OrderEngine::order(const QString &orderId) const
{
    return m_store.order(orderId);
}

QList<Order> OrderEngine::openOrders() const
{
    return m_store.orders(true);
}

QList<Order> OrderEngine::ordersInState(OrderState state) const
{
    return m_store.ordersInState(state, 0);
}

std::optional<Order> OrderEngine::lastRecallable() const
{
    const QList<Order> recent = m_store.ordersInState(
            OrderState::PickedUp, m_clock.nowMs() - m_config.recallWindowMs);
    if (recent.isEmpty())
        return std::nullopt;
    return recent.constFirst();
}

QList<Order> OrderEngine::recallable(int limit) const
{
    const qint64 now = m_clock.nowMs();
    QList<OrderState> sources;
    for (const TransitionRule &rule : StateMachine::rules()) {
        for (OrderState state : rule.from) {
            if (rule.isRecall && !sources.contains(state))
                sources.append(state);
        }
    }
    QList<Order> result;
    for (OrderState state : sources) {
        const QList<Order> recent = m_store.ordersInState(state, now - m_config.recallWindowMs);
        for (const Order &order : recent) {
            if (m_stateMachine.checkRecall(order, ActorRole::Staff, now).allowed())
                result.append(order);
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const Order &a, const Order &b) {
        return a.stateSince > b.stateSince;
    });
    if (limit >= 0 && result.size() > limit)
        result.resize(limit);
    return result;
}
