// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kitchenalert.h"
#include "order/order.h"
#include "orderengine.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class Clock;
class FeedMonitor;

/**
 * Turns what happens to orders into alerts the kitchen must notice: new orders (a burst makes one
 * alert), items changed mid-prep (line by line), cancels, late orders, the platform overtaking this
 * console, quiet feeds and their return. Nobody is alerted about their own action: a command on
 * this console raises nothing (OrderAttention). It remembers the open orders it has seen; the
 * ones open when it is built are known already and raise no "new" alert. Bookkeeping per event is
 * a hash lookup, and a merged title names a few orders, so a replay of thousands costs no rescan.
 * A replayed backlog (orders that came and went while this screen was away) is summed up in one
 * line: how many arrived, how many are still open; history is not news.
 */
class KitchenAlerts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KitchenAlerts)

public:
    static constexpr qint64 defaultLateAfterMs = 12 * 60 * 1000;
    static constexpr int defaultLateCheckIntervalMs = 15 * 1000;
    // A feed back online waits this long for what this console queued for it to be delivered.
    static constexpr int defaultDeliveryWaitMs = 15 * 1000;

    KitchenAlerts(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);

    /** Age (since placed) at which an order not yet ready is late. */
    void setLateAfterMs(qint64 ms) { m_lateAfterMs = ms; }
    qint64 lateAfterMs() const { return m_lateAfterMs; }
    /** How often lateness is checked. */
    void setLateCheckIntervalMs(int ms) { m_lateTimer.setInterval(ms); }
    int lateCheckIntervalMs() const { return m_lateTimer.interval(); }
    /** How long "back online" waits for this console's queued changes to reach the feed. */
    void setDeliveryWaitMs(int ms) { m_deliveryWaitMs = ms; }

    /**
     * While the platform replays history (SyncClient::catchingUpChanged), what arrives is
     * summed up once, when the whole of it is in, rather than at each pause of the stream.
     * joining: this console's first catch-up in its store, which it was never offline from.
     */
    void holdWhileCatchingUp(bool catchingUp, bool joining = false);

    /** Raises one Late alert for the open, not yet ready orders that crossed the threshold. */
    void checkLate();
    /**
     * Raises FeedQuiet when one of the monitor's feeds starts alarming; when the alarm ends,
     * withdraws it and, if the feed spoke, raises FeedBack with the changes sent to it meanwhile.
     */
    void watchFeeds(const FeedMonitor &monitor);

Q_SIGNALS:
    void raised(const KitchenAlert &alert);
    /** An alert raised earlier no longer holds (the feed spoke again): take it down. */
    void withdrawn(KitchenAlert::Kind kind, const QString &source);
    /**
     * The order left the kitchen's work (handed over, finished or gone): alerts that it is new,
     * late or changed no longer hold. Those saying it was cancelled or overruled still do.
     */
    void settled(const QString &orderId);

private:
    struct Known
    {
        LazyOrder order;
        bool lateRaised = false;
    };
    // A feed that spoke again, waiting for its queue to be delivered before saying so.
    struct Recovery
    {
        int pendingAtRecovery = 0;
        qint64 quietFrom = 0; // UTC ms it last spoke before the silence; 0 if never
        int generation = 0; // tells this recovery's wait from an earlier one's
        QMetaObject::Connection progress;
    };
    void onOrderChanged(const Order &order, OrderEngine::ChangeCause cause);
    void onOrderRemoved(const QString &orderId);
    void onEngineAlert(const QString &orderId, const QString &message);
    void onFeedAlarm(const FeedMonitor &monitor, const QString &source, bool alarming);
    void feedQuiet(const FeedMonitor &monitor, const QString &source);
    void feedSpoke(const QString &source, qint64 quietFrom);
    int pendingFor(const QString &source) const;
    void finishRecovery(const QString &source);
    void queue(KitchenAlert alert);
    void scheduleFlush();
    void flushUnlessBursting();
    void flushUnlessHeld();
    void flush();
    void forgetArrivalsGone();
    bool isBacklog() const;
    KitchenAlert newOrdersAlert() const;
    KitchenAlert lateAlert(const QList<Order> &late, qint64 now) const;
    KitchenAlert make(KitchenAlert::Kind kind, const Order *order) const;
    void raise(const KitchenAlert &alert);

    OrderEngine &m_engine;
    const Clock &m_clock;
    QHash<QString, Known> m_known; // open orders by id
    QHash<QString, Order> m_newById; // placed since the last flush, as they are now
    QList<QString> m_newArrival; // their ids in arrival order (may name ones withdrawn since)
    int m_arrivedInBurst = 0; // placements since the last flush, those already gone included
    QList<KitchenAlert> m_pending; // other alerts waiting for the burst to end
    QHash<QString, qsizetype> m_pendingCancel; // order id → its cancel alert in m_pending
    QHash<QString, qint64> m_quietFrom; // alarming feed → when it last spoke (or we started)
    QHash<QString, Recovery> m_recovering; // by feed
    int m_recoveries = 0;
    qint64 m_lateAfterMs = defaultLateAfterMs;
    int m_deliveryWaitMs = defaultDeliveryWaitMs;
    bool m_flushScheduled = false;
    bool m_held = false; // the platform is replaying history
    bool m_joining = false; // … to a console new to the store
    QTimer m_lateTimer;
};
