// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one-page PDF summary, drawn from a fixture day of orders: a PDF of exactly one page, and
// the same drawing as a picture (kept with the screenshots) with ink in the table and the charts.
#include "../metrics/orderscript.h"
#include "dashboard/reportpdf.h"
#include "metrics/metricsaggregate.h"
#include "metrics/metricsledger.h"
#include "metrics/reportwriter.h"
#include "pdfpages.h"
#include "screenshots.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace MetricsTest;

namespace {
MetricsSettings utcSettings()
{
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    return settings;
}

// Four orders on 2026-12-01 (UTC): two handed over, one rejected, one still cooking.
ReportData dayOfOrders()
{
    OrderScript a1(QStringLiteral("a1"), noonDay(12, 0));
    a1.accept(noonDay(12, 1), noonDay(12, 20))
        .to(OrderState::Preparing, noonDay(12, 2))
        .line(0, QStringLiteral("grill"), noonDay(12, 5), true, QStringLiteral("Cheeseburger"))
        .station(QStringLiteral("grill"), noonDay(12, 6))
        .to(OrderState::Ready, noonDay(12, 10))
        .to(OrderState::PickedUp, noonDay(12, 15));
    OrderScript b2(QStringLiteral("b2"), noonDay(12, 30), OrderType::Delivery,
                   QStringLiteral("pos:square"));
    b2.accept(noonDay(12, 31), noonDay(12, 40))
        .to(OrderState::Preparing, noonDay(12, 32))
        .line(1, QStringLiteral("fry"), noonDay(12, 38), true, QStringLiteral("Fries"))
        .station(QStringLiteral("fry"), noonDay(12, 39))
        .to(OrderState::Ready, noonDay(12, 45))
        .to(OrderState::OutForDelivery, noonDay(12, 50));
    OrderScript c3(QStringLiteral("c3"), noonDay(13, 5));
    c3.to(OrderState::Rejected, noonDay(13, 6), QStringLiteral("Out of buns"));
    OrderScript d4(QStringLiteral("d4"), noonDay(14, 0));
    d4.accept(noonDay(14, 1), noonDay(14, 20)).to(OrderState::Preparing, noonDay(14, 2));

    const MetricsLedger ledger = ledgerOf({a1, b2, c3, d4});
    const MetricsWindow day =
        MetricsWindow::days(QDate(2026, 12, 1), QDate(2026, 12, 1), QTimeZone::utc());
    MetricsAggregate aggregate(day, utcSettings());
    aggregate.reset(ledger.timelines());
    return ReportData::of(aggregate.report(noonDay(15, 0), ledger.lastSeq()),
                          ledger.timelines(), QTimeZone::utc());
}

// Pixels clearly darker than paper in rect: text, bars, axes.
int inkIn(const QImage &image, const QRect &rect)
{
    int ink = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (qGray(image.pixel(x, y)) < 160)
                ++ink;
    return ink;
}
} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isOnePdfPage();
    void aPictureOfThePageHasItsTableAndCharts();
    void isOneOfTheReportsFiles();
};

void TestReportPdf::isOnePdfPage()
{
    const ReportPdf summary(QStringLiteral("Store one"), utcSettings());
    const Result<QByteArray> pdf = summary.render(dayOfOrders());
    QVERIFY2(pdf, qPrintable(pdf.error()));
    QVERIFY(pdf->startsWith("%PDF-"));
    QVERIFY(pdf->trimmed().endsWith("%%EOF"));
    QCOMPARE(pdfPageCount(*pdf), 1);
    QVERIFY(pdf->contains("/Type /Pages") || pdf->contains("/Type/Pages"));
}

void TestReportPdf::aPictureOfThePageHasItsTableAndCharts()
{
    // A4 at 100 dpi, from the same drawing as the PDF.
    QImage page(827, 1169, QImage::Format_RGB32);
    page.fill(Qt::magenta); // a page the drawing never touched would stay this colour
    const ReportPdf summary(QStringLiteral("Store one"), utcSettings());
    QVERIFY(summary.paint(page, dayOfOrders()));
    QCOMPARE(page.pixelColor(2, 2), QColor(Qt::white));
    const QString path = screenshotPath(QStringLiteral("report-summary"));
    QVERIFY(!path.isEmpty());
    QVERIFY(page.save(path));
    qInfo("the summary page: %s", qUtf8Printable(path));

    // The headline table in the top third, then four charts two by two in the rest.
    QVERIFY(inkIn(page, QRect(40, 40, 747, 300)) > 2000);
    const int chartTop = 500;
    const int halfWidth = 827 / 2;
    const int halfHeight = (1169 - chartTop) / 2;
    for (int place = 0; place < 4; ++place) {
        const QRect cell(place % 2 * halfWidth + 50, chartTop + place / 2 * halfHeight + 30,
                         halfWidth - 100, halfHeight - 60);
        QVERIFY2(inkIn(page, cell) > 500, qPrintable(QStringLiteral("chart %1").arg(place)));
    }
    // Nothing drawn off the page's foot: the bottom margin is paper.
    QCOMPARE(inkIn(page, QRect(0, 1169 - 20, 827, 20)), 0);
}

void TestReportPdf::isOneOfTheReportsFiles()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    ReportWriter writer;
    writer.add(ReportPdf(QString(), utcSettings()).file());
    const Result<QStringList> written = writer.write(dayOfOrders(), folder.path());
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(written->size(), 4);
    QVERIFY(written->last().endsWith(QStringLiteral("kitchen-report-2026-12-01-summary.pdf")));
    QFile file(written->last());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(pdfPageCount(file.readAll()), 1);
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
