// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/orderchannel.h"
#include "common/clock.h"

#include <QHash>
#include <QList>
#include <QTimer>

#include <algorithm>

/**
 * A destination that answers as it is told to: take, refuse, fail, throttle (fail with a
 * Retry-After), or stay away; one event can be made poison (always failed or refused). It keeps
 * what it took, how often each event was tried and delivered, and (given a clock) when each
 * attempt was made.
 */
class FakeChannel final : public OrderChannel
{
public:
    enum class Mode {
        Accepting,
        Refusing,
        Failing,
        Throttling,
        Silent,
        SilencesItsBatch, // as a poison: nothing sent with it is answered (a hub failing a frame)
    };

    explicit FakeChannel(const QString &destination, const Clock *clock = nullptr)
        : m_destination(destination), m_clock(clock)
    { }

    State state() const override { return m_state; }
    QString destination() const override { return m_destination; }
    bool keepsOrderInFlight() const override { return m_pipelines; }
    int batchLimit() const override { return m_batchLimit; }

    qsizetype send(const QList<OrderEvent> &events) override
    {
        ++m_sends;
        const bool batchSilenced = std::any_of(events.cbegin(), events.cend(), [this](const auto &e) {
            return m_poison.value(e.id, m_mode) == Mode::SilencesItsBatch;
        });
        for (const OrderEvent &event : events) {
            ++m_attempts[event.id];
            m_sent.insert(event.id, event);
            if (m_clock)
                m_attemptTimes.append({event.id, m_clock->nowMs()});
            const Mode mode = batchSilenced ? Mode::Silent : m_poison.value(event.id, m_mode);
            m_batchSizes[event.id].append(int(events.size()));
            // Answers arrive later, as from a network, never inside send().
            QTimer::singleShot(0, this, [this, id = event.id, mode] { answer(id, mode); });
        }
        return events.size();
    }

    void setState(State state)
    {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    void setMode(Mode mode) { m_mode = mode; }
    /** Takes an order's later events before the earlier are answered, as the platform does. */
    void setPipelines(bool pipelines) { m_pipelines = pipelines; }
    void setBatchLimit(int limit) { m_batchLimit = limit; }
    /** Refusing and failing answers say this from now on (each has its own words before). */
    void setAnswerText(const QString &text) { m_answerText = text; }
    /** Throttling answers fail with this Retry-After. */
    void setRetryAfterMs(qint64 ms) { m_retryAfterMs = ms; }
    /** The event is answered this way whatever the mode, until cured. */
    void poison(const QUuid &id, Mode mode) { m_poison.insert(id, mode); }
    void cure(const QUuid &id) { m_poison.remove(id); }

    /** What it took, in the order it took it. */
    const QList<OrderEvent> &received() const { return m_received; }
    QList<QUuid> receivedIds() const
    {
        QList<QUuid> ids;
        for (const OrderEvent &event : m_received)
            ids.append(event.id);
        return ids;
    }
    int attemptsOf(const QUuid &id) const { return m_attempts.value(id); }
    /** How many events went with each attempt of the event (itself included). */
    QList<int> batchSizesOf(const QUuid &id) const { return m_batchSizes.value(id); }
    int sends() const { return m_sends; }
    int deliveriesOf(const QUuid &id) const { return int(receivedIds().count(id)); }
    struct Attempt
    {
        QUuid id;
        qint64 at = 0;
    };
    const QList<Attempt> &attemptTimes() const { return m_attemptTimes; }

private:
    void answer(const QUuid &id, Mode mode)
    {
        switch (mode) {
        case Mode::Accepting:
            m_received.append(m_sent.value(id));
            Q_EMIT accepted(id, 0);
            break;
        case Mode::Refusing:
            Q_EMIT refused(id, m_answerText.isEmpty() ? QStringLiteral("unknown menu item")
                                                      : m_answerText);
            break;
        case Mode::Failing:
            Q_EMIT failed(id, m_answerText.isEmpty() ? QStringLiteral("POS busy") : m_answerText);
            break;
        case Mode::Throttling:
            Q_EMIT failed(id, QStringLiteral("HTTP 429: rate limited"), m_retryAfterMs);
            break;
        case Mode::Silent:
        case Mode::SilencesItsBatch:
            break;
        }
    }

    QString m_destination;
    const Clock *m_clock = nullptr;
    State m_state = State::Offline;
    Mode m_mode = Mode::Accepting;
    bool m_pipelines = false;
    int m_batchLimit = 100;
    qint64 m_retryAfterMs = 0;
    QString m_answerText;
    QHash<QUuid, Mode> m_poison;
    QHash<QUuid, int> m_attempts;
    QHash<QUuid, QList<int>> m_batchSizes;
    int m_sends = 0;
    QHash<QUuid, OrderEvent> m_sent;
    QList<OrderEvent> m_received;
    QList<Attempt> m_attemptTimes;
};
