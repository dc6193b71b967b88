// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "reportfile.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Writes the files of a report into a folder, named by its days
 * (kitchen-report-2026-12-01-figures.csv). Every file is made before the first is written, and
 * each is written whole or not at all (QSaveFile), so a reader never finds half a file; when a
 * later file cannot be written, those before it stay, each whole.
 */
class ReportWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    /** A writer of files (by default the three CSVs). */
    explicit ReportWriter(QList<ReportFile> files = csvFiles());

    /** figures.csv, orders.csv and items.csv (MetricsCsv). */
    static QList<ReportFile> csvFiles();
    /** Writes file too, after those already there. */
    void add(ReportFile file);
    const QList<ReportFile> &files() const { return m_files; }

    /** Writes every file of data into folder (made if missing); returns their absolute paths. */
    Result<QStringList> write(const ReportData &data, const QString &folder) const;

    /** "kitchen-report-2026-12-01-<part>", or "…-2026-12-01-to-2026-12-07-<part>" for days. */
    static QString fileName(QDate first, QDate last, const QString &part);

private:
    QList<ReportFile> m_files;
};
