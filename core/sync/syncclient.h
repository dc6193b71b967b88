// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platformlink.h"
#include "protocol/protocol.h"
#include "store/storefault.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <optional>

class Clock;
class OrderEngine;
class Store;

/**
 * Keeps this console and the platform in step over a PlatformLink: applies the platform's events
 * through the engine (inbox, batches, cursor in the same transaction), sends the outbox in order,
 * and turns acks and rejects into confirmations and alerts. Everything survives a restart because
 * the outbox and the cursor live in the store.
 */
class SyncClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncClient)

public:
    static inline const QString destination = QStringLiteral("platform");

    SyncClient(OrderEngine &engine, Store &store, PlatformLink &link, const Clock &clock,
               QObject *parent = nullptr);

    /** Starts the link; the hello carries the stored cursor. */
    bool start();
    void stop();

    /** The last platform sequence number whose events are committed here. */
    qint64 cursor() const;
    /** Events waiting to reach the platform, and since when the oldest waits. */
    int pendingCount() const;
    std::optional<qint64> oldestPendingAt() const;
    PlatformLink::State linkState() const { return m_link.state(); }

    /**
     * True while the platform's events cannot be stored here (disk full, store locked, I/O
     * error): they are fetched again once the store writes again. The engine's storeFault()
     * says why.
     */
    bool isNotSaving() const { return m_notSaving; }

    /** How long an unacknowledged submit waits before it is sent again. */
    void setAckTimeoutMs(int ms) { m_ackTimer.setInterval(ms); }

Q_SIGNALS:
    /** Link state, pending count or cursor changed: whatever shows sync health should refresh. */
    void statusChanged();

private:
    void onReceived(const Protocol::Message &message);
    void onEvents(const Protocol::Events &events);
    void onIncomingFailed(const QString &source, StoreFault fault);
    void onVerdictRecorded(const QUuid &eventId, bool recorded);
    void scheduleDispatch();
    void dispatch();

    OrderEngine &m_engine;
    Store &m_store;
    PlatformLink &m_link;
    const Clock &m_clock;
    QSet<QUuid> m_inFlight; // sent, not yet acked or rejected
    QSet<QUuid> m_awaitingRecord; // acked or rejected, the engine has not recorded it yet
    bool m_notSaving = false; // the platform's latest batch could not be stored
    qint64 m_lastSeq = 0; // the last platform sequence number received on this link
    QTimer m_dispatchSoon;
    QTimer m_ackTimer;
};
