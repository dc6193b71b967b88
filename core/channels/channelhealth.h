// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderchannel.h"
#include "retrypolicy.h"

#include <QString>

#include <optional>

/** How one destination is doing: what a sync status view or kc-admin shows. */
struct ChannelHealth
{
    QString destination;
    OrderChannel::State state = OrderChannel::State::Offline;
    int pending = 0; // outbox rows waiting for this destination (parked ones included)
    std::optional<qint64> oldestPendingAt; // UTC ms, when the oldest of them was queued
    QString lastError; // the latest refusal or failed attempt, empty after a delivery
    int deadLetters = 0;
    int parkedEvents = 0; // pending rows waiting behind a dead letter of their order
    int parkedOrders = 0; // the orders those belong to
    std::optional<qint64> heldUntil; // UTC ms: the far end asked for nothing before then
};
