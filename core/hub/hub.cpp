// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"

#include "hublog.h"

Hub::Hub(HubLog &log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{ }

SubmitOutcome Hub::submit(const OrderEvent &event)
{
    return submitAll({event}).constFirst();
}

QList<SubmitOutcome> Hub::submitAll(const QList<OrderEvent> &events)
{
    const QList<SubmitOutcome> outcomes = m_log.submitAll(events);
    // After the commit: nothing is announced that a crash could still take back.
    for (const SubmitOutcome &outcome : outcomes) {
        if (outcome.status == SubmitOutcome::Status::Accepted)
            Q_EMIT accepted(outcome.event.storeId,
                            Protocol::SequencedEvent {outcome.seq, outcome.event});
    }
    return outcomes;
}
