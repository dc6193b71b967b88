// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engineconfig.h"
#include "store/store.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QStringList>

#include <memory>
#include <optional>

class Clock;
class IncomingWriter;

/**
 * The way in for other sources' events: queues them, writes them in batches (by an
 * IncomingWriter on its own thread, one batch at a time) and tells listeners what each batch
 * changed as soon as it is written. How often a screen shows those changes is the screen's
 * business (the board's FramePacer), not the engine's.
 */
class IncomingPipeline final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncomingPipeline)

public:
    IncomingPipeline(Store &store, const Clock &clock, const EngineConfig &config,
                     QObject *parent = nullptr);
    ~IncomingPipeline() override;

    /** Queues incoming events; they are applied in batches, never inside this call. */
    void apply(const QList<IncomingEvent> &events, const std::optional<SourceCursor> &cursor);
    /** Incoming events whose changes listeners have not heard yet (queued or being written). */
    int backlog() const;
    /** Events queued so far, and of them those heard (or dropped): a verdict waits for these. */
    quint64 queuedCount() const { return m_queued; }
    quint64 heardCount() const { return m_heard; }
    /**
     * A local write changed the order: a batch written before it holds an older copy, so
     * listeners get the store's copy of it instead.
     */
    void noteLocalChange(const QString &orderId);

Q_SIGNALS:
    /**
     * One incoming event's outcome is heard, with the order as listeners should now see it
     * (none when the result holds none).
     */
    void resultHeard(const AppendResult &result, const std::optional<Order> &latest);
    /** A whole batch was heard; verdicts waiting for it may go now. */
    void batchHeard();
    /** These feeds spoke in what was just heard (history fetched in the background is none). */
    void sourcesHeard(const QStringList &sources);
    /** Nothing is queued, written or held any more. */
    void drained();
    void stored(const QString &source);
    void failed(const QString &source, StoreFault fault);
    /** A batch was written (None) or could not be (its fault). */
    void storeFaultNoted(StoreFault fault);

private:
    struct Queued
    {
        IncomingEvent incoming;
        std::optional<SourceCursor> cursorAfter; // saved with the batch holding this event
    };
    // The batch being written: at most one, so local commands find the store free between them.
    struct WrittenBatch
    {
        QStringList sources;
        QStringList feedsHeard; // sources of its events other than history: those feeds are alive
        quint64 localChangesBefore = 0; // m_localChanges when the batch went to be written
        int size = 0;
        QList<bool> fromHistory; // per event, in the batch's order: heard by nobody
        QList<AppendResult> results;
    };

    IncomingWriter *writer();
    void writeNextBatch();
    void onWritten(const QList<AppendResult> &results);
    void deliver(const WrittenBatch &batch);
    std::optional<Order> latestOf(const AppendResult &result, quint64 writtenAfter) const;
    void dropQueued(const QStringList &sources, const AppendResult &failure);

    Store &m_store;
    const Clock &m_clock;
    const EngineConfig &m_config;
    QQueue<Queued> m_incoming;
    bool m_batchScheduled = false;
    std::optional<WrittenBatch> m_writing;
    std::unique_ptr<IncomingWriter> m_writer;
    bool m_writerTried = false;
    // Local writes, counted, and the count at each order's latest: a batch written before one of
    // these holds an older copy of the order than listeners already have.
    quint64 m_localChanges = 0;
    QHash<QString, quint64> m_localChangeOf;
    quint64 m_queued = 0;
    quint64 m_heard = 0;
};
