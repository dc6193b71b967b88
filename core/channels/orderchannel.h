// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

/**
 * One destination of this console's events (the platform, a POS): the transport only. A
 * ChannelDispatcher decides what to send and when, from the outbox rows of destination(); the
 * channel carries them and reports each event's answer through its signals. A new destination is
 * one new implementation of this class, registered in the engine's ChannelRegistry.
 */
class OrderChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderChannel)

public:
    enum class State {
        Offline, // cannot take events now; they wait in the outbox
        Connecting,
        Live, // takes events
    };
    Q_ENUM(State)

    using QObject::QObject;

    /** The outbox destination this channel delivers ("platform", "pos:square"). */
    virtual QString destination() const = 0;
    /** Whether the channel takes events now. */
    virtual State state() const = 0;
    /**
     * Hands events to the far end, in the order given, and returns how many it took (a prefix:
     * the rest go again later). Each taken event is answered later by accepted, refused or failed;
     * one that is never answered is sent again after the dispatcher's answer timeout.
     */
    virtual qsizetype send(const QList<OrderEvent> &events) = 0;
    /**
     * True when the far end is the authority on the order's history (the platform): its
     * acceptance names the event's place in its log and is recorded as the event's verdict, its
     * refusal takes the event out of the order. False for a destination that only receives
     * (a POS): acceptance is a receipt and a refusal sends the event to the dead letters.
     */
    virtual bool answersAreVerdicts() const { return false; }
    /**
     * True when the far end takes events in the order sent and judges each after the ones before
     * it (the platform's log): an order's later events may go while earlier ones await answers.
     * False: an order's next event goes only once the one before it is answered, so a failed
     * attempt can never let a later event overtake it.
     */
    virtual bool keepsOrderInFlight() const { return false; }
    /** At most this many events are offered to one send(). */
    virtual int batchLimit() const { return 100; }

Q_SIGNALS:
    void stateChanged(OrderChannel::State state);
    /** The far end said something (any frame, a heartbeat): for FeedMonitor. */
    void heard();
    /** The far end took the event; position is its place in the far end's log, or 0. */
    void accepted(const QUuid &eventId, qint64 position);
    /** The far end refused the event for good. */
    void refused(const QUuid &eventId, const QString &reason);
    /**
     * This attempt failed; the event is tried again later, or dead-lettered when out of tries.
     * retryAfterMs > 0: the far end said when to come back (a 429's or 503's Retry-After, in ms
     * from now). The event waits at least that long, and so does every other event of this
     * destination: the far end throttles the whole credential, not one request.
     */
    void failed(const QUuid &eventId, const QString &error, qint64 retryAfterMs = 0);
};
