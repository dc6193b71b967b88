// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channeldispatcher.h"

#include "channelslogging.h"
#include "common/cardredaction.h"
#include "common/clock.h"
#include "store/outbox.h"

#include <QSignalBlocker>

#include <algorithm>
#include <limits>

ChannelDispatcher::ChannelDispatcher(OrderChannel &channel, Store &store, const Clock &clock,
                                     const RetryPolicy &policy, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
    , m_destination(channel.destination())
    , m_store(store)
    , m_clock(clock)
    , m_policy(policy)
    , m_backoff(policy.baseMs, policy.capMs, policy.seed)
{
    if (const std::optional<qint64> held =
                Outbox(m_store).heldUntil(destination(), m_clock.nowMs())) {
        m_notBefore = *held;
        qCInfo(lcChannels).noquote() << destination() << "asked for nothing before"
                                     << m_notBefore << "; still waiting";
    }
    m_dispatchSoon.setSingleShot(true);
    m_dispatchSoon.setInterval(0);
    m_dispatchSoon.setObjectName(QStringLiteral("outbox dispatch"));
    connect(&m_dispatchSoon, &QTimer::timeout, this, &ChannelDispatcher::dispatch);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChannelDispatcher::dispatch);
    m_uptime.start();
    m_answerTimer.setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, &ChannelDispatcher::onAnswerTimeout);
    m_recordDelivered.setSingleShot(true);
    m_recordDelivered.setInterval(deliveredWindowMs);
    connect(&m_recordDelivered, &QTimer::timeout, this, &ChannelDispatcher::recordDelivered);
    m_pollTimer.setInterval(defaultPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ChannelDispatcher::dispatch);
    m_pollTimer.start();
    connect(&m_channel, &OrderChannel::stateChanged, this, &ChannelDispatcher::onStateChanged);
    connect(&m_channel, &OrderChannel::accepted, this, &ChannelDispatcher::onAccepted);
    connect(&m_channel, &OrderChannel::refused, this, &ChannelDispatcher::onRefused);
    connect(&m_channel, &OrderChannel::failed, this, &ChannelDispatcher::onFailed);
}

ChannelDispatcher::~ChannelDispatcher()
{
    // The last window's acks still go in, but nobody is told: this runs when the channel goes
    // (a POS disconnected), half destroyed by then, and listeners would ask health() of it.
    const QSignalBlocker quiet(this);
    recordDelivered();
}

ChannelHealth ChannelDispatcher::health() const
{
    const Outbox outbox(m_store);
    ChannelHealth health;
    health.destination = destination();
    health.state = m_channel.state();
    health.pending = outbox.pendingCount(health.destination);
    health.oldestPendingAt = outbox.oldestPendingAt(health.destination);
    health.lastError = m_lastError;
    health.deadLetters = outbox.deadLetterCount(health.destination);
    const ParkedCount parked = outbox.parked(health.destination);
    health.parkedEvents = parked.events;
    health.parkedOrders = parked.orders;
    if (m_notBefore > m_clock.nowMs())
        health.heldUntil = m_notBefore;
    return health;
}

void ChannelDispatcher::setRetryPolicy(const RetryPolicy &policy)
{
    m_policy = policy;
    m_backoff = Backoff(policy.baseMs, policy.capMs, policy.seed);
}

void ChannelDispatcher::dispatchSoon()
{
    if (!m_dispatchSoon.isActive())
        m_dispatchSoon.start();
}

void ChannelDispatcher::outboxChanged()
{
    Q_EMIT healthChanged();
    dispatchSoon();
}

void ChannelDispatcher::onStateChanged(OrderChannel::State state)
{
    // Whatever was in flight on a lost link goes again on the next one: the far end answers a
    // duplicate as it answered the first.
    m_lookahead.clear();
    if (state != OrderChannel::State::Live)
        m_inFlight.clear();
    else
        dispatchSoon();
    Q_EMIT healthChanged();
}

