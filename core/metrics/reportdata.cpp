// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdata.h"

#include "metricsbook.h"
#include "metricslogging.h"
#include "store/storedatabase.h"

#include <QDateTime>

#include <algorithm>

namespace {
QDate localDay(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).date();
}
} // namespace

QDate ReportData::firstDay() const
{
    return report.window.first.isValid() ? report.window.first : localDay(report.window.from, zone);
}

QDate ReportData::lastDay() const
{
    // The window ends before its `to`: the last day is that of its last millisecond.
    return report.window.last.isValid() ? report.window.last : localDay(report.window.to - 1, zone);
}

ReportData ReportData::of(const MetricsReport &report,
                          const QHash<QString, OrderTimeline> &timelines, const QTimeZone &zone)
{
    ReportData data;
    data.report = report;
    data.zone = zone;
    for (auto it = timelines.cbegin(); it != timelines.cend(); ++it) {
        // The same orders the figures count: placed, and placed in the window.
        if (it.value().isPlaced() && report.window.contains(it.value().placedAt()))
            data.orders.append({it.key(), it.value()});
    }
    std::sort(data.orders.begin(), data.orders.end(),
              [](const PlacedOrder &a, const PlacedOrder &b) {
                  const qint64 aAt = a.timeline.placedAt();
                  const qint64 bAt = b.timeline.placedAt();
                  return aAt != bAt ? aAt < bAt : a.id < b.id;
              });
    return data;
}

Result<ReportData> ReportData::read(const Store &store, const MetricsWindow &window,
                                    const MetricsSettings &settings, qint64 nowMs)
{
    MetricsBook book(StoreDatabase::of(store), window, settings);
    const Result<int> read = book.catchUpFully();
    if (!read) {
        qCWarning(lcMetrics) << "reading the log for a report failed:" << read.error();
        return Failure {tr("The store's records could not be read: %1").arg(read.error())};
    }
    qCDebug(lcMetrics) << "report read" << read.value() << "events," << book.orderCount()
                       << "orders";
    return of(book.report(nowMs), book.timelines(), settings.zone);
}

Result<ReportData> ReportData::readFile(const QString &storePath, const MetricsWindow &window,
                                        const MetricsSettings &settings, qint64 nowMs,
                                        Store::IntegrityCheck integrity)
{
    Store store(storePath);
    if (const Result<void> opened = store.open(Store::OpenMode::ReadOnly, integrity); !opened)
        return Failure {tr("The store %1 cannot be opened: %2").arg(storePath, opened.error())};
    return read(store, window, settings, nowMs);
}
