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
    SubmitOutcome outcome = m_log.submit(event);
    if (outcome.status == SubmitOutcome::Status::Accepted)
        Q_EMIT accepted(event.storeId, Protocol::SequencedEvent {outcome.seq, outcome.event});
    return outcome;
}
