// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <optional>

class Clock;
class OrderEngine;

/**
 * The kitchen's speed as the header shows it: the average ticket time (placed to ready) of the
 * tickets that came ready within the last hour, as a line cook reads it off a Toast or Fresh
 * screen. Fed by the engine as tickets change; at start it knows the tickets that are ready now.
 * The dashboard's figures come from the log; this is only the board's glance.
 */
class TicketTimes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketTimes)

public:
    static constexpr qint64 windowMs = 60 * 60 * 1000;

    TicketTimes(OrderEngine &engine, const Clock &clock, QObject *parent = nullptr);

    /** The average over the last hour; none when no ticket came ready in it. */
    std::optional<qint64> averageMs() const;
    /** Tickets that came ready within the last hour. */
    int count() const;

    /** Takes note of an order as it now stands. */
    void note(const Order &order);

Q_SIGNALS:
    void changed();

private:
    void prune() const;

    const Clock &m_clock;
    struct Done
    {
        qint64 readyAt = 0;
        qint64 ticketMs = 0;
        QString orderId;
    };
    mutable std::deque<Done> m_done; // in readyAt order
    mutable qint64 m_totalMs = 0;
    mutable QHash<QString, qint64> m_counted; // order id → readyAt: a recall and bump counts once
};
