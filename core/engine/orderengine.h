// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channelregistry.h"
#include "engineconfig.h"
#include "incomingpipeline.h"
#include "openordercache.h"
#include "order/actor.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/statemachine.h"
#include "order/stationrules.h"
#include "store/store.h"
#include "verdictrecorder.h"

#include <QObject>
#include <QString>

class Clock;

/** The outcome of a command: done, or refused with the engine's reason. */
struct CommandResult
{
    bool ok = false;
    bool duplicate = false; // the same command (event id) was applied before
    QString message; // for people: the refusal reason or the store's error
    std::optional<Order> order; // the order after the command
    OrderEvent event;
};

/**
 * The console's engine: turns staff's requests into events (checked against the state machine,
 * appended with one outbox row per destination in one transaction each) and tells listeners what
 * changed, whether by a command, an incoming event (IncomingPipeline) or a verdict of the
 * platform (VerdictRecorder). Its ChannelRegistry says where local events go.
 */
class OrderEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderEngine)

public:
    /** Where a change came from: a screen may show a burst's changes less often than a cook's. */
    enum class ChangeCause {
        Command, // a command on this console (staff's, or the engine's own on their behalf)
        Incoming, // an event from the platform or another source
        Verdict, // the platform's ack or refusal of one of this console's events
    };
    Q_ENUM(ChangeCause)

    OrderEngine(Store &store, const Clock &clock, EngineConfig config, QObject *parent = nullptr);
    ~OrderEngine() override;

    const EngineConfig &config() const { return m_config; }
    /** Where local events go: register a destination's channel here. */
    ChannelRegistry &channels() { return m_channels; }
    const StateMachine &stateMachine() const { return m_stateMachine; }

    /** Moves the order to the target state, if the state machine allows it. */
    CommandResult transition(const QString &orderId, OrderState to, const Actor &actor,
                             const TransitionDetails &details = {});
    /** Moves the order one step along (placed → accepted → preparing → ready → handed over). */
    CommandResult advance(const QString &orderId, const Actor &actor,
                          const TransitionDetails &details = {});
    /** Brings a bumped ticket back one step, within the recall window. */
    CommandResult recall(const QString &orderId, const Actor &actor);
    /**
     * Pushes the promised ready time back by minutes (an eta_changed event), from the promise or
     * from now if the promise has already passed; refused before accepting and once handed over.
     */
    CommandResult delay(const QString &orderId, int minutes, const Actor &actor);
    /** Whether delay() would be allowed now; the message says why not. Changes nothing. */
    CommandResult checkDelay(const QString &orderId, int minutes = 5) const;
    /**
     * Marks one station's items on the order done. The first bump of an accepted order starts it
     * (accepted → preparing first); the bump that leaves no station open makes it ready.
     */
    CommandResult bumpStation(const QString &orderId, const QString &station, const Actor &actor);
    /** Reopens a station's items (the station-level recall); a ready order is recalled first. */
    CommandResult reopenStation(const QString &orderId, const QString &station, const Actor &actor);
    /**
     * Marks one line of the order (items[index], which the screen showed as name) done, as
     * bumpStation does a station: it may start the order, finish its station, and make it ready.
     */
    CommandResult bumpItem(const QString &orderId, int index, const QString &name,
                           const Actor &actor);
    /** Reopens one line (its station too, if it was done); a ready order is recalled first. */
    CommandResult reopenItem(const QString &orderId, int index, const QString &name,
                             const Actor &actor);
    /** Rejects a placed order with a reason. */
    CommandResult reject(const QString &orderId, const Actor &actor, const QString &reason);
    /**
     * Appends a store-level event (paused, resumed) of this console's store, for the platform
     * and the audit trail; payload as the kind needs it.
     */
    CommandResult appendStoreEvent(EventKind kind, const QJsonObject &payload, const Actor &actor);
    /** The latest pause or resume (or event of the given kinds) not refused, if any. */
    std::optional<OrderEvent> lastStoreEvent(
            const QList<EventKind> &kinds = {EventKind::StorePaused, EventKind::StoreResumed}) const;
    /** Records an order placed on this console (demo, walk-in). */
    CommandResult placeOrder(const Order &order, const Actor &actor);

    /**
     * The platform refused one of our events: the order follows the platform's history. Like an
     * ack (which its channel hands to the VerdictRecorder), it is applied after the incoming
     * events that arrived before it have been heard.
     */
    void rejectByPlatform(const QUuid &eventId, const QString &reason);

    /**
     * Queues incoming events; they are applied in batches, never inside this call. Each is
     * passed on where the ChannelRegistry says (forwardsFor) in the transaction that applies it.
     */
    void applyIncoming(QList<IncomingEvent> events,
                       const std::optional<SourceCursor> &cursor = std::nullopt);
    /** Incoming events whose changes listeners have not heard yet (queued, being written, held). */
    int incomingBacklog() const { return m_incoming.backlog(); }
    /** How the latest write to the store went: None once one succeeds again. */
    StoreFault storeFault() const { return m_storeFault; }

    std::optional<Order> order(const QString &orderId) const;
    /** The open orders, oldest placed first; read once per event-loop turn (OpenOrderCache). */
    QList<Order> openOrders() const { return OpenOrderCache::whole(openOrderRows()); }
    /** The same, each decoded when first used: for whoever keeps thousands and shows a few. */
    QList<LazyOrder> openOrderRows() const
    {
        return m_openOrders.get([this] { return m_store.openOrderRows(); });
    }
    /** Orders now in the given state, most recently entered first. */
    QList<Order> ordersInState(OrderState state) const;
    /** The most recently handed-over order still inside the recall window, if any. */
    std::optional<Order> lastRecallable() const;
    /** Tickets staff may recall now (bumped within the recall window), latest first, at most limit. */
    QList<Order> recallable(int limit) const;

