// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "shared/orderlistmodel.h"
#include "ticketattention.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QTimer>

class Clock;
class FramePacer;

/**
 * The open orders (placed, accepted, preparing, ready), oldest placed first, kept current from the
 * engine's committed changes. Ages tick once a second so tickets can show how long they waited.
 * Scheduled orders whose fire time (scheduledFor minus the lead) is still ahead are held back in
 * laterOrders() and join the board on the first tick after it passes.
 *
 * A ticket someone else cancelled stays on the board, and one whose work in progress someone else
 * changed stays marked, until a cook acknowledges it (acknowledge(), acknowledgeAll()): the
 * attention roles say how to mark it. A cook's own commands never mark a ticket.
 */
class OrderModel final : public OrderListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderModel)

public:
    // Besides OrderListModel's (id, number, customer, the whole order):
    enum Roles {
        TypeRole = FirstOwnRole, // OrderType
        StateRole, // OrderState
        AgeMsRole, // qint64, now - placedAt
        ItemsRole, // QList<OrderItem>
        PromisedAtRole, // qint64 UTC ms, 0 until accepted
        DueInMsRole, // qint64 promisedAt - now (negative when late); null without a promise
        StateAgeMsRole, // qint64, now - stateSince
        FireAtRole, // qint64 UTC ms the kitchen should start; 0 for as-soon-as-possible orders
        FiredLateRole, // bool: it arrived after its fire time had passed (an outage, say)
        // What the ticket waits to be acknowledged for, an OrderAttention::Kind:
        //  None: nothing;
        //  Cancelled: cancelled by someone else (StateRole says Cancelled, the order's lastReason
        //    why); kept on the board until acknowledged, then it leaves;
        //  Changed: items or the ready time of work in progress changed by someone else; the
        //    marks below hold until acknowledged, then the ticket is plain again.
        AttentionRole,
        // QList<ItemChange>, for Changed: every line that differs from what the cook last
        // acknowledged. Added: `after` is a line of ItemsRole that is new. Removed: `before` is a
        // line no longer in ItemsRole (draw it, struck through). QuantityChanged,
        // ModifiersChanged, AllergensChanged, NotesChanged: `after` is the line in ItemsRole (it
        // compares equal to it), `before` the line as it was. Empty for None and Cancelled.
        ItemChangesRole,
        // qint64 UTC ms, for Changed: the ready time the cook last acknowledged when the promise
        // moved since (PromisedAtRole is the new one); 0 when it did not move.
        PromiseMovedFromRole,
    };
    Q_ENUM(Roles)

    static constexpr int defaultTickIntervalMs = 1000;
    // Arriving this long after its fire time counts as fired late (less is just the link's lag).
    static constexpr qint64 lateGraceMs = 60'000;

    /** Takes every change as the engine emits it. */
    OrderModel(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);
    /** Takes incoming events' changes at the pacer's pace (the board's way). */
    OrderModel(OrderEngine &engine, FramePacer &pacer, const Clock &clock,
               QObject *parent = nullptr);

    /** The row showing an order, or -1. */
    int rowOf(const QString &orderId) const;
    /** Whether a dataChanged with roles is only the clock's tick: the ages and due times. */
    static bool isClockTick(const QList<int> &roles);

    /** How many tickets on the board are in each state (kept as rows change, not recounted). */
    const QMap<OrderState, int> &stateCounts() const { return m_stateCounts; }

    /** Reloads every open order from the engine (after a resync, say); marks are kept. */
    void reload();

    /** What the order's ticket waits to be acknowledged for (AttentionRole). */
    OrderAttention::Kind attention(const QString &orderId) const
    {
        return m_attention.kind(orderId);
    }
    /** How many tickets wait to be acknowledged. */
    int attentionCount() const { return m_attention.count(); }
    /** A cook saw the ticket: a cancelled one leaves, a changed one loses its marks. */
    bool acknowledge(const QString &orderId);
    /** Every ticket that waits is acknowledged (the acknowledge key). */
    void acknowledgeAll();

    /** How often time-dependent roles (age, due) are refreshed. */
    int tickIntervalMs() const { return m_tickTimer.interval(); }
    void setTickIntervalMs(int intervalMs);

    /** How long before its scheduled time an order fires onto the board. */
    void setScheduledLeadMs(qint64 leadMs);
    qint64 scheduledLeadMs() const { return m_leadMs; }
    /** Scheduled orders not fired yet, soonest fire time first. */
    const QList<Order> &laterOrders() const { return m_later; }

Q_SIGNALS:
    /** The held scheduled orders changed (one arrived, fired, or left). */
    void laterChanged();
    /** A tick passed: time-dependent text elsewhere (the later lane) may refresh. */
    void ticked();
    /** The ticket's wait for acknowledgement ended (acknowledged here). */
    void acknowledged(const QString &orderId);
    /** A ticket started or stopped waiting for acknowledgement. */
    void attentionChanged();

private:
    void start();
    QVariant orderData(const Order &order, int role) const override;
    QVariant rowData(const LazyOrder &row, int role) const override;
    QHash<int, QByteArray> ownRoleNames() const override;
    void onOrderChanged(const Order &order, OrderEngine::ChangeCause cause);
    void onOrderRemoved(const QString &orderId);
    void removeRowAt(int row);
    void insertOrder(const Order &order);
    void onTick();
    int insertionRow(const Order &order) const;
    bool isHeld(const Order &order) const;
    bool takeLater(const QString &orderId);
    void hold(const Order &order);
    void fireDueOrders();

    OrderEngine &m_engine;
    const Clock &m_clock;
    QMap<OrderState, int> m_stateCounts;
    QHash<QString, qint64> m_placedAt; // by order id, for each row: finds a row in O(log n)
    QList<Order> m_later; // sorted by fire time
    QSet<QString> m_firedLate;
    TicketAttention m_attention;
    qint64 m_leadMs = 0;
    QTimer m_tickTimer;
};
