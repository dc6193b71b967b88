// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakfigures.h"

#include "shiftsamples.h"

#include "benchfigure.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace {
const QString bench = QStringLiteral("shiftsoak");

BenchFigure growth(const QString &figure, double end, const QString &baseline, double warm)
{
    return BenchFigure {bench, figure, BenchFigure::Kind::Cost, end, baseline, warm, 1.10};
}

/** A figure's line with more keys after its usual ones: counts that say what the value means. */
QString withKeys(const BenchFigure &figure, const QJsonObject &keys)
{
    QString line = figure.jsonLine();
    const QString more = QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Compact));
    line.chop(1); // its closing brace
    return line + QLatin1Char(',') + more.mid(1);
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

void printGrowth(const ShiftSamples &samples, const QList<ShiftSample> &closes)
{
    using SoakFigures::printLine;
    const ShiftSample &warm = samples.warm();
    const ShiftSample &end = samples.last();
    const auto perEvent = [](qint64 bytes, qint64 events) {
        return events > 0 ? double(bytes) / double(events) : 0.0;
    };
    printLine(growth(QStringLiteral("rss_growth"), double(end.rssKib),
                     QStringLiteral("rss_after_first_hour_kib"), double(warm.rssKib))
                  .jsonLine());
    // After the lunch peak: the allocator keeps the peak's free memory for reuse, so RSS
    // holds its busiest board's mark; the second half shows whether it still climbs.
    const ShiftSample &middle = samples.middle();
    printLine(growth(QStringLiteral("rss_growth_second_half"), double(end.rssKib),
                     QStringLiteral("rss_halfway_kib"), double(middle.rssKib))
                  .jsonLine());
    // What the process holds with the board empty, at the last day's close against the first's:
    // the first day has warmed every cache up, so what is kept more after it is kept per order.
    // SQLite's page caches are left out: each grows with its file up to its stated bound
    // (cache_size), and they show in the summary's closes.
    if (closes.size() >= 2) {
        const auto outsideSqlite = [](const ShiftSample &sample) {
            return double(sample.heapKib - sample.sqliteKib);
        };
        printLine(growth(QStringLiteral("heap_outside_sqlite_at_close_growth"),
                         outsideSqlite(closes.constLast()),
                         QStringLiteral("heap_outside_sqlite_at_first_close_kib"),
                         outsideSqlite(closes.constFirst()))
                      .jsonLine());
    }
    printLine(growth(QStringLiteral("store_bytes_per_event_growth"),
                     perEvent(end.storeBytes(), end.events),
                     QStringLiteral("store_bytes_per_event_after_first_hour"),
                     perEvent(warm.storeBytes(), warm.events))
                  .jsonLine());
    // The WAL stays at its high-water mark (some 4 MB) once it has checkpointed, and until
    // then the file lags the log: the database's own pages show the log's growth alone.
    printLine(growth(QStringLiteral("store_page_bytes_per_event_growth"),
                     perEvent(end.pageBytes, end.events),
                     QStringLiteral("store_page_bytes_per_event_after_first_hour"),
                     perEvent(warm.pageBytes, warm.events))
                  .jsonLine());
    // What each new event cost in pages, late in the shift against early after the warm-up:
    // above 1 the store grows faster than its log (an index or a table that outgrows it).
    printLine(growth(QStringLiteral("store_page_bytes_per_new_event_late_vs_early"),
                     perEvent(end.pageBytes - middle.pageBytes, end.events - middle.events),
                     QStringLiteral("store_page_bytes_per_new_event_early"),
                     perEvent(middle.pageBytes - warm.pageBytes, middle.events - warm.events))
                  .jsonLine());
}

void printLoop(const LoopReadings &readings)
{
    using SoakFigures::printLine;
    const LoopProbe::Summary &loop = readings.loop;
    const LoopProbe::Summary &bare = readings.bare;
    // The target here is absolute (a frame), not a ratio: it is given as target_ms.
    printLine(withKeys({bench, QStringLiteral("event_loop_max_gap_ms"), BenchFigure::Kind::Cost,
                        loop.maxMs, QStringLiteral("bare_loop_max_gap_ms"), bare.maxMs,
                        std::nullopt},
                       {{QStringLiteral("target_ms"), rounded(LoopProbe::frameMs, 1)},
                        {QStringLiteral("p99_ms"), rounded(loop.p99Ms, 3)},
                        {QStringLiteral("baseline_p99_ms"), rounded(bare.p99Ms, 3)},
                        {QStringLiteral("gaps"), loop.gaps},
                        {QStringLiteral("over_frame"), loop.overFrame},
                        {QStringLiteral("baseline_over_frame"), bare.overFrame}}));
    printLine(BenchFigure {bench, QStringLiteral("event_loop_p99_gap_ms"), BenchFigure::Kind::Cost,
                           loop.p99Ms, QStringLiteral("bare_loop_p99_gap_ms"), bare.p99Ms,
                           std::nullopt}
                  .jsonLine());
    // The loop's own work: no delivery may take a frame of CPU time. deliveries_over_frame counts
    // those that did, out of all deliveries; gui_cpu_s is the CPU time they took in all.
    const SlowWorkApplication::Totals &deliveries = readings.deliveries;
    QJsonObject byCpu {{QStringLiteral("deliveries"), deliveries.deliveries},
                       {QStringLiteral("deliveries_over_frame"), deliveries.overFrameCpu},
                       {QStringLiteral("gui_cpu_s"), rounded(deliveries.cpuNs / 1e9, 1)}};
    for (size_t i = 0; i < deliveries.overCpu.size(); ++i) {
        byCpu.insert(QStringLiteral("deliveries_over_%1ms").arg(deliveries.overCpuMs.at(i)),
                     deliveries.overCpu.at(i));
    }
    printLine(withKeys({bench, QStringLiteral("longest_delivery_cpu_ms"), BenchFigure::Kind::Cost,
                        readings.longestDeliveryCpuMs, QStringLiteral("frame_60hz_ms"),
                        LoopProbe::frameMs, 1.0},
                       byCpu));
    // The same arithmetic every time, on the same thread through the same shift: its longest
    // against its median is what the machine, not the console, added to a piece of work.
    const FixedWorkProbe::Summary &fixed = readings.fixedWork;
    if (fixed.pieces > 0) {
        QJsonObject added {{QStringLiteral("pieces"), fixed.pieces},
                           {QStringLiteral("over_frame"), fixed.overFrame},
                           {QStringLiteral("cpu_s"), rounded(fixed.busySeconds, 1)}};
        for (size_t i = 0; i < fixed.addedOver.size(); ++i) {
            added.insert(QStringLiteral("added_over_%1ms").arg(fixed.addedMs.at(i)),
                         fixed.addedOver.at(i));
        }
        printLine(withKeys({bench, QStringLiteral("fixed_work_longest_cpu_ms"),
                            BenchFigure::Kind::Cost, fixed.maxMs,
                            QStringLiteral("fixed_work_median_cpu_ms"), fixed.medianMs,
                            std::nullopt},
                           added));
    }
}
} // namespace

void SoakFigures::printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

void SoakFigures::print(const ShiftSamples &samples, const QList<ShiftSample> &closes,
                        const LoopReadings &readings)
{
    printGrowth(samples, closes);
    printLoop(readings);
}
