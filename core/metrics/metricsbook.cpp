// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsbook.h"

#include "metricslogging.h"

MetricsBook::MetricsBook(const QSqlDatabase &db, const MetricsWindow &window,
                         const MetricsSettings &settings)
    : m_reader(db)
    , m_aggregate(window, settings)
{ }

Result<int> MetricsBook::catchUp(int maxEvents)
{
    // Refusals first: the events read next are then marked as they are folded.
    Result<QSet<QString>> refolded = takeRefusals();
    if (!refolded)
        return Failure{refolded.error()};
    Result<QList<LoggedEvent>> events = m_reader.after(m_ledger.lastSeq(), maxEvents, m_refused);
    if (!events)
        return Failure{events.error()};

    QSet<QString> changed = std::move(refolded).value();
    for (const LoggedEvent &event : events.value()) {
        const QString orderId = m_ledger.apply(event);
        if (m_folded && !orderId.isEmpty())
            changed.insert(orderId);
    }
    const int read = int(events.value().size());
    if (!m_folded) {
        // The first reads cover the whole log: one pass over the ledger once it is all in, not
        // one per event.
        if (read < maxEvents) {
            m_aggregate.reset(m_ledger.timelines());
            m_folded = true;
        }
    } else {
        for (const QString &orderId : std::as_const(changed))
            m_aggregate.update(orderId, m_ledger.timelines().value(orderId));
    }
    return read;
}

Result<int> MetricsBook::catchUpFully(const std::function<void(qint64 events)> &progress)
{
    int total = 0;
    for (;;) {
        Result<int> read = catchUp();
        if (!read)
            return read;
        total += read.value();
        if (read.value() < defaultBatch)
            return total;
        if (progress && !m_folded)
            progress(total);
    }
}

// The orders whose events the platform refused since the last look, folded again without them.
Result<QSet<QString>> MetricsBook::takeRefusals()
{
    Result<QList<RefusedEvent>> refusals = m_reader.refusedSince(m_refusalsFrom);
    if (!refusals)
        return Failure{refusals.error()};
    QSet<QString> refolded;
    for (const RefusedEvent &refusal : refusals.value()) {
        m_refusalsFrom = std::max(m_refusalsFrom, refusal.learnedAt);
        if (m_refused.contains(refusal.seq))
            continue;
        m_refused.insert(refusal.seq);
        if (refusal.seq <= m_ledger.lastSeq())
            refolded.insert(refusal.orderId);
    }
    for (const QString &orderId : std::as_const(refolded)) {
        Result<QList<LoggedEvent>> events = m_reader.ofOrder(orderId, m_refused);
        if (!events)
            return Failure{events.error()};
        m_ledger.refold(orderId, events.value());
        qCDebug(lcMetrics) << "order" << orderId << "folded again after a refusal";
    }
    return refolded;
}

void MetricsBook::setWindow(const MetricsWindow &window)
{
    m_aggregate = MetricsAggregate(window, m_aggregate.settings());
    m_aggregate.reset(m_ledger.timelines());
}

void MetricsBook::setSettings(const MetricsSettings &settings)
{
    m_aggregate = MetricsAggregate(m_aggregate.window(), settings);
    m_aggregate.reset(m_ledger.timelines());
}

MetricsReport MetricsBook::report(qint64 nowMs) const
{
    return m_aggregate.report(nowMs, m_ledger.lastSeq());
}
