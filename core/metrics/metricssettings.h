// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QTimeZone>

#include <array>

/**
 * The thresholds the figures are judged by: the ticket-age colours (Simphony's "alert 1" and
 * "alert 2"), how long an order may sit in each state before it counts as stuck, and the store's
 * time zone for days and hours. The session fills it from the store's policy.
 */
struct MetricsSettings
{
    static constexpr qint64 minuteMs = 60 * 1000;

    qint64 warnAfterMs = 8 * minuteMs; // alert 1: the ticket turns amber
    qint64 lateAfterMs = 12 * minuteMs; // alert 2: the ticket turns red
    // Per state (OrderState as index); 0: never stuck there.
    std::array<qint64, 10> stuckAfterMs{
            5 * minuteMs, // placed: nobody accepted it
            10 * minuteMs, // accepted: nobody started it
            25 * minuteMs, // preparing
            15 * minuteMs, // ready: nobody handed it over
            0, // picked_up
            90 * minuteMs, // out_for_delivery: the courier never said delivered
            0, 0, 0, 0};
    QTimeZone zone = QTimeZone::systemTimeZone();

    qint64 stuckAfter(OrderState state) const { return stuckAfterMs[std::size_t(state)]; }

    friend bool operator==(const MetricsSettings &a, const MetricsSettings &b)
    {
        return a.warnAfterMs == b.warnAfterMs && a.lateAfterMs == b.lateAfterMs
                && a.stuckAfterMs == b.stuckAfterMs && a.zone == b.zone;
    }
    friend bool operator!=(const MetricsSettings &a, const MetricsSettings &b) { return !(a == b); }
};
