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

    /** Every destination a local event is queued for. */
    const QStringList &destinations() const { return m_destinations; }
    /**
     * Where a local event is queued. An order a POS brought (source "pos:<name>") goes back to
     * that POS only: the platform and other POSes never heard of it and would refuse every step
     * of it. Any other order, and the store's own events, go everywhere.
     */
    QStringList destinationsFor(const OrderEvent &event) const;
    /** The dispatcher of a registered destination, or none. */
    ChannelDispatcher *dispatcher(const QString &destination) const;
    QList<ChannelDispatcher *> dispatchers() const;
    /** Every registered channel's health, in registration order. */
    QList<ChannelHealth> health() const;

    /** Every channel sends what is due soon (coalesced per channel). */
    void dispatchSoon();

    /**
     * A manager (actor) sends dead letter deadLetterId again (Store::redriveDeadLetter, with the
     * log's event from origin): its destination's dispatcher sends it soon, then the parked
     * events of its order in order.
     */
    AppendResult redrive(qint64 deadLetterId, const Actor &actor, const QString &origin);
    /** A manager lets dead letter deadLetterId go (Store::discardDeadLetter); its order's parked events go. */
    AppendResult discard(qint64 deadLetterId, const Actor &actor, const QString &origin);

Q_SIGNALS:
    /** A channel was registered: whoever records verdicts connects to it. */
    void added(ChannelDispatcher *dispatcher);

private:
    AppendResult decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                        const QString &origin);

    Store &m_store;
    const Clock &m_clock;
    QStringList m_destinations;
    std::vector<std::unique_ptr<ChannelDispatcher>> m_dispatchers;
};
