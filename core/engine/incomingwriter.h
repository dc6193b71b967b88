// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/store.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

class Clock;

/**
 * Writes batches of incoming events into the store on a thread of its own, through its own
 * connection to the store's file, so a replay's commits and fsyncs never hold up the board. The
 * store's transactions (BEGIN IMMEDIATE, busy timeout) keep it safe beside the owner's connection.
 * Results come back in the order the batches went in, on the owner's thread.
 */
class IncomingWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncomingWriter)

public:
    /** clock must be safe to read from another thread (every Clock here is). */
    IncomingWriter(const QString &storePath, int busyTimeoutMs, const Clock &clock,
                   QObject *parent = nullptr);
    /** Finishes the batch in hand, then closes the connection and stops the thread. */
    ~IncomingWriter() override;

    /** Starts the thread and opens the connection there; fails, saying why, if it cannot. */
    Result<void> start();

    /** Queues a batch; written() reports it. */
    void write(const QList<IncomingEvent> &batch, const std::optional<SourceCursor> &cursor);

Q_SIGNALS:
    /** A batch was written (or refused or failed, event by event, as the store says). */
    void written(const QList<AppendResult> &results);

private:
    QString m_path;
    int m_busyTimeoutMs;
    const Clock &m_clock;
    QThread m_thread;
    QObject *m_threadContext = nullptr; // lives on m_thread; owns nothing, carries the calls
    std::unique_ptr<Store> m_store; // created, used and destroyed on m_thread only
};
