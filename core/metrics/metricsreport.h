// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "figureset.h"
#include "metricswindow.h"

#include <QList>
#include <QMap>
#include <QString>

#include <array>

/** An open order a manager should look at, with why. */
struct WatchedOrder
{
    enum class Why {
        Stuck, // in one state past that state's threshold
        Late, // past its promised time, or the late age, and still not ready
    };

    QString orderId;
    QString number;
    OrderState state = OrderState::Placed;
    qint64 since = 0; // UTC ms it entered its state
    qint64 placedAt = 0;
    qint64 promisedAt = 0;
    Why why = Why::Stuck;
};

/** Every figure of the dashboard for one window, as of computedAt: a plain value to show. */
struct MetricsReport
{
    MetricsWindow window;
    qint64 computedAt = 0; // UTC ms: "now" for the ages and the stuck list
    qint64 lastSeq = 0; // the last event of the log the figures include

    FigureSet all;
    QMap<OrderType, FigureSet> byType;
    QMap<QString, FigureSet> bySource; // "platform", "pos:square"…
    QMap<QString, FigureSet> byStation; // orders with work done at the station
    std::array<FigureSet, 24> byHour; // local hour the order was placed
    // Orders entering each state, by local hour of the day: the flow across the day.
    std::array<std::array<int, OrderTimeline::stateCount>, 24> flow{};

    QList<WatchedOrder> stuck; // longest waiting first
    QList<WatchedOrder> late;
};