void ChannelDispatcher::dispatch()
{
    if (m_channel.state() != OrderChannel::State::Live)
        return;
    const qint64 now = m_clock.nowMs();
    if (now < m_notBefore) {
        retryIn(m_notBefore - now);
        return;
    }
    const int room = m_channel.batchLimit();
    if (room <= 0)
        return; // an answer makes room and dispatches again
    Picked picked;
    // A destination that answers deliveries (not verdicts) sends from what it read last time
    // while that lasts: a drain then reads the outbox once per few dozen events, not per answer.
    if (!m_channel.answersAreVerdicts())
        picked = pick(room);
    if (picked.events < room) {
        // The entries on their way are still in the outbox, first in line: read past them.
        const int onTheirWay =
                int(m_inFlight.size() + m_awaitingRecord.size() + m_delivered.size());
        const int extra = m_channel.answersAreVerdicts() ? 0 : lookaheadEntries;
        m_lookahead = Outbox(m_store).due(destination(), now, room + onTheirWay + extra,
                                          m_endingsWaitFor);
        picked = pick(room);
        if (m_channel.answersAreVerdicts())
            m_lookahead.clear();
    }
    qsizetype taken = 0;
    for (const QList<OutboxEntry> &entries : std::as_const(picked.sends)) {
        const qsizetype sent = sendNow(entries);
        taken += sent;
        if (sent < entries.size())
            break; // the channel is full: the rest go on a later dispatch, in order
    }
    if (taken == 0)
        return;
    armAnswerTimer();
    qCDebug(lcChannels).noquote() << "sent" << taken << "events to" << destination();
}

qsizetype ChannelDispatcher::sendNow(const QList<OutboxEntry> &entries)
{
    if (entries.isEmpty())
        return 0;
    QList<OrderEvent> events;
    events.reserve(entries.size());
    for (const OutboxEntry &entry : entries)
        events.append(entry.event);
    const qsizetype taken = m_channel.send(events);
    if (taken == 0)
        return 0;
    ++m_sends;
    const qint64 now = m_uptime.elapsed();
    for (qsizetype i = 0; i < taken; ++i)
        m_inFlight.insert(events.at(i).id, InFlight {entries.at(i).attempts, m_sends, now, true});
    return taken;
}

ChannelDispatcher::Picked ChannelDispatcher::pick(int room)
{
    Picked picked;
    const bool oneAtATime = !m_channel.keepsOrderInFlight();
    QSet<QString> busyOrders; // orders with an event on its way: their next ones wait
    QSet<QString> heldOrders; // orders whose event on its way failed before: their next ones wait
    bool lastWentAlone = false;
    for (auto it = m_lookahead.begin(); it != m_lookahead.end();) {
        const QUuid &id = it->event.id;
        if (m_delivered.contains(id)) {
            it = m_lookahead.erase(it); // there already: only the outbox does not know yet
            continue;
        }
        const QString &order = it->event.orderId;
        const auto flight = m_inFlight.constFind(id);
        const bool onItsWay = flight != m_inFlight.cend() || m_awaitingRecord.contains(id);
        const bool failedBefore = m_unanswered.contains(id)
                || (flight != m_inFlight.cend() ? flight->failedBefore > 0 : it->attempts > 0);
        const bool mustWait =
                heldOrders.contains(order) || (oneAtATime && busyOrders.contains(order));
        if (onItsWay) {
            busyOrders.insert(order);
        } else if (!mustWait && picked.events < room) {
            // Alone, or after the events just picked when they go together.
            if (failedBefore || picked.sends.isEmpty() || lastWentAlone)
                picked.sends.append(QList<OutboxEntry> {});
            picked.sends.last().append(*it);
            ++picked.events;
            lastWentAlone = failedBefore;
            busyOrders.insert(order);
        }
        if (failedBefore)
            heldOrders.insert(order);
        ++it;
    }
    return picked;
}

