// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/shapedtext.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QtTest/QTest>

#include <functional>

// ShapedText stands in for QPainter::drawText on the tickets: it must put the same pixels where
// drawText does, first time and kept, clip what runs over as drawText does, and keep no more
// than its bound.
class TestShapedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsAsQPainterDrawTextDoes_data();
    void drawsAsQPainterDrawTextDoes();
    void aKeptLayoutFollowsThePaintersPenAndPlace();
    void keepsNoMoreThanItsBound();
};

namespace {
const QSize canvas(320, 160);

QImage painted(const std::function<void(QPainter &)> &paint, const QFont &font,
               Qt::LayoutDirection direction = Qt::LeftToRight)
{
    QImage image(canvas, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.setLayoutDirection(direction);
    paint(painter);
    return image;
}

bool anyInkOutside(const QImage &image, const QRect &rect)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!rect.contains(x, y) && image.pixel(x, y) != qRgb(255, 255, 255))
                return true;
        }
    }
    return false;
}

QFont sized(int pointSize, bool bold = false, bool struck = false)
{
    QFont font;
    font.setPointSize(pointSize);
    font.setBold(bold);
    font.setStrikeOut(struck);
    return font;
}
} // namespace

void TestShapedText::drawsAsQPainterDrawTextDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<int>("flags");
    QTest::addColumn<QFont>("font");
    QTest::addColumn<int>("direction");
    const int left = Qt::AlignLeft | Qt::AlignVCenter;
    const int wrapped = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QRectF wide(10, 20, 280, 40);
    QTest::newRow("one line, left") << QStringLiteral("2× Cheeseburger") << wide << left
                                    << sized(16) << int(Qt::LeftToRight);
    QTest::newRow("right") << QStringLiteral("DOORDASH") << wide
                           << int(Qt::AlignRight | Qt::AlignVCenter) << sized(12)
                           << int(Qt::LeftToRight);
    QTest::newRow("centred chip") << QStringLiteral("PEANUT") << QRectF(40, 30, 90, 28)
                                  << int(Qt::AlignCenter) << sized(11, true)
                                  << int(Qt::LeftToRight);
    QTest::newRow("wrapped") << QStringLiteral("Peanut noodle bowl with extra peanuts and lime")
                             << QRectF(10, 10, 150, 120) << wrapped << sized(14)
                             << int(Qt::LeftToRight);
    QTest::newRow("wrapped, cut to two lines")
            << QStringLiteral("Peanut noodle bowl with extra peanuts and lime and chili")
            << QRectF(10, 10, 150, 44) << wrapped << sized(14) << int(Qt::LeftToRight);
    QTest::newRow("line break") << QStringLiteral("No onions\nNo pickles")
                                << QRectF(10, 10, 200, 90) << wrapped << sized(14)
                                << int(Qt::LeftToRight);
    QTest::newRow("runs over the right edge")
            << QStringLiteral("Supercalifragilistic burger deluxe") << QRectF(20, 20, 120, 30)
            << left << sized(16) << int(Qt::LeftToRight);
    QTest::newRow("wrapped, centred both ways")
            << QStringLiteral("Extra crispy fries with a side of garlic mayo")
            << QRectF(20, 10, 160, 130)
            << int(Qt::AlignCenter | Qt::TextWordWrap) << sized(13) << int(Qt::LeftToRight);
    QTest::newRow("wrapped, at the bottom right")
            << QStringLiteral("Hold until the table is seated") << QRectF(20, 10, 140, 130)
            << int(Qt::AlignRight | Qt::AlignBottom | Qt::TextWordWrap) << sized(15)
            << int(Qt::LeftToRight);
    QTest::newRow("right, wider than the rect")
            << QStringLiteral("CONTINUED 2/3 ▶ and then some") << QRectF(100, 40, 120, 30)
            << int(Qt::AlignRight | Qt::AlignVCenter) << sized(14) << int(Qt::LeftToRight);
    QTest::newRow("struck through") << QStringLiteral("Fries") << wide << left
                                    << sized(16, false, true) << int(Qt::LeftToRight);
    QTest::newRow("right to left") << QStringLiteral("بدون بصل") << wide << left << sized(16)
                                   << int(Qt::RightToLeft);
}

void TestShapedText::drawsAsQPainterDrawTextDoes()
{
    QFETCH(QString, text);
    QFETCH(QRectF, rect);
    QFETCH(int, flags);
    QFETCH(QFont, font);
    QFETCH(int, direction);
    const auto layoutDirection = Qt::LayoutDirection(direction);
    const QImage expected = painted([&](QPainter &p) { p.drawText(rect, flags, text); }, font,
                                    layoutDirection);
    const ShapedText shaped;
    for (int drawn = 0; drawn < 2; ++drawn) { // laid out, then kept
        const QImage image = painted([&](QPainter &p) { shaped.draw(&p, rect, flags, text); },
                                     font, layoutDirection);
        QCOMPARE(image, expected);
    }
    QCOMPARE(shaped.keptCount(), 1);
    QVERIFY(!anyInkOutside(expected, rect.toAlignedRect()));
}

void TestShapedText::aKeptLayoutFollowsThePaintersPenAndPlace()
{
    // Kept once, drawn in another colour at another place: the pen and the rect are the
    // painter's and the call's, not the first draw's.
    const QString text = QStringLiteral("Margherita");
    const int flags = Qt::AlignLeft | Qt::AlignVCenter;
    const QRectF first(10, 10, 200, 30);
    const QRectF second(60, 100, 200, 30);
    const ShapedText shaped;
    painted([&](QPainter &p) { shaped.draw(&p, first, flags, text); }, sized(16));
    const auto inRed = [&](QPainter &p, const std::function<void()> &draw) {
        p.setPen(Qt::red);
        draw();
    };
    const QImage expected = painted(
            [&](QPainter &p) { inRed(p, [&] { p.drawText(second, flags, text); }); }, sized(16));
    const QImage image = painted(
            [&](QPainter &p) { inRed(p, [&] { shaped.draw(&p, second, flags, text); }); },
            sized(16));
    QCOMPARE(image, expected);
    QCOMPARE(shaped.keptCount(), 1);
    // Another font is another layout.
    painted([&](QPainter &p) { shaped.draw(&p, second, flags, text); }, sized(20, true));
    QCOMPARE(shaped.keptCount(), 2);
}

void TestShapedText::keepsNoMoreThanItsBound()
{
    const ShapedText shaped;
    const QString last = QStringLiteral("Order %1").arg(ShapedText::maxKept + 99);
    const QRectF rect(0, 0, 300, 40);
    const int flags = Qt::AlignLeft | Qt::AlignVCenter;
    painted(
            [&](QPainter &p) {
                for (int i = 0; i < ShapedText::maxKept + 100; ++i)
                    shaped.draw(&p, rect, flags, QStringLiteral("Order %1").arg(i));
            },
            sized(14));
    QCOMPARE(shaped.keptCount(), ShapedText::maxKept);
    // What is kept still draws right.
    const QImage expected = painted([&](QPainter &p) { p.drawText(rect, flags, last); },
                                    sized(14));
    QCOMPARE(painted([&](QPainter &p) { shaped.draw(&p, rect, flags, last); }, sized(14)),
             expected);
}

QTEST_MAIN(TestShapedText)
#include "tst_shapedtext.moc"