Q_SIGNALS:
    /** An order changed (or appeared) through a committed event. */
    void orderChanged(const Order &order, OrderEngine::ChangeCause cause);
    /** An order is gone: the platform refused the event that placed it here. */
    void orderRemoved(const QString &orderId);
    /** A command or incoming event was refused; message is for people. */
    void refused(const QString &message);
    /** A store-level event of this console was committed (it waits in the outbox). */
    void storeEventAppended(const OrderEvent &event);
    /** A batch of incoming events was written and every change it made has been emitted. */
    void incomingBatchHeard();
    /** A queued burst of incoming events has been applied completely. */
    void incomingDrained();
    /** A batch of this source's events was committed, with its cursor. */
    void incomingStored(const QString &source);
    /**
     * A batch of this source's events could not be stored; nothing of it was written and what
     * was queued behind it was dropped. The source must send them again from its stored cursor.
     */
    void incomingFailed(const QString &source, StoreFault fault);
    /** The store failed a write (fault), or wrote again after failing (None). */
    void storeFaultChanged(StoreFault fault);
    /** The platform's ack or refusal of a local event was recorded (or failed to be). */
    void verdictRecorded(const QUuid &eventId, bool recorded);
    /**
     * A batch held events from this source (applied, duplicate or refused alike): the feed is
     * alive. Local commands never emit it, so a busy board cannot hide a silent feed.
     */
    void incomingReceived(const QString &source);
    /**
     * Something staff must know about: the platform's history overtook what this console did
     * (a cancel while offline, a refused bump). The message says what happened, in words.
     */
    void alert(const QString &orderId, const QString &message);
    /**
     * The platform refused event, one this console sent (its own, or a POS's it relayed): the
     * order now follows the platform's history, and event's source may say what holds instead.
     */
    void refusedByPlatform(const OrderEvent &event, const QString &reason);

private:
    CommandResult transitionFrom(const Order &current, OrderState to, const Actor &actor,
                                 const TransitionDetails &details);
    CommandResult commit(const OrderEvent &event);
    /** Marks work done: starts an accepted order first, makes it ready if nothing is left. */
    CommandResult finishWork(const QString &orderId, const StationWork &work, const Actor &actor);
    /** Reopens work, recalling a ready order first. */
    CommandResult reopenWork(const QString &orderId, const StationWork &work, const Actor &actor);
    std::optional<OrderEvent> finishingBump(const Order &order) const;
    void readyIfFinished(const Order &order);
    OrderEvent makeEvent(const Order &order, EventKind kind, const Actor &actor) const;
    void onIncomingResult(const AppendResult &result, const std::optional<Order> &latest);
    void onAccepted(const AppendResult &result);
    void onRejected(const AppendResult &result, const QString &reason);
    void noteStoreFault(StoreFault fault);
    void reportOvertaken(const AppendResult &result);
    /** The platform's change of an order this console does not keep (archived, or never had). */
    void reportOrderNotKept(const OrderEvent &event);

    Store &m_store;
    const Clock &m_clock;
    EngineConfig m_config;
    StateMachine m_stateMachine;
    IncomingPipeline m_incoming;
    VerdictRecorder m_verdicts;
    ChannelRegistry m_channels;
    mutable OpenOrderCache m_openOrders;
    StoreFault m_storeFault = StoreFault::None;
};
