// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

class Clock;
class OrderEngine;

/**
 * A stand-in for the ordering platform in demo mode: places generated orders at a steady rate,
 * and plays the customer (occasional cancels) and the courier (collects and delivers).
 * Everything goes through the engine as incoming events, exactly as the platform's would. Its
 * order ids are its run's own, so a store kept from another run never meets one twice.
 */
class DemoFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoFeed)

public:
    DemoFeed(OrderEngine &engine, const Clock &clock, int ordersPerMinute, quint32 seed,
             QObject *parent = nullptr);

    /** Starts placing orders on the timer. */
    void start();
    void stop();
    /** Places count orders at once, e.g. to fill the board when the demo starts. */
    void placeNow(int count);
    /**
     * One step of the timer: a new order unless the store is paused (a platform sends none then),
     * then the customers and couriers of the orders already placed.
     */
    void tick();

private:
    void playCustomerAndCourier();
    IncomingEvent incoming(const QString &orderId, EventKind kind) const;

    OrderEngine &m_engine;
    const Clock &m_clock;
    OrderGenerator m_generator;
    QRandomGenerator m_random;
    QTimer m_timer;
};
