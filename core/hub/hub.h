// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubcommitter.h"
#include "submitoutcome.h"
#include "submitter.h"
#include "order/storepolicy.h"
#include "protocol/protocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class HubLog;
class OrderHold;
class HubRecords;

/**
 * The one path every event takes into the hub, whoever sends it (a console over WebSocket, the
 * HTTP API, the simulator): the log decides on the hub's commit thread (HubCommitter), which
 * commits what arrives together in one transaction, and every newly accepted event is announced
 * here, in seq order, as soon as it is durable, so the server fans it out at once.
 */
class Hub final : public QObject
{
    Q_OBJECT

public:
    /** maxGroup: requests committed together at most (HubCommitter). */
    explicit Hub(HubRecords &records,
                 int maxGroup = HubCommitter::defaultMaxPartsPerGroup,
                 QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Hub)

    /** The hub's records: stores, credentials, idempotency keys and the log. */
    HubRecords &records() { return m_records; }
    /** The authoritative log, for reads (writes go through submit()). */
    HubLog &log();

    using Outcomes = std::function<void(const QList<SubmitOutcome> &outcomes)>;

    /**
     * Submits events in one part of the next group commit; once it is durable, emits accepted()
     * for each appended one, in order, then calls done on this thread with one outcome each
     * (all Failed if the write failed). by: who hands them in (HubLog::submit). done is skipped
     * if context is given and gone by then. With a hold, events of an order it holds are left
     * unjudged (Failed), and events that could not be stored hold their orders (OrderHold).
     */
    void submitLater(const QList<OrderEvent> &events, const Submitter &by, QObject *context,
                     Outcomes done, std::shared_ptr<OrderHold> hold = nullptr);
    /** Runs work in the next group commit (HubCommitter::enqueue), for reads and writes together. */
    void commitLater(const QStringList &stores, HubCommitter::Work work, QObject *context,
                     HubCommitter::Done done);

    /**
     * submitLater() and wait for it: blocks this thread until the event is durable. For tools,
     * tests and the simulator; what serves sockets uses submitLater().
     */
    SubmitOutcome submit(const OrderEvent &event, const Submitter &by = Submitter::platform());
    /** submitLater() and wait for it, as submit(). */
    QList<SubmitOutcome> submitAll(const QList<OrderEvent> &events,
                                   const Submitter &by = Submitter::platform());
    /** Transactions the commit thread has made durable (for tests and benches). */
    quint64 groupsCommitted() const { return m_committer.groupsCommitted(); }
    /** Requests waiting for the next group commit (for tests and health). */
    int partsWaiting() const { return m_committer.partsWaiting(); }

    /**
     * Events of the store's log this process may not have committed (another process's, over a
     * shared database): a change of the store's rules is read again before its next order.
     */
    void noteLogged(const QString &storeId, const QList<Protocol::SequencedEvent> &events);

Q_SIGNALS:
    /** A new event is in the store's log under event.seq. */
    void accepted(const QString &storeId, const Protocol::SequencedEvent &event);
    /** The same, once per store for all events one submit appended: fan-out sends them as one. */
    void acceptedTogether(const QString &storeId, const QList<Protocol::SequencedEvent> &events);

private:
    quint64 enqueueSubmit(const QList<OrderEvent> &events, const Submitter &by, QObject *context,
                          Outcomes done, std::shared_ptr<OrderHold> hold = nullptr);
    void announce(const QList<SubmitOutcome> &accepted);
    /** The events with the store's routes applied to the items of placed and modified ones. */
    QList<OrderEvent> routed(QList<OrderEvent> events);
    const QList<StationRoute> &routesOf(const QString &storeId);

    HubRecords &m_records;
    HubCommitter m_committer;
    QHash<QString, QList<StationRoute>> m_routes; // by store, as its latest rules say
};
