// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exitcode.h"

#include "metrics/metricssettings.h"
#include "metrics/reportwriter.h"

#include <QDate>
#include <QString>

class Clock;
class QTextStream;
class Store;

/**
 * kc-admin report: a day's figures and raw order and item times, as files in a folder, from the
 * store's log read once. The day runs from local midnight to local midnight in this computer's
 * time zone; tickets are judged by the default ages (MetricsSettings), as of now. Beside the
 * CSVs goes a one-page PDF with the dashboard's figures and charts.
 */
class AdminReport final
{
public:
    AdminReport(const Store &store, const Clock &clock, QTextStream &out, QTextStream &err);
    Q_DISABLE_COPY_MOVE(AdminReport)

    /** Writes day's files into folder and prints their paths, one per line. */
    ExitCode write(QDate day, const QString &folder);

    /**
     * The files a report is made of: the three CSVs and the one-page PDF summary (headed by
     * storeName, its figures judged by settings). The PDF draws charts, so a QApplication runs.
     */
    static ReportWriter writer(const QString &storeName, const MetricsSettings &settings);

private:
    const Store &m_store;
    const Clock &m_clock;
    QTextStream &m_out;
    QTextStream &m_err;
};
