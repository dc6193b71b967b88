// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"

#include "hubrecords.h"

#include "order/itemrouting.h"
#include "order/storepolicycodec.h"

#include <QStringList>

Hub::Hub(HubRecords &records, QObject *parent)
    : QObject(parent)
    , m_records(records)
{ }

HubLog &Hub::log()
{
    return m_records.log();
}

SubmitOutcome Hub::submit(const OrderEvent &event, const Submitter &by)
{
    return submitAll({event}, by).constFirst();
}

QList<SubmitOutcome> Hub::submitAll(const QList<OrderEvent> &events, const Submitter &by)
{
    // The platform's own orders take the store's routes here, where they enter the log; a
    // console's (its POS's orders) were routed by the console, and its events are never altered.
    const QList<SubmitOutcome> outcomes = m_records.log().submitAll(
            by.kind() == Submitter::Kind::Platform ? routed(events) : events, by);
    // After the commit: nothing is announced that a crash could still take back.
    QHash<QString, QList<Protocol::SequencedEvent>> byStore;
    QStringList storeOrder;
    for (const SubmitOutcome &outcome : outcomes) {
        if (outcome.status != SubmitOutcome::Status::Accepted)
            continue;
        if (outcome.event.kind == EventKind::StorePolicyChanged)
            m_routes.remove(outcome.event.storeId); // read again from the log when next needed
        const Protocol::SequencedEvent sequenced {outcome.seq, outcome.event};
        Q_EMIT accepted(outcome.event.storeId, sequenced);
        if (!byStore.contains(outcome.event.storeId))
            storeOrder.append(outcome.event.storeId);
        byStore[outcome.event.storeId].append(sequenced);
    }
    for (const QString &storeId : std::as_const(storeOrder))
        Q_EMIT acceptedTogether(storeId, byStore.value(storeId));
    return outcomes;
}

QList<OrderEvent> Hub::routed(QList<OrderEvent> events)
{
    for (OrderEvent &event : events) {
        if (event.kind != EventKind::Placed && event.kind != EventKind::Modified)
            continue;
        const QList<StationRoute> &routes = routesOf(event.storeId);
        if (routes.isEmpty())
            continue;
        const QJsonValue items = event.payload.value(QStringLiteral("items"));
        if (items.isArray()) // anything else is the log's to refuse, as sent
            event.payload.insert(QStringLiteral("items"),
                                 ItemRouting::routed(items.toArray(), routes));
    }
    return events;
}

const QList<StationRoute> &Hub::routesOf(const QString &storeId)
{
    auto known = m_routes.constFind(storeId);
    if (known != m_routes.constEnd())
        return *known;
    QList<StationRoute> routes;
    if (const std::optional<Protocol::SequencedEvent> last =
                m_records.log().lastStoreEvent(storeId, {EventKind::StorePolicyChanged})) {
        const Result<StorePolicy> policy = StorePolicyCodec::fromJson(
                last->event.payload.value(QStringLiteral("policy")).toObject());
        if (policy)
            routes = policy->routes;
    }
    return *m_routes.insert(storeId, routes);
}
