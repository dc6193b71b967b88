// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incomingpipeline.h"

#include "common/clock.h"
#include "enginelogging.h"
#include "incomingwriter.h"

#include <QTimer>

IncomingPipeline::IncomingPipeline(Store &store, const Clock &clock, const EngineConfig &config,
                                   QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_config(config)
{
}

IncomingPipeline::~IncomingPipeline() = default;

void IncomingPipeline::apply(const QList<IncomingEvent> &events,
                             const std::optional<SourceCursor> &cursor)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        const bool last = i == events.size() - 1;
        m_incoming.enqueue({events.at(i), last ? cursor : std::nullopt});
    }
    m_queued += quint64(events.size());
    if (!m_batchScheduled && !m_writing && !m_incoming.isEmpty()) {
        m_batchScheduled = true;
        QTimer::singleShot(0, this, &IncomingPipeline::writeNextBatch);
    }
}

int IncomingPipeline::backlog() const
{
    return int(m_incoming.size() + (m_writing ? m_writing->size : 0));
}

IncomingWriter *IncomingPipeline::writer()
{
    if (!m_writerTried && m_config.writeIncomingOnOwnThread) {
        m_writerTried = true;
        m_writer = std::make_unique<IncomingWriter>(m_store.path(), m_store.busyTimeoutMs(),
                                                    m_clock);
        if (const Result<void> started = m_writer->start(); started) {
            connect(m_writer.get(), &IncomingWriter::written, this, &IncomingPipeline::onWritten);
        } else {
            qCWarning(lcEngine).noquote()
                    << "incoming events stay on the board's thread:" << started.error();
            m_writer.reset(); // the engine's own connection writes them instead
        }
    }
    return m_writer.get();
}

void IncomingPipeline::writeNextBatch()
{
    m_batchScheduled = false;
    if (m_incoming.isEmpty() || m_writing)
        return;
    QList<IncomingEvent> batch;
    std::optional<SourceCursor> cursor;
    WrittenBatch writing;
    writing.localChangesBefore = m_localChanges;
    while (!m_incoming.isEmpty() && batch.size() < m_config.incomingBatchSize) {
        Queued queued = m_incoming.dequeue();
        if (queued.cursorAfter)
            cursor = queued.cursorAfter;
        if (!writing.sources.contains(queued.incoming.source))
            writing.sources.append(queued.incoming.source);
        writing.fromHistory.append(queued.incoming.fromHistory);
        if (!queued.incoming.fromHistory && !writing.feedsHeard.contains(queued.incoming.source))
            writing.feedsHeard.append(queued.incoming.source);
        batch.append(queued.incoming);
    }
    writing.size = int(batch.size());
    m_writing = writing;
    if (IncomingWriter *own = writer())
        own->write(batch, cursor);
    else
        onWritten(m_store.appendIncomingBatch(batch, cursor));
}

void IncomingPipeline::onWritten(const QList<AppendResult> &results)
{
    Q_ASSERT(m_writing);
    WrittenBatch written = *std::exchange(m_writing, std::nullopt);
    written.results = results;
    // A batch is written whole or not at all: a failed one fails every result alike.
    if (!results.isEmpty() && results.constFirst().status == AppendResult::Status::Failed) {
        dropQueued(written.sources, results.constFirst());
    } else {
        Q_EMIT storeFaultNoted(StoreFault::None);
        for (const QString &source : std::as_const(written.sources))
            Q_EMIT stored(source);
    }
    // The next batch goes to be written at once, while listeners hear what this one changed.
    if (!m_incoming.isEmpty() && !m_batchScheduled) {
        m_batchScheduled = true;
        QTimer::singleShot(0, this, &IncomingPipeline::writeNextBatch);
    }
    deliver(written);
}

void IncomingPipeline::deliver(const WrittenBatch &batch)
{
    for (qsizetype i = 0; i < batch.results.size(); ++i) {
        const AppendResult &result = batch.results.at(i);
        if (result.status == AppendResult::Status::Failed)
            continue; // told once, by failed(), when it came back
        // Old orders the console never had: their steps are no news for the kitchen's board,
        // alerts or pacing. The dashboard reads them from the store (stored()).
        if (batch.fromHistory.value(i))
            continue;
        Q_EMIT resultHeard(result, result.applied() && result.order
                                           ? latestOf(result, batch.localChangesBefore)
                                           : std::nullopt);
    }
    m_heard += quint64(batch.size);
    Q_EMIT batchHeard();
    Q_EMIT sourcesHeard(batch.feedsHeard);
    if (m_incoming.isEmpty() && !m_writing) {
        m_localChangeOf.clear();
        Q_EMIT drained();
    }
}

std::optional<Order> IncomingPipeline::latestOf(const AppendResult &result,
                                                quint64 writtenAfter) const
{
    // A local command on this order after the batch went to be written already told listeners
    // about a newer copy than the batch holds: hand on the store's copy, which has both.
    if (m_localChangeOf.value(result.order->id) > writtenAfter)
        return m_store.order(result.order->id);
    return result.order;
}

void IncomingPipeline::noteLocalChange(const QString &orderId)
{
    ++m_localChanges;
    if (m_writing)
        m_localChangeOf.insert(orderId, m_localChanges);
}

void IncomingPipeline::dropQueued(const QStringList &sources, const AppendResult &failure)
{
    // What was queued behind a batch that could not be stored lies past a hole in its stream:
    // storing it would let the source's cursor skip the hole. Its sender brings it again.
    qsizetype dropped = 0;
    for (auto it = m_incoming.begin(); it != m_incoming.end();) {
        if (sources.contains(it->incoming.source)) {
            it = m_incoming.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    m_heard += quint64(dropped); // verdicts held behind them need not wait for them
    Q_EMIT storeFaultNoted(failure.fault);
    qCWarning(lcEngine).noquote() << "incoming batch not stored (" << StoreFaults::name(failure.fault)
                                  << "):" << failure.error << "; dropped" << dropped
                                  << "queued events to be fetched again";
    for (const QString &source : sources)
        Q_EMIT failed(source, failure.fault);
}
