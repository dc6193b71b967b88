// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/orderchannel.h"
#include "common/clock.h"

#include <QHash>
#include <QList>
#include <QTimer>

/**
 * A destination that answers as it is told to: take, refuse, fail, throttle (fail with a
 * Retry-After), or stay away; one event can be made poison (always failed or refused). It keeps
 * what it took, how often each event was tried and delivered, and (given a clock) when each
 * attempt was made.
 */
class FakeChannel final : public OrderChannel
{
public:
    enum class Mode { Accepting, Refusing, Failing, Throttling, Silent };

    explicit FakeChannel(const QString &destination, const Clock *clock = nullptr)
        : m_destination(destination), m_clock(clock)
    { }

    State state() const override { return m_state; }
    QString destination() const override { return m_destination; }

    qsizetype send(const QList<OrderEvent> &events) override
    {
        for (const OrderEvent &event : events) {
            ++m_attempts[event.id];
            m_sent.insert(event.id, event);
            if (m_clock)
                m_attemptTimes.append({event.id, m_clock->nowMs()});
            const Mode mode = m_poison.value(event.id, m_mode);
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
            break;
        }
    }

    QString m_destination;
    const Clock *m_clock = nullptr;
    State m_state = State::Offline;
    Mode m_mode = Mode::Accepting;
    qint64 m_retryAfterMs = 0;
    QString m_answerText;
    QHash<QUuid, Mode> m_poison;
    QHash<QUuid, int> m_attempts;
    QHash<QUuid, OrderEvent> m_sent;
    QList<OrderEvent> m_received;
    QList<Attempt> m_attemptTimes;
};
