// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/textmeasure.h"

#include <QFont>
#include <QFontMetricsF>
#include <QtTest/QTest>

// TextMeasure keeps its answers; they must stay the answers QFontMetricsF gives now, for the font
// it measures in now: after a change of font, and after it has forgotten some for room.
class TestTextMeasure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersAsFontMetricsDo_data();
    void answersAsFontMetricsDo();
    void aNewFontIsMeasuredInTheNewFont();
    void answersStayRightPastWhatItKeeps();
};

namespace {
QFont sized(int pointSize, bool bold = false)
{
    QFont font;
    font.setPointSize(pointSize);
    font.setBold(bold);
    return font;
}

qreal wrappedHeight(const QFontMetricsF &metrics, const QString &text, qreal width, int maxLines)
{
    const QRectF needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text);
    return qMin(needed.height(), maxLines * metrics.lineSpacing());
}
} // namespace

void TestTextMeasure::answersAsFontMetricsDo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qreal>("width");
    QTest::newRow("short") << QStringLiteral("Fries") << qreal(200);
    QTest::newRow("wraps") << QStringLiteral("Peanut noodle bowl with extra peanuts and lime")
                           << qreal(120);
    QTest::newRow("narrow") << QStringLiteral("Cheeseburger") << qreal(30);
    QTest::newRow("empty") << QString() << qreal(100);
}

void TestTextMeasure::answersAsFontMetricsDo()
{
    QFETCH(QString, text);
    QFETCH(qreal, width);
    const QFont font = sized(18);
    const QFontMetricsF metrics(font);
    const TextMeasure measure(font);
    for (int asked = 0; asked < 2; ++asked) { // measured, then kept
        QCOMPARE(measure.height(), metrics.height());
        QCOMPARE(measure.advance(text), metrics.horizontalAdvance(text));
        QCOMPARE(measure.wrappedHeight(text, width, 2), wrappedHeight(metrics, text, width, 2));
        QCOMPARE(measure.wrappedHeight(text, width, 1), wrappedHeight(metrics, text, width, 1));
        QCOMPARE(measure.elided(text, width), metrics.elidedText(text, Qt::ElideRight, width));
    }
}

void TestTextMeasure::aNewFontIsMeasuredInTheNewFont()
{
    const QString text = QStringLiteral("Sweet potato fries");
    TextMeasure measure(sized(12));
    const qreal small = measure.advance(text);
    const QString smallElided = measure.elided(text, 80);
    measure.setFont(sized(30, true));
    const QFontMetricsF large(sized(30, true));
    QCOMPARE(measure.advance(text), large.horizontalAdvance(text));
    QVERIFY(measure.advance(text) > small);
    QCOMPARE(measure.elided(text, 80), large.elidedText(text, Qt::ElideRight, 80));
    QVERIFY(measure.elided(text, 80).size() < smallElided.size());
    QCOMPARE(measure.height(), large.height());
}

void TestTextMeasure::answersStayRightPastWhatItKeeps()
{
    const QFont font = sized(14);
    const QFontMetricsF metrics(font);
    const TextMeasure measure(font);
    for (int i = 0; i < 5000; ++i)
        measure.advance(QStringLiteral("Order %1").arg(i));
    for (const int i : {0, 4095, 4096, 4999}) {
        const QString text = QStringLiteral("Order %1").arg(i);
        QCOMPARE(measure.advance(text), metrics.horizontalAdvance(text));
    }
}

QTEST_MAIN(TestTextMeasure)
#include "tst_textmeasure.moc"
