// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"
#include "submitter.h"

#include <QList>

class HubRecords;

/**
 * What one part of a group commit may do, on the commit thread and inside the group's
 * transaction: read and write through that thread's records, and submit events. The events the
 * log accepts are kept here, for the hub to announce once the whole group is durable.
 */
class CommitScope final
{
public:
    explicit CommitScope(HubRecords &records);
    Q_DISABLE_COPY_MOVE(CommitScope)

    /** The commit thread's records; their writes are part of the group's transaction. */
    HubRecords &records() { return m_records; }
    /** Submits events within the group (HubLog::submitInGroup); keeps the accepted ones. */
    QList<SubmitOutcome> submit(const QList<OrderEvent> &events,
                                const Submitter &by = Submitter::platform());
    /** What this part appended to the log, in seq order. */
    const QList<SubmitOutcome> &accepted() const { return m_accepted; }

private:
    HubRecords &m_records;
    QList<SubmitOutcome> m_accepted;
};
