// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "metricsreport.h"
#include "metricssettings.h"
#include "ordertimeline.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

/**
 * What the files of a report (the CSVs, and any other ReportFile) are made from: the figures of
 * one window and the timeline of every order placed in it, as of one moment. A plain value, read
 * once from the store's log, so every file of one report tells the same story.
 */
struct ReportData
{
    Q_DECLARE_TR_FUNCTIONS(ReportData)

public:
    /** One order placed in the window, with its id (a timeline does not hold it). */
    struct PlacedOrder
    {
        QString id;
        OrderTimeline timeline;
    };

    MetricsReport report;
    QTimeZone zone = QTimeZone::utc(); // the store's, for days and hours
    QList<PlacedOrder> orders; // by placed time, then id

    /** The window's first and last local day (one and the same for a day's report). */
    QDate firstDay() const;
    QDate lastDay() const;

    /** The figures and orders of window from the timelines a MetricsBook (or ledger) holds. */
    static ReportData of(const MetricsReport &report,
                         const QHash<QString, OrderTimeline> &timelines, const QTimeZone &zone);
    /** Reads store's whole log over its connection and reports window as of nowMs. */
    static Result<ReportData> read(const Store &store, const MetricsWindow &window,
                                   const MetricsSettings &settings, qint64 nowMs);
    /**
     * The same from the store file at storePath, opened read-only (never created nor migrated)
     * for the time of the read. Skip the quick check only where this process checked the file.
     */
    static Result<ReportData>
    readFile(const QString &storePath, const MetricsWindow &window, const MetricsSettings &settings,
             qint64 nowMs, Store::IntegrityCheck integrity = Store::IntegrityCheck::Quick);
};
