// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channelhealth.h"
#include "orderchannel.h"
#include "retrypolicy.h"

#include "common/backoff.h"
#include "store/outbox.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUuid>

#include <optional>

class Clock;
class Store;

/**
 * Delivers one destination's outbox through its OrderChannel: sends what is due, in log order
 * per order; sends again what went unanswered (a lost link, the answer timeout); schedules a
 * failed attempt's retry by the RetryPolicy (capped exponential backoff with full jitter, or the
 * far end's Retry-After if longer, which then holds the whole destination) and dead-letters the
 * event when it runs out of tries; its order's later events are then parked behind it (Outbox).
 * An event left unanswered while the far end answered what was sent after it counts as a failed
 * attempt too (a poison the far end chokes on without a word); silence about everything is an
 * outage and counts nothing. An event that failed or went unanswered before goes in a send() of
 * its own, and its order's later events wait for it, so a far end that fails a whole batch for
 * one bad event never holds other orders back.
 * A receipt is recorded here (the outbox row goes); a verdict is handed on (verdictAccepted,
 * verdictRefused) and the event is neither in flight nor due until verdictRecorded says it was
 * written, so it is never sent again meanwhile.
 */
class ChannelDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelDispatcher)

public:
    static constexpr int defaultAnswerTimeoutMs = 15'000;
    static constexpr int defaultPollIntervalMs = 30'000;
    static constexpr int lookaheadEntries = 32; // read ahead of a delivery destination's room
    static constexpr int deliveredWindowMs = 5; // how long a delivery waits for others to share its commit

    /** A hold the far end asked for before a restart (Outbox::heldUntil) is kept. */
    ChannelDispatcher(OrderChannel &channel, Store &store, const Clock &clock,
                      const RetryPolicy &policy = {}, QObject *parent = nullptr);
    /** Deliveries not yet written are written now. */
    ~ChannelDispatcher() override;

    OrderChannel &channel() const { return m_channel; }
    QString destination() const { return m_destination; }
    /** The destination's state, queue, parked events, hold, last error and dead letters, now. */
    ChannelHealth health() const;

    /** How long a sent event waits for its answer before it is sent again. */
    void setAnswerTimeoutMs(int ms) { m_answerTimeoutMs = ms; }
    /**
     * How often the outbox is read while nothing else prompts it, so rows another program wrote
     * (kc-admin redriving a dead letter) go without waiting for the next local event.
     */
    void setPollIntervalMs(int ms) { m_pollTimer.setInterval(ms); }
    void setRetryPolicy(const RetryPolicy &policy);
    const RetryPolicy &retryPolicy() const { return m_policy; }
    /**
     * An order's ending step (handed over, cancelled, rejected, refunded) goes here only once
     * destination (the platform) no longer has it queued, and the order's later steps wait with
     * it: a POS cannot take an ending back if the platform refuses it (Outbox::due).
     */
    void setEndingsWaitFor(const QString &destination) { m_endingsWaitFor = destination; }
    const QString &endingsWaitFor() const { return m_endingsWaitFor; }

    /** Sends what is due soon (coalesced): a local event was committed, the link came back. */
    void dispatchSoon();
    /** The outbox changed from outside (a dead letter redriven or discarded): look again soon. */
    void outboxChanged();
    /** The verdict on eventId was written (or could not be): it may go again if it was not. */
    void verdictRecorded(const QUuid &eventId, bool recorded);

Q_SIGNALS:
    /** The authority logged the event at position: record it with its outbox row, once. */
    void verdictAccepted(const QUuid &eventId, qint64 position, const QString &destination);
    /** The authority refused the event: record the refusal. */
    void verdictRefused(const QUuid &eventId, const QString &reason);
    /** Something health() shows changed. */
    void healthChanged();

private:
    /** An event handed to the channel, not yet answered. */
    struct InFlight
    {
        int failedBefore = 0; // attempts that failed before this one
        quint64 sending = 0; // which send() carried it
        qint64 sentAtMs = 0; // on m_uptime: its answer is due m_answerTimeoutMs later
        bool mayCount = true; // false: answered before, waiting only for its verdict's record
    };
    /**
     * What pick() chose, in log order, cut into the send() calls it goes in: events that failed
     * or went unanswered before each in a call of its own, the others together between them.
     */
    struct Picked
    {
        QList<QList<OutboxEntry>> sends;
        qsizetype events = 0;
    };

    void dispatch();
    /** Hands events to the channel in one send(); how many it took. */
    qsizetype sendNow(const QList<OutboxEntry> &entries);
    /** The event's attempt ends with an answer: its in-flight record, if it was in flight. */
    std::optional<InFlight> takeAnswered(const QUuid &eventId);
    void onAnswerTimeout();
    void armAnswerTimer();
    /** The event's failures-th attempt failed: retry it later, or dead-letter it. */
    void countFailure(const QUuid &eventId, int failures, const QString &error,
                      qint64 retryAfterMs);
    void onStateChanged(OrderChannel::State state);
    void onAccepted(const QUuid &eventId, qint64 position);
    void onRefused(const QUuid &eventId, const QString &reason);
    void onFailed(const QUuid &eventId, const QString &error, qint64 retryAfterMs);
    void holdUntil(qint64 untilMs);
    void deadLetter(const QUuid &eventId, const QString &error);
    void retryIn(qint64 ms);
    void recordDelivered();
    /** Up to room entries of m_lookahead to send now, in log order, one per order if it must. */
    Picked pick(int room);

    OrderChannel &m_channel;
    const QString m_destination; // kept: the channel may be going when the last deliveries are written
    Store &m_store;
    const Clock &m_clock;
    RetryPolicy m_policy;
    Backoff m_backoff; // the jitter's random source, shaped by m_policy
    qint64 m_notBefore = 0; // UTC ms: the far end asked for nothing before then (Retry-After)
    QHash<QUuid, InFlight> m_inFlight; // sent, not yet answered
    quint64 m_sends = 0; // send() calls so far
    quint64 m_lastAnsweredSending = 0; // the latest send() whose event was answered
    QElapsedTimer m_uptime; // answer deadlines: the wall clock may jump
    int m_answerTimeoutMs = defaultAnswerTimeoutMs;
    QString m_endingsWaitFor;
    QSet<QUuid> m_awaitingRecord; // answered with a verdict not yet written
    QSet<QUuid> m_unanswered; // left unanswered once: sent alone, its order waiting, until answered
    // Delivered, not yet struck from the outbox: written together, one commit for a few answers,
    // since a commit waits for the disk and a POS answers several writes at once. Lost in a
    // crash, they are sent again, and the far end's idempotency keys make that harmless.
    QSet<QUuid> m_delivered;
    QList<OutboxEntry> m_lookahead; // due entries read ahead, in log order; cleared on a failure
    QTimer m_recordDelivered;
    QString m_lastError;
    QTimer m_dispatchSoon;
    QTimer m_answerTimer;
    QTimer m_retryTimer;
    QTimer m_pollTimer;
};
