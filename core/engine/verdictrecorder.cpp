// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "verdictrecorder.h"

#include "channels/channeldispatcher.h"
#include "enginelogging.h"
#include "incomingpipeline.h"

VerdictRecorder::VerdictRecorder(Store &store, IncomingPipeline &incoming, QObject *parent)
    : QObject(parent), m_store(store), m_incoming(incoming)
{
    connect(&m_incoming, &IncomingPipeline::batchHeard, this, &VerdictRecorder::applyHeld);
}

void VerdictRecorder::watch(ChannelDispatcher &dispatcher)
{
    connect(&dispatcher, &ChannelDispatcher::verdictAccepted, this, &VerdictRecorder::accept);
    connect(&dispatcher, &ChannelDispatcher::verdictRefused, this, &VerdictRecorder::reject);
    connect(this, &VerdictRecorder::recorded, &dispatcher, &ChannelDispatcher::verdictRecorded);
}

void VerdictRecorder::accept(const QUuid &eventId, qint64 position, const QString &deliveredTo)
{
    if (!holdBehindIncoming({eventId, position, {}, deliveredTo}))
        record(eventId, position, {}, deliveredTo);
}

void VerdictRecorder::reject(const QUuid &eventId, const QString &reason)
{
    if (!holdBehindIncoming({eventId, std::nullopt, reason, {}}))
        record(eventId, std::nullopt, reason, {});
}

bool VerdictRecorder::holdBehindIncoming(Held verdict)
{
    if (m_incoming.heardCount() >= m_incoming.queuedCount())
        return false;
    verdict.afterIncoming = m_incoming.queuedCount();
    m_held.append(verdict);
    return true;
}

void VerdictRecorder::record(const QUuid &eventId, std::optional<qint64> position,
                             const QString &reason, const QString &deliveredTo)
{
    const AppendResult result = position ? m_store.confirm(eventId, *position, deliveredTo)
                                         : m_store.markRejected(eventId, reason);
    Q_EMIT storeFaultNoted(result.status == AppendResult::Status::Failed ? result.fault
                                                                         : StoreFault::None);
    Q_EMIT recorded(eventId, result.status != AppendResult::Status::Failed);
    if (!result.committed()) {
        // A refusal already recorded was already told: staff hear of each refusal once.
        if (result.status == AppendResult::Status::Failed
            || (!position && result.status != AppendResult::Status::Duplicate))
            qCWarning(lcEngine).noquote() << "cannot record the platform's"
                                          << (position ? "ack:" : "refusal:") << result.error;
        return;
    }
    m_incoming.noteLocalChange(result.event.orderId);
    if (position)
        Q_EMIT accepted(result);
    else
        Q_EMIT rejected(result, reason);
}

void VerdictRecorder::applyHeld()
{
    while (!m_held.isEmpty() && m_held.constFirst().afterIncoming <= m_incoming.heardCount()) {
        const Held verdict = m_held.takeFirst();
        record(verdict.eventId, verdict.position, verdict.reason, verdict.deliveredTo);
    }
}
