// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QAbstractListModel>
#include <QList>
#include <QTimer>

class Clock;
class OrderEngine;

/**
 * The open orders (placed, accepted, preparing, ready), oldest placed first, kept current from the
 * engine's committed changes. Ages tick once a second so tickets can show how long they waited.
 */
class OrderModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderModel)

public:
    enum Roles {
        OrderIdRole = Qt::UserRole + 1, // QString
        NumberRole, // QString, the number people call out
        TypeRole, // OrderType
        StateRole, // OrderState
        AgeMsRole, // qint64, now - placedAt
        ItemsRole, // QList<OrderItem>
        PromisedAtRole, // qint64 UTC ms, 0 until accepted
        CustomerRole, // QString
        OrderRole, // Order, the whole value
        DueInMsRole, // qint64 promisedAt - now (negative when late); null without a promise
        StateAgeMsRole, // qint64, now - stateSince
    };
    Q_ENUM(Roles)

    static constexpr int defaultTickIntervalMs = 1000;

    OrderModel(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The order in a row; row must be valid. */
    Order orderAt(int row) const;
    /** The row showing an order, or -1. */
    int rowOf(const QString &orderId) const;

    /** Reloads every open order from the engine (after a resync, say). */
    void reload();

    /** How often time-dependent roles (age, due) are refreshed. */
    int tickIntervalMs() const { return m_tickTimer.interval(); }
    void setTickIntervalMs(int intervalMs);

private:
    void onOrderChanged(const Order &order);
    void onOrderRemoved(const QString &orderId);
    void insertOrder(const Order &order);
    void onTick();
    int insertionRow(const Order &order) const;

    OrderEngine &m_engine;
    const Clock &m_clock;
    QList<Order> m_orders;
    QTimer m_tickTimer;
};
