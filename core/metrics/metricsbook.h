// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "metricsaggregate.h"
#include "metricsledger.h"
#include "metricslogreader.h"

#include <QSet>
#include <QSqlDatabase>

#include <functional>

/**
 * The figures of one store, kept level with its log: the first catch-up reads the whole log, each
 * later one only what was appended since (and the refusals learned since, whose orders are folded
 * again). Works on the connection it is given, on one thread; MetricsService runs it on a thread
 * of its own.
 */
class MetricsBook final
{
public:
    MetricsBook(const QSqlDatabase &db, const MetricsWindow &window,
                const MetricsSettings &settings);

    static constexpr int defaultBatch = 20000;

    /**
     * Reads up to maxEvents new events (and every new refusal) and folds them in; returns how
     * many events it read, so a caller can go on while it is maxEvents. Until a read comes back
     * short (the log is read to its end once), the figures are not built: see isLoaded().
     */
    Result<int> catchUp(int maxEvents = defaultBatch);
    /**
     * Catches up until the log has nothing more; during a first read, progress (if given) hears
     * how many events have been read after each full batch.
     */
    Result<int> catchUpFully(const std::function<void(qint64 events)> &progress = {});

    /** Reports over another window from now on (rebuilt from the ledger, no reading). */
    void setWindow(const MetricsWindow &window);
    /** Judges by other thresholds from now on (rebuilt from the ledger, no reading). */
    void setSettings(const MetricsSettings &settings);
    const MetricsWindow &window() const { return m_aggregate.window(); }

    /** Every figure as of nowMs. */
    MetricsReport report(qint64 nowMs) const;
    /** The last event folded in. */
    qint64 lastSeq() const { return m_ledger.lastSeq(); }
    /** Whether the whole log has been read once, so that a report covers it. */
    bool isLoaded() const { return m_folded; }
    /** Every order's timeline the log has given so far (all windows), by order id. */
    const QHash<QString, OrderTimeline> &timelines() const { return m_ledger.timelines(); }
    /** Orders the ledger holds (all windows). */
    int orderCount() const { return int(m_ledger.timelines().size()); }

private:
    Result<QSet<QString>> takeRefusals();
    Result<void> refoldInHistoryOrder(const QString &orderId);
    Result<void> forgetArchived();

    MetricsLogReader m_reader;
    MetricsLedger m_ledger;
    MetricsAggregate m_aggregate;
    QSet<qint64> m_refused;
    qint64 m_refusalsFrom = 0;
    qint64 m_archivedFrom = 0;
    bool m_folded = false; // the aggregate has been built once
};
