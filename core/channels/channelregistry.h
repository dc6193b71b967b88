// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelhealth.h"

#include "store/store.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

class ChannelDispatcher;
class Clock;
class OrderChannel;
class Store;

/**
 * Where this console's events go: the destinations every local event is queued for (the
 * configured ones and every registered channel's), and a ChannelDispatcher per registered
 * channel. A destination without a channel yet still gets its queue; its events wait there.
 */
class ChannelRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelRegistry)

public:
    ChannelRegistry(Store &store, const Clock &clock, const QStringList &destinations,
                    QObject *parent = nullptr);
    ~ChannelRegistry() override;

    /**
     * Delivers channel's destination through it from now on; its queue is sent at once if it is
     * live. The channel stays the caller's: it is unregistered when destroyed. A channel already
     * delivering the same destination is replaced.
     */
    ChannelDispatcher &add(OrderChannel &channel, const RetryPolicy &policy = {});
    /** Stops delivering through channel; its destination keeps its queue. */
    void remove(const OrderChannel &channel);
    /**
     * Queues local events for destination from now on, before any channel delivers it (a POS
     * whose secrets the keychain has not handed over yet), so nothing done meanwhile is missed.
     */
    void expect(const QString &destination);
    /**
     * No new events for destination (a POS the store no longer runs); what is queued stays.
     * A configured destination is kept.
     */
    void forget(const QString &destination);

    /** Every destination a local event is queued for. */
    const QStringList &destinations() const { return m_destinations; }
    /** The destination that is the platform, which may hold a POS's orders (relayed). */
    static inline const QString platform = QStringLiteral("platform");
    /**
     * The store's cursor row where the platform's last word on this console's rights is kept
     * (its welcome's), the rights joined by commas: a POS order is relayed only while it says
     * posRelayRight.
     */
    static inline const QString platformRightsSource = QStringLiteral("platform.rights");
    static inline const QString posRelayRight = QStringLiteral("pos_relay");
    /** The platform accepts what a manager does at this console (a cancel, a refund, a pause). */
    static inline const QString managerRight = QStringLiteral("manager");

    /**
     * Where a local event is queued. An order a POS brought (source "pos:<name>") goes to that
     * POS if this console runs it, and to the platform if the platform holds the order (this
     * console relayed it, or it came from the platform, relayed by another): other POSes never
     * heard of it, and neither did a platform it was never relayed to. Any other order goes
     * everywhere; the store's own events (a pause, the rules) to the platform alone.
     */
    QStringList destinationsFor(const OrderEvent &event) const;
    /**
     * Who hears of an incoming event from this console besides its log: a POS's words on its
     * orders go on to the platform while it lets this console relay them (for orders it holds
     * or that are new); the kitchen's steps that other screens took (from the platform) go on
     * to this console's POS, as its own steps do. Nothing else is passed on.
     */
    QStringList forwardsFor(const IncomingEvent &incoming) const;
    /** The rights the platform's last welcome gave this console (posRelayRight, managerRight). */
    QStringList platformRights() const;
    /** Whether the platform's last welcome let this console relay its POS's orders. */
    bool mayRelayPos() const;
    /**
     * Whether the platform's last welcome let this console act as the store's manager; without
     * it, the platform refuses what a manager does here, whatever the local PIN allowed.
     */
    bool mayActAsManager() const;
    /** The dispatcher of a registered destination, or none. */
    ChannelDispatcher *dispatcher(const QString &destination) const;
    QList<ChannelDispatcher *> dispatchers() const;
    /** Every registered channel's health, in registration order. */
    QList<ChannelHealth> health() const;

    /** Every channel sends what is due soon (coalesced per channel). */
    void dispatchSoon();

    /**
     * A manager (actor) sends dead letter deadLetterId again (Store::redriveDeadLetter, with the
     * log's event from origin, and reason if one is given): its destination's dispatcher sends it
     * soon, then the parked events of its order in order.
     */
    AppendResult redrive(qint64 deadLetterId, const Actor &actor, const QString &origin,
                         const QString &reason = {});
    /**
     * A manager lets dead letter deadLetterId go, saying why (Store::discardDeadLetter); its
     * order's parked events go.
     */
    AppendResult discard(qint64 deadLetterId, const Actor &actor, const QString &origin,
                         const QString &reason);

Q_SIGNALS:
    /** A channel was registered: whoever records verdicts connects to it. */
    void added(ChannelDispatcher *dispatcher);

private:
    /** Makes every POS's endings wait for the platform's verdict while a platform channel runs. */
    void holdPosEndings();
    /** The source of the order event belongs to: its placing's, or the stored order's. */
    QString orderSourceOf(const OrderEvent &event) const;
    AppendResult decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                        const QString &origin, const QString &reason);

    Store &m_store;
    const Clock &m_clock;
    QStringList m_destinations;
    QStringList m_configured; // the destinations given at construction, kept without a channel
    std::vector<std::unique_ptr<ChannelDispatcher>> m_dispatchers;
};
