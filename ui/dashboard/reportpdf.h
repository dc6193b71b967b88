// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "metrics/metricssettings.h"
#include "metrics/reportfile.h"

#include <QCoreApplication>
#include <QString>

class QPaintDevice;

/**
 * A report's one-page summary, for a manager to send on: the store and the days, the ten headline
 * figures in the dashboard's words, and its four charts, on one A4 page. The PDF and a picture of
 * the page come from the same drawing. Charts are graphics widgets, so it runs where a
 * QApplication does, on its thread.
 */
class ReportPdf final
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)

public:
    /** storeName heads the page (left out when empty); settings judge the figures. */
    ReportPdf(QString storeName, const MetricsSettings &settings);

    /** "summary.pdf", rendered by this summary. */
    ReportFile file() const;
    /** The PDF's bytes: one A4 page. */
    Result<QByteArray> render(const ReportData &data) const;
    /** Draws the page onto device, scaled to fill its width (an A4 image, a PDF writer). */
    bool paint(QPaintDevice &device, const ReportData &data) const;

    static QString part() { return QStringLiteral("summary.pdf"); }

private:
    QString m_storeName;
    MetricsSettings m_settings;
};
