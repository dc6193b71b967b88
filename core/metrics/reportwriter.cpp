// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "metricscsv.h"
#include "metricslogging.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {
// A CSV cannot fail to render: it is bytes made from values.
ReportFile csvFile(const char *part, QByteArray (*render)(const ReportData &))
{
    return {QLatin1String(part),
            [render](const ReportData &data) -> Result<QByteArray> { return render(data); }};
}
} // namespace

ReportWriter::ReportWriter(QList<ReportFile> files)
    : m_files(std::move(files))
{ }

QList<ReportFile> ReportWriter::csvFiles()
{
    return {csvFile("figures.csv", &MetricsCsv::figures),
            csvFile("orders.csv", &MetricsCsv::orders), csvFile("items.csv", &MetricsCsv::items)};
}

void ReportWriter::add(ReportFile file)
{
    m_files.append(std::move(file));
}

QString ReportWriter::fileName(QDate first, QDate last, const QString &part)
{
    QString days = first.toString(Qt::ISODate);
    if (last.isValid() && last != first)
        days += QLatin1String("-to-") + last.toString(Qt::ISODate);
    return QLatin1String("kitchen-report-") + days + QLatin1Char('-') + part;
}

Result<QStringList> ReportWriter::write(const ReportData &data, const QString &folder) const
{
    const QString shownFolder = QDir::toNativeSeparators(folder);
    if (!QDir().mkpath(folder))
        return Failure {tr("The folder %1 cannot be made.").arg(shownFolder)};
    const QDir dir(folder);

    // Every file is made first: one that cannot be made leaves the folder as it was.
    QList<std::pair<QString, QByteArray>> made;
    for (const ReportFile &file : m_files) {
        const QString path =
            QFileInfo(dir.filePath(fileName(data.firstDay(), data.lastDay(), file.part)))
                .absoluteFilePath();
        Result<QByteArray> bytes = file.render(data);
        if (!bytes)
            return Failure {tr("%1 cannot be made: %2").arg(file.part, bytes.error())};
        made.append({path, std::move(bytes).value()});
    }

    QStringList written;
    for (const auto &[path, bytes] : std::as_const(made)) {
        QSaveFile file(path);
        const bool saved =
            file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
        if (!saved) {
            qCWarning(lcMetrics) << "cannot write" << path << file.errorString();
            return Failure {tr("%1 cannot be written: %2")
                                .arg(QDir::toNativeSeparators(path), file.errorString())};
        }
        written.append(path);
    }
    qCInfo(lcMetrics) << "report written:" << written;
    return written;
}
