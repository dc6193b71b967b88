// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"

#include "hubrecords.h"

#include <QHash>
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
    const QList<SubmitOutcome> outcomes = m_records.log().submitAll(events, by);
    // After the commit: nothing is announced that a crash could still take back.
    QHash<QString, QList<Protocol::SequencedEvent>> byStore;
    QStringList storeOrder;
    for (const SubmitOutcome &outcome : outcomes) {
        if (outcome.status != SubmitOutcome::Status::Accepted)
            continue;
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
