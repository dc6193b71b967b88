// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderengine.h"

#include "channels/channeldispatcher.h"
#include "common/clock.h"
#include "enginelogging.h"
#include "order/eventredaction.h"
#include "order/orderlimits.h"
#include "order/stationrules.h"
#include "platformnewswording.h"
#include "refusalwording.h"

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
    , m_incoming(store, clock, m_config)
    , m_verdicts(store, m_incoming)
    , m_channels(store, clock, m_config.destinations)
{
    connect(&m_incoming, &IncomingPipeline::resultHeard, this, &OrderEngine::onIncomingResult);
    connect(&m_incoming, &IncomingPipeline::sourcesHeard, this, [this](const QStringList &sources) {
        for (const QString &source : sources)
            Q_EMIT incomingReceived(source);
    });
    connect(&m_incoming, &IncomingPipeline::batchHeard, this, &OrderEngine::incomingBatchHeard);
    connect(&m_incoming, &IncomingPipeline::drained, this, &OrderEngine::incomingDrained);
    connect(&m_incoming, &IncomingPipeline::stored, this, &OrderEngine::incomingStored);
    connect(&m_incoming, &IncomingPipeline::failed, this, &OrderEngine::incomingFailed);
    connect(&m_incoming, &IncomingPipeline::storeFaultNoted, this, &OrderEngine::noteStoreFault);
    connect(&m_verdicts, &VerdictRecorder::storeFaultNoted, this, &OrderEngine::noteStoreFault);
    connect(&m_verdicts, &VerdictRecorder::recorded, this, &OrderEngine::verdictRecorded);
    connect(&m_verdicts, &VerdictRecorder::accepted, this, &OrderEngine::onAccepted);
    connect(&m_verdicts, &VerdictRecorder::rejected, this, &OrderEngine::onRejected);
    connect(&m_channels, &ChannelRegistry::added, this,
            [this](ChannelDispatcher *dispatcher) { m_verdicts.watch(*dispatcher); });
    // A committed local event has its outbox rows: every channel sends soon, coalesced.
    connect(this, &OrderEngine::orderChanged, &m_channels, &ChannelRegistry::dispatchSoon);
    connect(this, &OrderEngine::storeEventAppended, &m_channels, &ChannelRegistry::dispatchSoon);
    connect(this, &OrderEngine::orderChanged, &m_openOrders, &OpenOrderCache::invalidate);
    connect(this, &OrderEngine::orderRemoved, &m_openOrders, &OpenOrderCache::invalidate);
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

CommandResult OrderEngine::commit(const OrderEvent &command)
{
    // Staff's words keep no card number: masked on the one way to the store, before any check.
    const OrderEvent event = EventRedaction::redacted(command);
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
    const AppendResult appended = m_store.append(event, m_channels.destinationsFor(event));
    noteStoreFault(faultOf(appended));
    if (appended.committed())
        m_incoming.noteLocalChange(event.orderId);
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
        Q_EMIT orderChanged(*appended.order, ChangeCause::Command);
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
    return finishWork(orderId, StationWork::ofStation(station), actor);
}

CommandResult OrderEngine::reopenStation(const QString &orderId, const QString &station,
                                         const Actor &actor)
{
    return reopenWork(orderId, StationWork::ofStation(station), actor);
}

CommandResult OrderEngine::bumpItem(const QString &orderId, int index, const QString &name,
                                    const Actor &actor)
{
    return finishWork(orderId, StationWork::ofLine(index, name), actor);
}

CommandResult OrderEngine::reopenItem(const QString &orderId, int index, const QString &name,
                                      const Actor &actor)
{
    return reopenWork(orderId, StationWork::ofLine(index, name), actor);
}

CommandResult OrderEngine::finishWork(const QString &orderId, const StationWork &work,
                                      const Actor &actor)
{
    std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    const Verdict verdict = work.check(*current, true);
    if (!verdict.allowed())
        return refusedResult(verdict.reason, current);
    qCInfo(lcEngine).noquote() << actor.toString() << "marks"
                               << (work.isLine() ? work.name : work.station) << "done on"
                               << orderId;
    if (current->state == OrderState::Accepted) {
        // A station starting on its items means the kitchen has started the order.
        const CommandResult started = transitionFrom(*current, OrderState::Preparing, actor, {});
        if (!started.ok)
            return started;
        current = started.order;
    }
    const CommandResult marked =
        commit(work.event(*current, true, actor, m_config.consoleId, m_clock.nowMs()));
    if (!marked.ok || !marked.order || !finishingBump(*marked.order))
        return marked;
    // Nothing is left to make: the order is ready, as if expo had bumped it.
    const CommandResult ready = transitionFrom(*marked.order, OrderState::Ready, actor, {});
    if (!ready.ok) {
        qCWarning(lcEngine).noquote() << "all done on" << orderId
                                      << "but it could not be made ready:" << ready.message;
        return marked;
    }
    return ready;
}

CommandResult OrderEngine::reopenWork(const QString &orderId, const StationWork &work,
                                      const Actor &actor)
{
    std::optional<Order> current = m_store.order(orderId);
    if (!current)
        return refusedResult(tr("There is no order %1 on this console.").arg(orderId));
    if (current->state == OrderState::Ready && work.isDone(*current)) {
        // Redone, the order is not ready after all: recall it (in the window), then reopen this.
        const CommandResult recalled = recall(orderId, actor);
        if (!recalled.ok)
            return recalled;
        current = recalled.order;
    }
    const Verdict verdict = work.check(*current, false);
    if (!verdict.allowed())
        return refusedResult(verdict.reason, current);
    qCInfo(lcEngine).noquote() << actor.toString() << "reopens"
                               << (work.isLine() ? work.name : work.station) << "on" << orderId;
    return commit(work.event(*current, false, actor, m_config.consoleId, m_clock.nowMs()));
}

std::optional<OrderEvent> OrderEngine::finishingBump(const Order &order) const
{
    if (order.state != OrderState::Preparing || !StationRules::allDone(order))
        return std::nullopt;
    const std::optional<OrderEvent> finishing =
        StationRules::finishingMark(m_store.events(order.id));
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

std::optional<OrderEvent> OrderEngine::lastStoreEvent(const QList<EventKind> &kinds) const
{
    return m_store.lastStoreEvent(kinds);
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

void OrderEngine::applyIncoming(QList<IncomingEvent> events,
                                const std::optional<SourceCursor> &cursor)
{
    for (IncomingEvent &incoming : events) { // a platform's, a POS's or the demo's words too
        incoming.event = EventRedaction::redacted(std::move(incoming.event));
        incoming.forwardTo = m_channels.forwardsFor(incoming);
    }
    m_incoming.apply(events, cursor);
}

void OrderEngine::onIncomingResult(const AppendResult &result, const std::optional<Order> &latest)
{
    if (!result.applied()) {
        Q_EMIT refused(tr("An incoming change was refused: %1").arg(result.error));
        return;
    }
    if (latest && (result.committed() || !result.superseded.isEmpty()))
        Q_EMIT orderChanged(*latest, ChangeCause::Incoming);
    else if (result.committed() && !result.order && !EventKinds::isStoreLevel(result.event.kind))
        reportOrderNotKept(result.event);
    reportOvertaken(result);
    // Another console's bump may have done the last station while ours was in flight.
    if (latest && result.committed()
        && (result.event.kind == EventKind::StationBumped
            || result.event.kind == EventKind::ItemDone))
        readyIfFinished(*latest);
}

void OrderEngine::noteStoreFault(StoreFault fault)
{
    if (fault == m_storeFault)
        return;
    m_storeFault = fault;
    Q_EMIT storeFaultChanged(fault);
}

void OrderEngine::rejectByPlatform(const QUuid &eventId, const QString &reason)
{
    m_verdicts.reject(eventId, reason);
}

void OrderEngine::onAccepted(const AppendResult &result)
{
    if (result.order)
        Q_EMIT orderChanged(*result.order, ChangeCause::Verdict);
    reportOvertaken(result);
}

void OrderEngine::onRejected(const AppendResult &result, const QString &reason)
{
    if (result.order)
        Q_EMIT orderChanged(*result.order, ChangeCause::Verdict);
    else if (!result.event.orderId.isEmpty())
        Q_EMIT orderRemoved(result.event.orderId);
    Q_EMIT alert(result.event.orderId, RefusalWording::forStaff(result, reason));
    Q_EMIT refusedByPlatform(result.event, reason);
}

void OrderEngine::reportOvertaken(const AppendResult &result)
{
    if (result.superseded.isEmpty() || !result.order)
        return;
    // The platform's event that overtook local work (the order's latest, not the result's own
    // when an ack of an earlier event folded the order again): who did what, when, what to do.
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
    const QString message = PlatformNewsWording::overtaken(order, overtaking);
    qCWarning(lcEngine).noquote() << message;
    Q_EMIT alert(order.id, message);
}

void OrderEngine::reportOrderNotKept(const OrderEvent &event)
{
    // Kept in the log as the platform's history, but no ticket, figure or order shows it: a late
    // refund of an order finished weeks ago, say. Somebody has to hear of it.
    const QString message = PlatformNewsWording::orderNotKept(m_store, event);
    qCWarning(lcEngine).noquote() << message;
    Q_EMIT alert(event.orderId, message);
}

std::optional<Order> OrderEngine::order(const QString &orderId) const
{
    return m_store.order(orderId);
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
