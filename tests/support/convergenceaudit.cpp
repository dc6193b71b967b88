// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "convergenceaudit.h"

#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"
#include "sync/platformaudit.h"

#include <QSqlQuery>

namespace ConvergenceAudit {

QStringList orderProblems(Store &store, const QList<Order> &platformOrders)
{
    QStringList problems;
    const qsizetype local = store.orders(false).size();
    if (local != platformOrders.size())
        problems.append(QStringLiteral("%1 orders here, %2 on the platform")
                                .arg(local)
                                .arg(platformOrders.size()));
    for (const Order &platformOrder : platformOrders) {
        const std::optional<Order> mine = store.order(platformOrder.id);
        if (!mine) {
            problems.append(QStringLiteral("order %1 (%2) missing")
                                    .arg(platformOrder.number, platformOrder.id));
        } else if (mine->state != platformOrder.state
                   || mine->eventCount != platformOrder.eventCount
                   || mine->items != platformOrder.items) {
            problems.append(QStringLiteral("order %1 (%2): %3 after %4 events here, %5 after %6 "
                                           "on the platform%7")
                                    .arg(platformOrder.number, platformOrder.id,
                                         OrderStates::toString(mine->state))
                                    .arg(mine->eventCount)
                                    .arg(OrderStates::toString(platformOrder.state))
                                    .arg(platformOrder.eventCount)
                                    .arg(mine->items != platformOrder.items
                                                 ? QStringLiteral(", items differ")
                                                 : QString()));
        }
    }
    return problems;
}

QStringList problems(Store &store, qint64 cursor, const PlatformView &platform)
{
    QStringList problems = orderProblems(store, platform.orders);
    QSqlQuery counts(StoreDatabase::of(store));
    if (!counts.exec(QStringLiteral("SELECT count(*), count(DISTINCT e.event_id) FROM events e "
                                    "JOIN event_status s ON s.event_id = e.event_id "
                                    "WHERE s.hub_seq IS NOT NULL"))
        || !counts.next()) {
        problems.append(QStringLiteral("the store's events cannot be counted"));
    } else if (counts.value(0).toLongLong() != platform.eventCount
               || counts.value(1).toLongLong() != platform.eventCount) {
        problems.append(QStringLiteral("%1 events with a platform place here (%2 distinct), %3 "
                                       "on the platform")
                                .arg(counts.value(0).toLongLong())
                                .arg(counts.value(1).toLongLong())
                                .arg(platform.eventCount));
    }
    if (cursor != platform.head)
        problems.append(QStringLiteral("cursor %1, platform head %2").arg(cursor).arg(platform.head));
    return problems + settledProblems(store, platform);
}

QStringList settledProblems(Store &store, const PlatformView &platform)
{
    QStringList problems;
    if (const int pending = Outbox(store).pendingCount(); pending > 0)
        problems.append(QStringLiteral("%1 events still waiting to be sent").arg(pending));
    problems += ProjectionVerifier(store).verify().problems;
    const PlatformAuditReport audit = PlatformAudit(store).compare(platform.events);
    if (audit.eventsChecked != platform.eventCount)
        problems.append(QStringLiteral("the platform audit checked %1 of %2 events")
                                .arg(audit.eventsChecked)
                                .arg(platform.eventCount));
    problems += audit.problems;
    return problems;
}

} // namespace ConvergenceAudit
