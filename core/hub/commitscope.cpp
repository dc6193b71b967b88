// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commitscope.h"

#include "hubrecords.h"

CommitScope::CommitScope(HubRecords &records)
    : m_records(records)
{ }

QList<SubmitOutcome> CommitScope::submit(const QList<OrderEvent> &events, const Submitter &by)
{
    const QList<SubmitOutcome> outcomes = m_records.log().submitInGroup(events, by);
    for (const SubmitOutcome &outcome : outcomes) {
        if (outcome.status == SubmitOutcome::Status::Accepted)
            m_accepted.append(outcome);
    }
    return outcomes;
}
