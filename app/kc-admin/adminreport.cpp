// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "adminreport.h"

#include "adminlogging.h"

#include "common/clock.h"
#include "dashboard/reportpdf.h"
#include "metrics/metricssettings.h"
#include "metrics/metricswindow.h"
#include "metrics/reportdata.h"

#include <QDir>
#include <QTextStream>

AdminReport::AdminReport(const Store &store, const Clock &clock, QTextStream &out, QTextStream &err)
    : m_store(store)
    , m_clock(clock)
    , m_out(out)
    , m_err(err)
{ }

ReportWriter AdminReport::writer(const QString &storeName, const MetricsSettings &settings)
{
    ReportWriter writer(ReportWriter::csvFiles());
    writer.add(ReportPdf(storeName, settings).file());
    return writer;
}

ExitCode AdminReport::write(QDate day, const QString &folder)
{
    const MetricsSettings settings; // this computer's time zone, the default ticket ages
    const MetricsWindow window = MetricsWindow::days(day, day, settings.zone);
    const Result<ReportData> data = ReportData::read(m_store, window, settings, m_clock.nowMs());
    if (!data) {
        m_err << QStringLiteral("kc-admin: ") << data.error() << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    qCDebug(lcAdmin) << "report of" << day << "in" << settings.zone.id() << ":"
                     << data->orders.size() << "orders";
    if (data->orders.isEmpty())
        m_err << QStringLiteral("kc-admin: no orders were placed on %1 (%2); the files hold "
                                "only their headers.")
                     .arg(day.toString(Qt::ISODate), QString::fromUtf8(settings.zone.id()))
              << Qt::endl;
    // The store file does not name its store; its orders do.
    QString storeName;
    if (!data->orders.isEmpty()) {
        if (const std::optional<Order> first = m_store.order(data->orders.constFirst().id))
            storeName = first->storeId;
    }
    const Result<QStringList> written = writer(storeName, settings).write(*data, folder);
    if (!written) {
        m_err << QStringLiteral("kc-admin: ") << written.error() << Qt::endl;
        return ExitCode::CannotWrite;
    }
    for (const QString &path : written.value())
        m_out << QDir::toNativeSeparators(path) << Qt::endl;
    return ExitCode::Ok;
}
