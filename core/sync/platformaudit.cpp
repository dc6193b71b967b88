// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformaudit.h"

#include "platformchannel.h"

#include "order/projector.h"
#include "store/store.h"
#include "store/storearchiver.h"

#include <QHash>
#include <QSet>

namespace {
// The platform's events are filed under its channel's name: inbox, cursor and outbox alike.
const QString &platformSource = PlatformChannel::name;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

PlatformAuditReport PlatformAudit::compare(const QList<Protocol::SequencedEvent> &platformLog) const
{
    PlatformAuditReport report;
    const qint64 cursor = m_store.cursor(platformSource).toLongLong();
    const QHash<QUuid, EventVerdict> verdicts = m_store.verdicts();
    QHash<QUuid, OrderEvent> local;
    for (const OrderEvent &event : m_store.allEvents())
        local.insert(event.id, event);
    // Finished orders moved to an archive file are held there, with their verdicts.
    const QSet<QUuid> archivedEvents = StoreArchiver::archivedEventIds(m_store);
    const QSet<QString> archivedOrders = StoreArchiver::archivedOrderIds(m_store);

    // The platform's side: each of its events that this console has reached.
    QHash<qint64, QUuid> platformIdAt;
    QHash<QString, std::optional<Order>> platformOrders;
    for (const Protocol::SequencedEvent &logged : platformLog) {
        platformIdAt.insert(logged.seq, logged.event.id);
        if (!logged.event.orderId.isEmpty()) {
            const Projection folded =
                    Projector::apply(platformOrders.value(logged.event.orderId), logged.event);
            if (folded)
                platformOrders.insert(logged.event.orderId, folded.toOptional());
        }
        if (logged.seq > cursor)
            continue; // not reached yet: a replay brings it
        ++report.eventsChecked;
        const QString id = idText(logged.event.id);
        if (!local.contains(logged.event.id)) {
            if (archivedEvents.contains(logged.event.id))
                continue;
            report.problems.append(QStringLiteral("the platform's event %1 (%2) is missing here")
                                           .arg(logged.seq)
                                           .arg(id));
            continue;
        }
        const EventVerdict verdict = verdicts.value(logged.event.id);
        if (verdict.refusal)
            report.problems.append(QStringLiteral("event %1 is refused here (%2) but the platform "
                                                  "logged it at %3")
                                           .arg(id, *verdict.refusal)
                                           .arg(logged.seq));
        if (verdict.hubSeq != logged.seq)
            report.problems.append(QStringLiteral("event %1 is at %2 on the platform but at %3 "
                                                  "here")
                                           .arg(id)
                                           .arg(logged.seq)
                                           .arg(verdict.hubSeq ? QString::number(*verdict.hubSeq)
                                                               : QStringLiteral("no place")));
        if (local.value(logged.event.id).toJson() != logged.event.toJson())
            report.problems.append(
                    QStringLiteral("event %1 differs from the platform's copy").arg(id));
    }

    // This console's side: what it believes the platform said.
    const qint64 platformLast = platformLog.isEmpty() ? 0 : platformLog.constLast().seq;
    if (cursor > platformLast)
        report.problems.append(QStringLiteral("this console has read the platform's log up to "
                                              "%1, but the platform's log ends at %2")
                                       .arg(cursor)
                                       .arg(platformLast));
    QSet<QString> unsettledOrders;
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
        const QString id = idText(it.key());
        const auto verdict = verdicts.constFind(it.key());
        if (verdict == verdicts.cend()) {
            unsettledOrders.insert(it->orderId); // still on its way to the platform
            continue;
        }
        // An event with both a place and a refusal is ProjectionVerifier's to report (it runs
        // beside this in verify and in the sync tests); here only the place is compared.
        if (!verdict->hubSeq)
            continue;
        const auto there = platformIdAt.constFind(*verdict->hubSeq);
        if (there == platformIdAt.cend())
            report.problems.append(QStringLiteral("event %1 is at %2 here, where the platform "
                                                  "has no event")
                                           .arg(id)
                                           .arg(*verdict->hubSeq));
        else if (*there != it.key())
            report.problems.append(QStringLiteral("event %1 is at %2 here, where the platform "
                                                  "has event %3")
                                           .arg(id)
                                           .arg(*verdict->hubSeq)
                                           .arg(idText(*there)));
    }

    // Every order that nothing local still moves: as the platform's log has it.
    if (cursor >= platformLast) {
        for (auto it = platformOrders.cbegin(); it != platformOrders.cend(); ++it) {
            if (unsettledOrders.contains(it.key()) || !it.value()
                || archivedOrders.contains(it.key()))
                continue;
            ++report.ordersChecked;
            const std::optional<Order> here = m_store.order(it.key());
            const Order &there = *it.value();
            if (!here) {
                report.problems.append(
                        QStringLiteral("order %1 is on the platform but not here").arg(it.key()));
                continue;
            }
            if (here->state != there.state || here->items != there.items
                || here->stationsDone != there.stationsDone || !Order::sameIndexes(here->itemsDone, there.itemsDone))
                report.problems.append(QStringLiteral("order %1 is %2 here but %3 on the "
                                                      "platform")
                                               .arg(there.number.isEmpty() ? it.key()
                                                                           : there.number,
                                                    OrderStates::toString(here->state),
                                                    OrderStates::toString(there.state)));
        }
    }
    return report;
}