std::optional<ChannelDispatcher::InFlight> ChannelDispatcher::takeAnswered(const QUuid &eventId)
{
    m_unanswered.remove(eventId); // answered at last, even if late
    const auto flight = m_inFlight.constFind(eventId);
    if (flight == m_inFlight.cend())
        return std::nullopt;
    const InFlight answered = flight.value();
    m_inFlight.erase(flight);
    m_lastAnsweredSending = std::max(m_lastAnsweredSending, answered.sending);
    return answered;
}

void ChannelDispatcher::armAnswerTimer()
{
    if (m_inFlight.isEmpty()) {
        m_answerTimer.stop();
        return;
    }
    qint64 firstDue = std::numeric_limits<qint64>::max();
    for (const InFlight &flight : std::as_const(m_inFlight))
        firstDue = std::min(firstDue, flight.sentAtMs + m_answerTimeoutMs);
    const qint64 wait = std::max<qint64>(0, firstDue - m_uptime.elapsed());
    if (!m_answerTimer.isActive() || m_answerTimer.remainingTime() > wait)
        m_answerTimer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void ChannelDispatcher::onAnswerTimeout()
{
    const qint64 now = m_uptime.elapsed();
    QList<QUuid> overdue;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (now - it->sentAtMs >= m_answerTimeoutMs)
            overdue.append(it.key());
    }
    int counted = 0;
    for (const QUuid &id : std::as_const(overdue)) {
        const InFlight flight = m_inFlight.take(id);
        if (flight.mayCount)
            m_unanswered.insert(id);
        // Silence about everything is an outage, not this event's fault: it is sent again
        // uncounted. Silence about it alone, while later sends were answered, is a failure.
        if (!flight.mayCount || m_lastAnsweredSending <= flight.sending)
            continue;
        ++counted;
        countFailure(id, flight.failedBefore + 1,
                     tr("No answer from %1, which answered later events.").arg(destination()),
                     0);
    }
    if (!overdue.isEmpty()) {
        qCInfo(lcChannels).noquote() << overdue.size() << "events to" << destination()
                                     << "unanswered (" << counted
                                     << "while later ones were answered); sending again";
        m_lookahead.clear();
        Q_EMIT healthChanged();
    }
    dispatch();
    armAnswerTimer();
}

void ChannelDispatcher::onAccepted(const QUuid &eventId, qint64 position)
{
    (void)takeAnswered(eventId);
    m_lookahead.removeIf([&eventId](const OutboxEntry &entry) { return entry.event.id == eventId; });
    m_lastError.clear();
    if (m_channel.answersAreVerdicts()) {
        // Until the verdict is written (it may wait behind incoming events) the event is neither
        // in flight nor due: sending it again would ask for a second verdict.
        m_awaitingRecord.insert(eventId);
        Q_EMIT verdictAccepted(eventId, position, destination());
    } else {
        m_delivered.insert(eventId);
        if (!m_recordDelivered.isActive())
            m_recordDelivered.start();
    }
    Q_EMIT healthChanged();
    dispatchSoon();
}

// A destination's words (a refusal, an error body) may echo what it was sent or hold anything:
// masked of card numbers here, where they come in, before the log, the outbox or a dead letter.
void ChannelDispatcher::onRefused(const QUuid &eventId, const QString &refusal)
{
    const QString reason = CardRedaction::redact(refusal);
    (void)takeAnswered(eventId);
    m_lookahead.clear(); // its order's later entries wait now: read the outbox again
    qCWarning(lcChannels).noquote() << destination() << "refused"
                                    << eventId.toString(QUuid::WithoutBraces) << ":" << reason;
    if (m_channel.answersAreVerdicts()) {
        m_awaitingRecord.insert(eventId);
        Q_EMIT verdictRefused(eventId, reason);
    } else {
        m_lastError = reason;
        deadLetter(eventId, reason); // asking again would be refused again
    }
    Q_EMIT healthChanged();
    dispatchSoon();
}

