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
    if (const Result<void> forgotten = forgetArchived(); !forgotten)
        return Failure{forgotten.error()};
    Result<QList<LoggedEvent>> events = m_reader.after(m_ledger.lastSeq(), maxEvents, m_refused);
    if (!events)
        return Failure{events.error()};

    QSet<QString> changed = std::move(refolded).value();
    for (const LoggedEvent &event : events.value()) {
        const bool follows = m_ledger.follows(event);
        const QString orderId = m_ledger.apply(event);
        if (!follows) {
            if (const Result<void> folded = refoldInHistoryOrder(orderId); !folded)
                return Failure{folded.error()};
        }
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
        if (const Result<void> folded = refoldInHistoryOrder(orderId); !folded)
            return Failure{folded.error()};
        qCDebug(lcMetrics) << "order" << orderId << "folded again after a refusal";
    }
    return refolded;
}

// Archived orders finished before any window the dashboard offers: the ledger holds what the log
// holds, so its memory is bounded by the archiving policy, not by the console's age.
Result<void> MetricsBook::forgetArchived()
{
    Result<QList<std::pair<QString, qint64>>> archived = m_reader.archivedSince(m_archivedFrom);
    if (!archived)
        return Failure{archived.error()};
    for (const auto &[orderId, archivedAt] : archived.value()) {
        m_archivedFrom = std::max(m_archivedFrom, archivedAt);
        m_ledger.forget(orderId);
        if (m_folded)
            m_aggregate.update(orderId, OrderTimeline());
    }
    return {};
}

// What the ledger has read of the order, in its history's order (the board's): a local step the
// platform overtook counts where the platform put it, or not at all if it was refused.
Result<void> MetricsBook::refoldInHistoryOrder(const QString &orderId)
{
    Result<QList<LoggedEvent>> events = m_reader.ofOrder(orderId, m_ledger.lastSeq(), m_refused);
    if (!events)
        return Failure{events.error()};
    m_ledger.refold(orderId, events.value());
    return {};
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
