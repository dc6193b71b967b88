// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"
#include "submitter.h"
#include "order/storepolicy.h"
#include "protocol/protocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class HubLog;
class HubRecords;

/**
 * The one path every event takes into the hub, whoever sends it (a console over WebSocket, the
 * HTTP API, the simulator): the log decides, and every newly accepted event is announced at once
 * so the server fans it out within the same event-loop tick.
 */
class Hub final : public QObject
{
    Q_OBJECT

public:
    explicit Hub(HubRecords &records, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Hub)

    /** The hub's records: stores, credentials, idempotency keys and the log. */
    HubRecords &records() { return m_records; }
    /** The authoritative log, for reads (writes go through submit()). */
    HubLog &log();

    /**
     * Submits one event to the log; emits accepted() before returning if it was appended. by:
     * who hands it in (HubLog::submit); the hub's own services are the platform.
     */
    SubmitOutcome submit(const OrderEvent &event, const Submitter &by = Submitter::platform());
    /** Submits events in one transaction; emits accepted() for each appended one, in order. */
    QList<SubmitOutcome> submitAll(const QList<OrderEvent> &events,
                                   const Submitter &by = Submitter::platform());

Q_SIGNALS:
    /** A new event is in the store's log under event.seq. */
    void accepted(const QString &storeId, const Protocol::SequencedEvent &event);
    /** The same, once per store for all events one submit appended: fan-out sends them as one. */
    void acceptedTogether(const QString &storeId, const QList<Protocol::SequencedEvent> &events);

private:
    /** The events with the store's routes applied to the items of placed and modified ones. */
    QList<OrderEvent> routed(QList<OrderEvent> events);
    const QList<StationRoute> &routesOf(const QString &storeId);

    HubRecords &m_records;
    QHash<QString, QList<StationRoute>> m_routes; // by store, as its latest rules say
};
