// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logfollower.h"

#include "hub.h"
#include "hublog.h"
#include "hubrecords.h"

LogFollower::LogFollower(Hub &hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    const QStringList stores = m_hub.records().stores().ids();
    for (const QString &storeId : stores)
        m_lastFanned.insert(storeId, m_hub.log().head(storeId));
    connect(&m_hub, &Hub::acceptedTogether, this, &LogFollower::onAccepted);
    // What another process logged may change what this one does next (a store's routes).
    connect(this, &LogFollower::fannedOut, &m_hub, &Hub::noteLogged);
}

void LogFollower::fanOut(const QString &storeId, const QList<Protocol::SequencedEvent> &events)
{
    m_lastFanned.insert(storeId, events.constLast().seq);
    Q_EMIT fannedOut(storeId, events);
}

// Runs when the hub announces its own commit. The store's lock makes seqs commit in order, so if
// the events follow the last one fanned out nothing can be missing in between; otherwise another
// process committed the ones before them (the log has those too), or a notice already had this
// process read its own commit (reading again finds nothing new).
void LogFollower::onAccepted(const QString &storeId, const QList<Protocol::SequencedEvent> &events)
{
    if (events.isEmpty())
        return;
    if (events.constFirst().seq == lastFanned(storeId) + 1) {
        fanOut(storeId, events);
        return;
    }
    storeWritten(storeId);
}

void LogFollower::storeWritten(const QString &storeId)
{
    for (;;) {
        const QList<Protocol::SequencedEvent> next =
            m_hub.log().eventsAfter(storeId, lastFanned(storeId), Protocol::maxBatchEvents);
        if (next.isEmpty())
            return; // nothing new (this process's own commit, fanned out already), or unreadable
        fanOut(storeId, next);
        if (next.size() < Protocol::maxBatchEvents)
            return;
    }
}

void LogFollower::catchUpAll()
{
    const QStringList stores = m_hub.records().stores().ids();
    for (const QString &storeId : stores)
        storeWritten(storeId);
}
