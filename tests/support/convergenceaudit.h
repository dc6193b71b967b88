// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hub/hublog.h"
#include "order/order.h"
#include "protocol/protocol.h"

#include <QList>
#include <QStringList>

class Store;

/** The platform's log of one store as the hub holds it. */
struct PlatformView
{
    QList<Order> orders;
    qint64 eventCount = 0;
    qint64 head = 0;
    QList<Protocol::SequencedEvent> events; // the whole log, for the audit

    /** Read from the hub's log, on the thread that owns it (inline: only its users link kc_hub). */
    static PlatformView of(HubLog &log, const QString &storeId)
    {
        PlatformView view;
        view.orders = log.orders(storeId);
        view.eventCount = log.eventCount(storeId);
        view.head = log.head(storeId);
        view.events = log.eventsAfter(storeId, 0, int(view.head) + 1);
        return view;
    }
};

/**
 * Whether a console's store equals the platform's log of its store, in words: the one check that
 * the sync tests (SyncTest::checkConverged), the shift soak and the lunch-rush run share.
 */
namespace ConvergenceAudit {
/** Orders here that are missing or differ (state, event count, items) from the platform's. */
QStringList orderProblems(Store &store, const QList<Order> &platformOrders);
/**
 * Everything that keeps the console from equalling the platform: orderProblems, every platform
 * event stored once with its place, the cursor at the head, and settledProblems. Empty when it
 * converged.
 */
QStringList problems(Store &store, qint64 cursor, const PlatformView &platform);
/**
 * Nothing left to send, the projection equal to its log, and the platform's log audited event by
 * event against this store.
 */
QStringList settledProblems(Store &store, const PlatformView &platform);
} // namespace ConvergenceAudit
