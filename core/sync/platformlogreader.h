// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platformlink.h"
#include "protocol/protocol.h"

#include <QList>
#include <QObject>
#include <QTimer>

/**
 * Reads a store's whole log from the platform, as one console sees it: connects once with the
 * console's credential and a cursor of 0, takes the replay that follows welcome{head} and stops.
 * It never submits anything, and does not reconnect: a refusal, a lost connection or a timeout
 * ends the read with failed(). Answers exactly one of finished() or failed() per start().
 */
class PlatformLogReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformLogReader)

public:
    static constexpr int defaultTimeoutMs = 30'000;

    explicit PlatformLogReader(LinkConfig config, QObject *parent = nullptr);
    ~PlatformLogReader() override;

    /** How long the whole read (connect, welcome, replay) may take before it fails. */
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    /** Connects with credential (never logged) and reads; answers finished() or failed(). */
    void start(const QByteArray &credential);
    /** Whether a read is under way. */
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /** The platform's log for the store, every event once, in sequence order from 1. */
    void finished(const QList<Protocol::SequencedEvent> &log);
    /** message is for people: what went wrong and, where it can, what to check. */
    void failed(const QString &message);

private:
    void onReceived(const Protocol::Message &message);
    void onEvents(const Protocol::Events &events);
    void onStateChanged(PlatformLink::State state);
    void onProblem(const QString &message);
    void onTimeout();
    void succeed();
    void fail(const QString &message);
    void end();

    PlatformLink m_link;
    QTimer m_timer;
    int m_timeoutMs = defaultTimeoutMs;
    bool m_running = false;
    bool m_welcomed = false;
    qint64 m_head = 0;
    QList<Protocol::SequencedEvent> m_log;
};