void ChannelDispatcher::onFailed(const QUuid &eventId, const QString &failure,
                                 qint64 retryAfterMs)
{
    const QString error = CardRedaction::redact(failure);
    const std::optional<InFlight> sent = takeAnswered(eventId);
    if (!sent)
        return; // an answer to an attempt already given up on
    countFailure(eventId, sent->failedBefore + 1, error, retryAfterMs);
}

void ChannelDispatcher::countFailure(const QUuid &eventId, int failures, const QString &error,
                                     qint64 retryAfterMs)
{
    m_lookahead.clear(); // its order's later entries wait now: read the outbox again
    m_lastError = error;
    if (retryAfterMs > m_policy.retryAfterCapMs) {
        qCWarning(lcChannels).noquote() << destination() << "asked to wait" << retryAfterMs
                                        << "ms; waiting" << m_policy.retryAfterCapMs;
        retryAfterMs = m_policy.retryAfterCapMs;
    }
    const qint64 now = m_clock.nowMs();
    if (failures >= m_policy.maxAttempts) {
        deadLetter(eventId, error);
    } else {
        const qint64 wait = std::max(m_backoff.delayAfter(failures), retryAfterMs);
        qCInfo(lcChannels).noquote() << "attempt" << failures << "of"
                                     << eventId.toString(QUuid::WithoutBraces) << "to"
                                     << destination() << "failed (" << error << "); again in"
                                     << wait << "ms";
        // Not recorded (the outbox logged why), the row stays due and is tried again.
        (void)Outbox(m_store).recordFailure(eventId, destination(), error, now + wait);
        retryIn(wait);
    }
    // The far end throttles the credential, not one request: the others would only be turned
    // away too (and may lengthen the penalty), so every event of the destination waits.
    if (retryAfterMs > 0)
        holdUntil(now + retryAfterMs);
    Q_EMIT healthChanged();
    dispatchSoon(); // the order's later events wait; other orders' do not
}

void ChannelDispatcher::holdUntil(qint64 untilMs)
{
    if (untilMs <= m_notBefore)
        return;
    m_notBefore = untilMs;
    qCInfo(lcChannels).noquote() << destination() << "holds every event until" << untilMs;
    // Written to the queued rows too, so the hold outlives a restart (Outbox::heldUntil).
    (void)Outbox(m_store).hold(destination(), untilMs);
    retryIn(untilMs - m_clock.nowMs());
}

void ChannelDispatcher::deadLetter(const QUuid &eventId, const QString &error)
{
    m_unanswered.remove(eventId);
    // The last attempt counts too: a manager reads "3 attempts" when 3 were made.
    Outbox outbox(m_store);
    (void)outbox.recordFailure(eventId, destination(), error, m_clock.nowMs());
    // Not moved (the outbox logged why), the row stays pending and is sent again.
    (void)outbox.moveToDeadLetter(eventId, destination(), error, m_clock.nowMs());
}

void ChannelDispatcher::recordDelivered()
{
    m_recordDelivered.stop();
    if (m_delivered.isEmpty())
        return;
    // A duplicate ack changes nothing; a commit the database failed (the outbox logged why)
    // leaves the rows, and the events are sent again.
    (void)Outbox(m_store).acknowledgeAll(m_delivered.values(), destination());
    m_delivered.clear();
    Q_EMIT healthChanged();
}

void ChannelDispatcher::retryIn(qint64 ms)
{
    // A QTimer counts in int milliseconds; the poll catches anything further off.
    const int wait = int(std::clamp<qint64>(ms, 0, 24LL * 60 * 60 * 1000));
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > wait)
        m_retryTimer.start(wait);
}

void ChannelDispatcher::verdictRecorded(const QUuid &eventId, bool recorded)
{
    if (!m_awaitingRecord.remove(eventId))
        return;
    if (!recorded) {
        // Its outbox row stays; it goes again after the answer timeout, not in a tight loop
        // against a store that cannot write.
        m_inFlight.insert(eventId, InFlight {0, m_sends, m_uptime.elapsed(), false});
        armAnswerTimer();
    }
    Q_EMIT healthChanged();
}
