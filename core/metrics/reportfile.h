// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "reportdata.h"

#include <QByteArray>
#include <QString>

#include <functional>

/**
 * One file of a report: the last part of its name and what makes its bytes. The CSVs are three
 * of them (ReportWriter::csvFiles()); a one-page PDF or any other file of the same report is one
 * more, made where the libraries it needs are (a PDF needs Qt Gui, which core/ never links).
 */
struct ReportFile
{
    QString part; // "figures.csv": the file is kitchen-report-<day>-figures.csv
    std::function<Result<QByteArray>(const ReportData &)> render;
};
