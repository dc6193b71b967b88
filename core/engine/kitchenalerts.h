// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kitchenalert.h"
#include "order/order.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class Clock;
class FeedMonitor;
class OrderEngine;

/**
 * Turns what happens to orders into alerts the kitchen must notice: new orders (a burst makes one
 * alert), items changed mid-prep (line by line), cancels, late orders, the platform overtaking this
 * console, and quiet feeds. It remembers the open orders it has seen; the ones open when it is
 * built are known already and raise no "new" alert.
 */
class KitchenAlerts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KitchenAlerts)

public:
    static constexpr qint64 defaultLateAfterMs = 12 * 60 * 1000;
    static constexpr int defaultLateCheckIntervalMs = 15 * 1000;
    static constexpr int maxListedOrders = 10; // numbers in a burst's title; details list them all

    KitchenAlerts(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);

    /** Age (since placed) at which an order not yet ready is late. */
    void setLateAfterMs(qint64 ms) { m_lateAfterMs = ms; }
    qint64 lateAfterMs() const { return m_lateAfterMs; }
    /** How often lateness is checked. */
    void setLateCheckIntervalMs(int ms) { m_lateTimer.setInterval(ms); }
    int lateCheckIntervalMs() const { return m_lateTimer.interval(); }

    /** Raises Late once for each open, not yet ready order older than the late threshold. */
    void checkLate();
    /** Raises FeedQuiet when one of the monitor's feeds starts alarming. */
    void watchFeeds(const FeedMonitor &monitor);

Q_SIGNALS:
    void raised(const KitchenAlert &alert);

private:
    struct Known
    {
        Order order;
        bool lateRaised = false;
    };
    void onOrderChanged(const Order &order);
    void onOrderRemoved(const QString &orderId);
    void onEngineAlert(const QString &orderId, const QString &message);
    void onFeedAlarm(const FeedMonitor &monitor, const QString &source, bool alarming);
    void queue(KitchenAlert alert);
    void scheduleFlush();
    void flushUnlessBursting();
    void flush();
    KitchenAlert newOrdersAlert() const;
    KitchenAlert make(KitchenAlert::Kind kind, const Order *order) const;
    void raise(const KitchenAlert &alert);

    OrderEngine &m_engine;
    const Clock &m_clock;
    QHash<QString, Known> m_known; // open orders by id
    QList<Order> m_newOrders; // placed since the last flush, in arrival order
    QList<KitchenAlert> m_pending; // other alerts waiting for the burst to end
    qint64 m_lateAfterMs = defaultLateAfterMs;
    bool m_flushScheduled = false;
    QTimer m_lateTimer;
};
