// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakaudit.h"

#include "platformthread.h"

#include "hub/hublog.h"
#include "order/order.h"
#include "order/stationrules.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"
#include "sync/platformaudit.h"
#include "sync/syncclient.h"

#include <QSqlQuery>

namespace SoakAudit {

QStringList stillInKitchen(HubLog &log, const QString &storeId)
{
    QStringList open;
    for (const Order &order : log.orders(storeId)) {
        if (order.isOpen())
            open.append(QStringLiteral("%1 %2 (open at: %3)")
                            .arg(order.number, OrderStates::toString(order.state),
                                 StationRules::openStations(order).join(QLatin1Char(','))));
    }
    return open;
}

QStringList convergenceProblems(Store &store, const SyncClient &client,
                                const PlatformView &platform)
{
    QStringList problems;
    const auto expect = [&problems](bool holds, const QString &what) {
        if (!holds)
            problems.append(what);
        return holds;
    };
    const QList<Order> &hubOrders = platform.orders;
    const qsizetype local = store.orders(false).size();
    expect(
        local == hubOrders.size(),
        QStringLiteral("the console has %1 orders, the hub %2").arg(local).arg(hubOrders.size()));
    for (const Order &hubOrder : hubOrders) {
        const std::optional<Order> order = store.order(hubOrder.id);
        if (!expect(order.has_value(), QStringLiteral("order %1 missing").arg(hubOrder.id)))
            continue;
        expect(order->state == hubOrder.state && order->eventCount == hubOrder.eventCount
                   && order->items == hubOrder.items,
               QStringLiteral("order %1 differs from the hub's (%2, %3 events here; %4, %5 there)")
                   .arg(hubOrder.id, OrderStates::toString(order->state))
                   .arg(order->eventCount)
                   .arg(OrderStates::toString(hubOrder.state))
                   .arg(hubOrder.eventCount));
    }
    const qint64 hubEvents = platform.eventCount;
    QSqlQuery counts(StoreDatabase::of(store));
    if (expect(
            counts.exec(QStringLiteral("SELECT count(*), count(DISTINCT e.event_id) FROM events e "
                                       "JOIN event_status s ON s.event_id = e.event_id "
                                       "WHERE s.hub_seq IS NOT NULL"))
                && counts.next(),
            QStringLiteral("the store's events cannot be counted"))) {
        expect(counts.value(0).toLongLong() == hubEvents
                   && counts.value(1).toLongLong() == hubEvents,
               QStringLiteral("%1 events with a hub place here (%2 distinct), %3 at the hub")
                   .arg(counts.value(0).toLongLong())
                   .arg(counts.value(1).toLongLong())
                   .arg(hubEvents));
    }
    const int pending = Outbox(store).pendingCount();
    expect(pending == 0, QStringLiteral("%1 events left to send").arg(pending));
    expect(client.cursor() == platform.head,
           QStringLiteral("cursor %1, hub head %2").arg(client.cursor()).arg(platform.head));
    const VerifyReport verified = ProjectionVerifier(store).verify();
    problems += verified.problems;
    const PlatformAuditReport audit = PlatformAudit(store).compare(platform.events);
    expect(audit.eventsChecked == hubEvents,
           QStringLiteral("audited %1 of the hub's %2 events")
               .arg(audit.eventsChecked)
               .arg(hubEvents));
    problems += audit.problems;
    return problems;
}

} // namespace SoakAudit
