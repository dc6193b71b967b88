// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A report's files on disk: named by their days, each whole or not at all, and room for one more
// kind of file (the PDF summary) beside the CSVs.
#include "metrics/metricsaggregate.h"
#include "metrics/metricscsv.h"
#include "metrics/metricsledger.h"
#include "metrics/reportwriter.h"
#include "orderscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace MetricsTest;

namespace {
const QDate december1(2026, 12, 1);

ReportData dataOf(const QList<OrderScript> &orders)
{
    MetricsLedger ledger;
    for (const OrderScript &order : orders) {
        for (const LoggedEvent &event : order.events())
            ledger.apply(event);
    }
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    MetricsAggregate aggregate(MetricsWindow::days(december1, december1, settings.zone), settings);
    aggregate.reset(ledger.timelines());
    return ReportData::of(aggregate.report(noonDay(18, 0), ledger.lastSeq()), ledger.timelines(),
                          settings.zone);
}

ReportData oneOrder(const QString &id)
{
    OrderScript order(id, noonDay(12, 0));
    order.accept(noonDay(12, 1), noonDay(12, 20)).to(OrderState::Preparing, noonDay(12, 2));
    return dataOf({order});
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList namesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}
} // namespace

class TestReportWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fileNames_data();
    void fileNames();
    void writesTheThreeCsvFilesNamedByDay();
    void anotherFilePlugsInBesideTheCsvs();
    void aFileThatCannotBeMadeWritesNothing();
    void aFolderThatCannotBeMadeSaysSo();
    void writingAgainReplacesEachFileWhole();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReportWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestReportWriter::fileNames_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("name");
    QTest::newRow("one day") << december1 << december1
                             << QStringLiteral("kitchen-report-2026-12-01-figures.csv");
    QTest::newRow("a week") << december1 << december1.addDays(6)
                            << QStringLiteral(
                                   "kitchen-report-2026-12-01-to-2026-12-07-figures.csv");
}

void TestReportWriter::fileNames()
{
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, name);
    QCOMPARE(ReportWriter::fileName(first, last, QStringLiteral("figures.csv")), name);
}

void TestReportWriter::writesTheThreeCsvFilesNamedByDay()
{
    const ReportData data = oneOrder(QStringLiteral("a1"));
    const QString folder = m_dir->filePath(QStringLiteral("reports/december"));
    const Result<QStringList> written = ReportWriter().write(data, folder);
    QVERIFY2(written, qPrintable(written.error()));
    const QString prefix =
        QDir(folder).absoluteFilePath(QStringLiteral("kitchen-report-2026-12-01-"));
    QCOMPARE(
        written.value(),
        QStringList({prefix + QStringLiteral("figures.csv"), prefix + QStringLiteral("orders.csv"),
                     prefix + QStringLiteral("items.csv")}));
    QCOMPARE(contentsOf(written->at(0)), MetricsCsv::figures(data));
    QCOMPARE(contentsOf(written->at(1)), MetricsCsv::orders(data));
    QCOMPARE(contentsOf(written->at(2)), MetricsCsv::items(data));
    QVERIFY(contentsOf(written->at(1)).contains("a1"));
    // Nothing else is left in the folder (no temporary file of a save).
    QCOMPARE(namesIn(folder).size(), 3);
}

void TestReportWriter::anotherFilePlugsInBesideTheCsvs()
{
    ReportWriter writer;
    QCOMPARE(writer.files().size(), 3);
    int rendered = 0;
    writer.add({QStringLiteral("summary.pdf"), [&](const ReportData &data) -> Result<QByteArray> {
                    ++rendered;
                    return QByteArray(QByteArray("%PDF-1.4 orders: ")
                                      + QByteArray::number(data.report.all.orders));
                }});
    const Result<QStringList> written = writer.write(oneOrder(QStringLiteral("a1")), m_dir->path());
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(written->size(), 4);
    QCOMPARE(rendered, 1);
    QCOMPARE(QFileInfo(written->constLast()).fileName(),
             QStringLiteral("kitchen-report-2026-12-01-summary.pdf"));
    QCOMPARE(contentsOf(written->constLast()), QByteArray("%PDF-1.4 orders: 1"));
}

void TestReportWriter::aFileThatCannotBeMadeWritesNothing()
{
    ReportWriter writer;
    writer.add({QStringLiteral("summary.pdf"), [](const ReportData &) -> Result<QByteArray> {
                    return Failure {QStringLiteral("no fonts")};
                }});
    const Result<QStringList> written = writer.write(oneOrder(QStringLiteral("a1")), m_dir->path());
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("summary.pdf")), qPrintable(written.error()));
    QVERIFY2(written.error().contains(QLatin1String("no fonts")), qPrintable(written.error()));
    QCOMPARE(namesIn(m_dir->path()), QStringList());
}

void TestReportWriter::aFolderThatCannotBeMadeSaysSo()
{
    // A file where the folder should be: no folder can be made under it.
    const QString file = m_dir->filePath(QStringLiteral("not-a-folder"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString folder = file + QStringLiteral("/reports");
    const Result<QStringList> written =
        ReportWriter().write(oneOrder(QStringLiteral("a1")), folder);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QDir::toNativeSeparators(folder)),
             qPrintable(written.error()));
    QCOMPARE(namesIn(m_dir->path()), QStringList({QStringLiteral("not-a-folder")}));
}

void TestReportWriter::writingAgainReplacesEachFileWhole()
{
    const ReportWriter writer;
    QVERIFY(writer.write(oneOrder(QStringLiteral("first-order")), m_dir->path()));
    const ReportData second = oneOrder(QStringLiteral("second-order"));
    const Result<QStringList> written = writer.write(second, m_dir->path());
    QVERIFY(written);
    QCOMPARE(contentsOf(written->at(1)), MetricsCsv::orders(second));
    QVERIFY(!contentsOf(written->at(1)).contains("first-order"));
    QCOMPARE(namesIn(m_dir->path()).size(), 3);
}

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"
