// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpdf.h"

#include "dashboardcharts.h"
#include "overviewpage.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QBuffer>
#include <QChart>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

namespace {
// The page is laid out in units of 1/96 inch on A4, then scaled to the device. Fonts are sized in
// those units (pixel sizes), so text and charts keep their proportions on a 300 dpi PDF and on a
// 96 dpi picture alike; a point size would follow each device's own resolution instead.
constexpr qreal pageWidth = 210.0 / 25.4 * 96.0;
constexpr qreal pageHeight = 297.0 / 25.4 * 96.0;
constexpr qreal margin = 40; // about 10.5 mm
constexpr qreal gap = 12;

QFont fontOf(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels); // 1/96 inch: 11 units is 8.25 pt
    font.setBold(bold);
    return font;
}

QColor toneColor(FigureTile::Tone tone)
{
    switch (tone) {
    case FigureTile::Tone::Plain:
        return Qt::black;
    case FigureTile::Tone::Attention:
        return QColor(0x8a, 0x55, 0x00); // a dark amber that still reads in grey print
    case FigureTile::Tone::Alarm:
        return QColor(0xa0, 0x10, 0x20);
    }
    return Qt::black;
}

// The chart's own text in page units, and category labels on end where they would not fit
// side by side (Qt Charts would cut them short).
void sizeForPrint(QChart &chart, qreal width)
{
    chart.setTitleFont(fontOf(12, true));
    chart.legend()->setFont(fontOf(9));
    chart.setBackgroundRoundness(0);
    chart.setBackgroundPen(QPen(QColor(0xcc, 0xcc, 0xcc), 1));
    chart.setMargins(QMargins(4, 4, 4, 4));
    const QList<QAbstractAxis *> axes = chart.axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsFont(fontOf(9));
        axis->setTitleFont(fontOf(9));
        auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
        if (!categories || categories->count() == 0)
            continue;
        const QFontMetricsF metrics(axis->labelsFont());
        qreal widest = 0;
        for (const QString &label : categories->categories())
            widest = std::max(widest, metrics.horizontalAdvance(label));
        if (widest + 6 > (width - 70) / categories->count())
            categories->setLabelsAngle(-90);
    }
}

QString periodText(const ReportData &data)
{
    const QLocale locale;
    const MetricsWindow &window = data.report.window;
    if (window.kind == MetricsWindow::Kind::LastHour) {
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.from, data.zone);
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.to, data.zone);
        return ReportPdf::tr("%1, %2 to %3")
                .arg(locale.toString(from.date(), QLocale::LongFormat),
                     locale.toString(from.time(), QLocale::ShortFormat),
                     locale.toString(to.time(), QLocale::ShortFormat));
    }
    const QDate first = data.firstDay();
    const QDate last = data.lastDay();
    if (first == last)
        return locale.toString(first, QLocale::LongFormat);
    return ReportPdf::tr("%1 to %2").arg(locale.toString(first, QLocale::LongFormat),
                                         locale.toString(last, QLocale::LongFormat));
}

// The headline figures as a table of caption, value and detail; returns where it ends.
qreal drawFigures(QPainter &painter, qreal top, const QList<OverviewPage::Headline> &headlines)
{
    const qreal captionWidth = 170;
    const qreal valueWidth = 100;
    const qreal left = margin;
    const qreal detailLeft = left + captionWidth + valueWidth;
    const qreal detailWidth = pageWidth - margin - detailLeft;
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    qreal y = top;
    painter.setPen(QColor(0xbb, 0xbb, 0xbb));
    painter.drawLine(QPointF(left, y), QPointF(pageWidth - margin, y));
    for (const OverviewPage::Headline &headline : headlines) {
        y += 4;
        painter.setFont(fontOf(11));
        const QRectF detail = painter.boundingRect(QRectF(detailLeft, y, detailWidth, 1000), flags,
                                                   headline.detail);
        const QRectF caption = painter.boundingRect(QRectF(left, y, captionWidth - 8, 1000),
                                                    flags, headline.caption);
        painter.setPen(Qt::black);
        painter.drawText(caption, flags, headline.caption);
        painter.setPen(QColor(0x33, 0x33, 0x33));
        painter.drawText(detail, flags, headline.detail);
        painter.setFont(fontOf(12, true));
        const QRectF value = painter.boundingRect(
                QRectF(left + captionWidth, y, valueWidth - 8, 1000), flags, headline.value);
        painter.setPen(toneColor(headline.tone));
        painter.drawText(value, flags, headline.value);
        y += std::max({detail.height(), caption.height(), value.height()}) + 4;
        painter.setPen(QColor(0xdd, 0xdd, 0xdd));
        painter.drawLine(QPointF(left, y), QPointF(pageWidth - margin, y));
    }
    return y;
}

