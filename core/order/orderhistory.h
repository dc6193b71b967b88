// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order.h"
#include "orderevent.h"

#include <QList>
#include <QUuid>

#include <optional>

/** Where an event stands in its order's history. */
struct HistoryPosition
{
    std::optional<qint64> hubSeq; // set once the platform logged it: its authoritative position
    qint64 localSeq = 0; // position in this console's log
};

/** One event of an order's history, with what the platform said about it. */
struct HistoryEntry
{
    OrderEvent event;
    qint64 localSeq = 0; // position in this console's log
    std::optional<qint64> hubSeq; // set once the platform logged it: its authoritative position
    bool rejected = false; // the platform refused it: it never happened
};

/** The order an order's history folds to, and which local events no longer fit. */
struct HistoryFold
{
    std::optional<Order> order;
    QList<QUuid> superseded; // events not yet confirmed that no longer fit (doomed to be rejected)
    QStringList problems; // confirmed events that do not fit: a broken log
};

/**
 * Folds an order's events the way the platform sees them: what the platform logged, in its
 * order, then what this console did that the platform has not confirmed yet, in local order.
 * Rejected events are left out. This is how "the platform is the authority" becomes a projection.
 */
namespace OrderHistory {
HistoryFold fold(QList<HistoryEntry> entries);
/**
 * Whether a comes before b in that history: what the platform logged first, by its sequence,
 * then the rest by local sequence. Whoever orders an order's events uses this one rule.
 */
bool comesBefore(const HistoryPosition &a, const HistoryPosition &b);
} // namespace OrderHistory
