// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ordertimeline.h"

class LocalHours;

#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>
#include <optional>

/**
 * What one order adds to the figures, read off its timeline: everything that follows from its
 * events alone. What depends on the time now (the age of a ticket still cooking, an order that is
 * stuck) is judged when a report is made, so this can be added and taken back exactly as the
 * order changes.
 */
struct OrderFigures
{
    /** A station's work on the order: the ticket fired (accepted) until the station was done. */
    struct StationTime
    {
        QString station;
        qint64 firedToDone = 0;
    };
    /** One line done on its own at a station. */
    struct LineTime
    {
        QString station;
        std::optional<qint64> firedToDone; // accepted → line done
        std::optional<qint64> startedToDone; // preparing → line done
    };

    QString orderId;
    QString number;
    OrderType type = OrderType::Pickup;
    QString source;
    OrderState state = OrderState::Placed;
    qint64 placedAt = 0;
    qint64 stateSince = 0;
    qint64 promisedAt = 0;
    int hour = 0; // local hour of the day it was placed

    std::array<std::optional<qint64>, OrderTimeline::stateCount> timeIn;
    std::optional<qint64> toReady; // placed → ready (the last time it became ready)
    std::optional<qint64> toHandedOver; // placed → picked up or out for delivery
    // placed → ready, or → cancelled for one that never got ready; unset while the kitchen still
    // has it (then its age now is what counts) and for a rejected order, which was never cooked.
    std::optional<qint64> ticketTime;
    bool ticketable = true; // false for rejected orders
    std::optional<bool> late; // ready after its promise; unset until ready, or with no promise
    bool promised = false; // had a promised time and was meant to be made (not rejected, cancelled)

    int recalls = 0;
    int refusals = 0;
    int transitions = 0;
    int unusable = 0; // steps whose time went backwards: left out of every duration
    bool rejected = false;
    bool cancelled = false;
    bool cancelledMidPrep = false; // cancelled while preparing or ready: food was being made
    QString endReason; // why it was rejected or cancelled

    QList<StationTime> stations;
    QList<LineTime> lines;
    QList<std::pair<int, OrderState>> entries; // (local hour, state entered), for the flow

    /** Whether the kitchen still has it: placed, accepted or preparing. */
    bool inKitchen() const;
    /** Whether it is still open: in the kitchen, ready, or on its way. */
    bool open() const { return OrderStates::isOpen(state); }

    /** The figures of one order (its id as given), its hours on hours' clock. */
    static OrderFigures of(const QString &orderId, const OrderTimeline &timeline,
                           LocalHours &hours);
};