// The four charts two by two in area, the same the dashboard shows.
void drawCharts(QPainter &painter, const QRectF &area, const MetricsReport &report)
{
    const qreal width = (area.width() - gap) / 2;
    const qreal height = (area.height() - gap) / 2;
    int place = 0;
    for (DashboardCharts::Kind kind : DashboardCharts::all()) {
        QGraphicsScene scene;
        auto *chart = new QChart; // the scene owns it
        scene.addItem(chart);
        DashboardCharts::fill(chart, kind, report);
        sizeForPrint(*chart, width);
        const QRectF bounds(0, 0, width, height);
        chart->setGeometry(bounds);
        chart->layout()->activate(); // no event loop turns between here and the drawing
        scene.setSceneRect(bounds);
        const QRectF target(area.left() + (place % 2) * (width + gap),
                            area.top() + (place / 2) * (height + gap), width, height);
        scene.render(&painter, target, bounds);
        ++place;
    }
}
} // namespace

ReportPdf::ReportPdf(QString storeName, const MetricsSettings &settings)
    : m_storeName(std::move(storeName))
    , m_settings(settings)
{ }

ReportFile ReportPdf::file() const
{
    return {part(), [summary = *this](const ReportData &data) { return summary.render(data); }};
}

Result<QByteArray> ReportPdf::render(const ReportData &data) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setTitle(tr("Kitchen report, %1").arg(periodText(data)));
    writer.setCreator(QStringLiteral("Kitchen Console"));
    if (!paint(writer, data))
        return Failure{tr("the PDF could not be drawn")};
    return bytes;
}

bool ReportPdf::paint(QPaintDevice &device, const ReportData &data) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    painter.fillRect(QRect(0, 0, device.width(), device.height()), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = std::min(device.width() / pageWidth, device.height() / pageHeight);
    painter.scale(scale, scale);
    painter.fillRect(QRectF(0, 0, pageWidth, pageHeight), Qt::white);

    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const qreal textWidth = pageWidth - 2 * margin;
    qreal y = margin;
    painter.setPen(Qt::black);
    painter.setFont(fontOf(20, true));
    const QString title = m_storeName.isEmpty()
            ? tr("Kitchen report")
            : tr("Kitchen report: %1").arg(m_storeName);
    QRectF box = painter.boundingRect(QRectF(margin, y, textWidth, 1000), flags, title);
    painter.drawText(box, flags, title);
    y += box.height() + 2;

    painter.setFont(fontOf(13));
    const QString period = periodText(data);
    box = painter.boundingRect(QRectF(margin, y, textWidth, 1000), flags, period);
    painter.drawText(box, flags, period);
    y += box.height() + 2;

    painter.setFont(fontOf(10));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    const QDateTime made = QDateTime::fromMSecsSinceEpoch(data.report.computedAt, data.zone);
    const QString about = tr("Made %1 · times in %2 · tickets amber after %3 min, red after %4 min")
                                  .arg(QLocale().toString(made, QLocale::ShortFormat),
                                       QString::fromUtf8(data.zone.id()))
                                  .arg(m_settings.warnAfterMs / 60000)
                                  .arg(m_settings.lateAfterMs / 60000);
    box = painter.boundingRect(QRectF(margin, y, textWidth, 1000), flags, about);
    painter.drawText(box, flags, about);
    y += box.height() + 10;

    y = drawFigures(painter, y, OverviewPage::headlines(data.report, m_settings));
    drawCharts(painter, QRectF(margin, y + gap, textWidth, pageHeight - margin - y - gap),
               data.report);
    return painter.end();
}
