// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channelhealth.h"
#include "channels/retrypolicy.h"
#include "common/result.h"
#include "platformchannel.h"
#include "platformlink.h"
#include "protocol/protocol.h"
#include "store/storefault.h"

#include <QObject>
#include <QPointer>

class ChannelDispatcher;
class ChannelRegistry;
class OrderEngine;
class Store;

/**
 * Keeps this console and the platform in step over a PlatformLink: applies the platform's events
 * through the engine (inbox, batches, cursor in the same transaction), with a guard against gaps
 * in their sequence, and registers the platform's PlatformChannel with the engine, whose
 * dispatcher sends the outbox and hands acks and rejects on as verdicts. Everything survives a
 * restart because the outbox and the cursor live in the store.
 */
class SyncClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncClient)

public:
    static inline const QString destination = PlatformChannel::name;

    SyncClient(OrderEngine &engine, Store &store, PlatformLink &link, QObject *parent = nullptr);
    ~SyncClient() override;

    /** Starts the link (see PlatformLink::start); the hello carries the stored cursor. */
    Result<void> start();
    void stop();

    /** The last platform sequence number whose events are committed here. */
    qint64 cursor() const;
    /**
     * The platform channel's health, as its dispatcher reads it: events waiting, since when the
     * oldest waits, the last error, dead letters.
     */
    ChannelHealth health() const;
    PlatformLink::State linkState() const { return m_link.state(); }
    /** Whether this session began with nothing of the platform's here: a console joining. */
    bool isJoining() const { return m_joining; }
    /** The platform as a destination of this console's events (for FeedMonitor, health). */
    const PlatformChannel &channel() const { return m_channel; }

    /**
     * True while the platform's events cannot be stored here (disk full, store locked, I/O
     * error): they are fetched again once the store writes again. The engine's storeFault()
     * says why.
     */
    bool isNotSaving() const { return m_notSaving; }

    /** How long an unacknowledged submit waits before it is sent again. */
    void setAckTimeoutMs(int ms);
    /**
     * When a submit the hub failed, or left unanswered while answering later ones, goes again,
     * and after how many such attempts it goes to the dead letters (its order's later events
     * parked behind it). The link's own outages never count.
     */
    void setRetryPolicy(const RetryPolicy &policy);

Q_SIGNALS:
    /**
     * Link state, pending count, cursor or what the platform allows this console
     * (ChannelRegistry::platformRights) changed: whatever shows sync health should refresh.
     */
    void statusChanged();
    /**
     * The platform is replaying history this console missed (more of it follows), or it has
     * finished (or the link dropped): what reacts to each event may wait for the whole of it.
     */
    void catchingUpChanged(bool catchingUp);

private:
    void setCatchingUp(bool catchingUp);
    void onEvents(const Protocol::Events &events);
    void onIncomingFailed(const QString &source, StoreFault fault);
    /** Keeps what the platform's welcome says this console may do. */
    void keepRights(const Protocol::Welcome &welcome);
    void reportProgress();

    OrderEngine &m_engine;
    Store &m_store;
    PlatformLink &m_link;
    PlatformChannel m_channel;
    QPointer<ChannelRegistry> m_channels; // the engine's; gone if the engine goes first
    QPointer<ChannelDispatcher> m_dispatcher;
    bool m_notSaving = false; // the platform's latest batch could not be stored
    bool m_progressWanted = false; // the hub keeps a replay window: tell it what is stored
    bool m_catchingUp = false;
    qint64 m_lastSeq = 0; // the last platform sequence number received on this link
    bool m_snapshotSession = false; // this session's welcome announced a bootstrap snapshot
    bool m_joining = false; // this session began at cursor 0
};
