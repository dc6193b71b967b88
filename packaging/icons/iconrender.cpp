// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// icon-render: paints the icon's hand-written SVG into the PNG sizes of the hicolor theme, at build
// time and without Qt Svg (not among our dependencies). It reads only the subset the icon is drawn
// in (rect and circle, flat #rrggbb fills with an optional fill-opacity) and refuses anything else,
// so the PNGs can never quietly differ from the drawing.
//   icon-render ICON.svg OUTPUT_DIR SIZE...   writes OUTPUT_DIR/<SIZE>x<SIZE>/apps/<ICON>.png
// Only shapes are painted, so no QGuiApplication (and no fonts or platform plugin) is needed.
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QRectF>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <cstdio>
#include <optional>

namespace {
struct Shape
{
    bool ellipse = false;
    QRectF box;
    qreal rx = 0;
    qreal ry = 0;
    QColor fill;
};

struct Drawing
{
    QRectF viewBox;
    QList<Shape> shapes;
};

// Reads the drawing; on anything outside the subset, says what and where in *error.
class SubsetReader final
{
public:
    explicit SubsetReader(QIODevice *device)
        : m_xml(device)
    { }

    std::optional<Drawing> read(QString *error)
    {
        Drawing drawing;
        while (!m_xml.atEnd() && m_error.isEmpty()) {
            if (m_xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_xml.name();
            if (name == u"svg")
                drawing.viewBox = viewBox();
            else if (name == u"rect")
                drawing.shapes.append(rect());
            else if (name == u"circle")
                drawing.shapes.append(circle());
            else
                fail(QStringLiteral("element <%1> is outside the subset").arg(name));
        }
        if (m_error.isEmpty() && m_xml.hasError())
            fail(m_xml.errorString());
        if (m_error.isEmpty() && drawing.viewBox.isEmpty())
            fail(QStringLiteral("no viewBox on <svg>"));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return std::nullopt;
        }
        return drawing;
    }

private:
    // Fails on an attribute the element may not have; the namespace declaration is no attribute.
    void only(std::initializer_list<const char *> allowed)
    {
        QSet<QString> names;
        for (const char *name : allowed)
            names.insert(QString::fromLatin1(name));
        for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
            if (!names.contains(attribute.qualifiedName().toString()))
                fail(QStringLiteral("attribute %1 of <%2> is outside the subset")
                             .arg(attribute.qualifiedName(), m_xml.name()));
        }
    }

    qreal number(const char *attribute, std::optional<qreal> fallback = std::nullopt)
    {
        const QStringView text = m_xml.attributes().value(QLatin1String(attribute));
        if (text.isEmpty() && fallback)
            return *fallback;
        bool ok = false;
        const qreal value = text.toDouble(&ok);
        if (!ok || value < 0)
            fail(QStringLiteral("%1=\"%2\" of <%3> is not a number of 0 or more")
                         .arg(QLatin1String(attribute), text, m_xml.name()));
        return value;
    }

    QColor fill()
    {
        static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        const QString text = m_xml.attributes().value(QLatin1String("fill")).toString();
        if (!hex.match(text).hasMatch()) {
            fail(QStringLiteral("fill=\"%1\" of <%2> is not #rrggbb").arg(text, m_xml.name()));
            return {};
        }
        QColor colour = QColor::fromString(text);
        const qreal opacity = number("fill-opacity", 1.0);
        if (opacity > 1)
            fail(QStringLiteral("fill-opacity above 1 on <%1>").arg(m_xml.name()));
        colour.setAlphaF(float(opacity));
        return colour;
    }

    QRectF viewBox()
    {
        only({"xmlns", "width", "height", "viewBox"});
        const QStringList parts = m_xml.attributes()
                                          .value(QLatin1String("viewBox"))
                                          .toString()
                                          .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QList<qreal> values;
        for (const QString &part : parts) {
            bool ok = false;
            values.append(part.toDouble(&ok));
            if (!ok)
                values.clear();
        }
        return values.size() == 4 ? QRectF(values[0], values[1], values[2], values[3]) : QRectF();
    }

    Shape rect()
    {
        only({"x", "y", "width", "height", "rx", "ry", "fill", "fill-opacity"});
        Shape shape;
        shape.box = QRectF(number("x", 0.0), number("y", 0.0), number("width"), number("height"));
        // As SVG has it: a radius given on one axis only holds for both.
        const bool hasRx = m_xml.attributes().hasAttribute(QLatin1String("rx"));
        const bool hasRy = m_xml.attributes().hasAttribute(QLatin1String("ry"));
        shape.rx = hasRx ? number("rx") : hasRy ? number("ry") : 0;
        shape.ry = hasRy ? number("ry") : shape.rx;
        shape.rx = qMin(shape.rx, shape.box.width() / 2);
        shape.ry = qMin(shape.ry, shape.box.height() / 2);
        shape.fill = fill();
        return shape;
    }

    Shape circle()
    {
        only({"cx", "cy", "r", "fill", "fill-opacity"});
        Shape shape;
        shape.ellipse = true;
        const qreal r = number("r");
        shape.box = QRectF(number("cx") - r, number("cy") - r, 2 * r, 2 * r);
        shape.fill = fill();
        return shape;
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("line %1: %2").arg(m_xml.lineNumber()).arg(message);
    }

    QXmlStreamReader m_xml;
    QString m_error;
};

QImage paint(const Drawing &drawing, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.scale(size / drawing.viewBox.width(), size / drawing.viewBox.height());
    painter.translate(-drawing.viewBox.topLeft());
    for (const Shape &shape : drawing.shapes) {
        painter.setBrush(shape.fill);
        if (shape.ellipse)
            painter.drawEllipse(shape.box);
        else
            painter.drawRoundedRect(shape.box, shape.rx, shape.ry);
    }
    return image;
}

void printLine(const QString &text)
{
    std::fprintf(stderr, "icon-render: %s\n", qUtf8Printable(text));
}
} // namespace

int main(int argc, char *argv[])
{
    if (argc < 4) {
        printLine(QStringLiteral("usage: icon-render ICON.svg OUTPUT_DIR SIZE..."));
        return 2;
    }
    const QString svgPath = QString::fromLocal8Bit(argv[1]);
    const QDir output(QString::fromLocal8Bit(argv[2]));
    QFile svg(svgPath);
    if (!svg.open(QIODevice::ReadOnly)) {
        printLine(QStringLiteral("cannot read %1: %2").arg(svgPath, svg.errorString()));
        return 1;
    }
    QString error;
    const std::optional<Drawing> drawing = SubsetReader(&svg).read(&error);
    if (!drawing) {
        printLine(QStringLiteral("%1: %2").arg(svgPath, error));
        return 1;
    }
    const QString name = QFileInfo(svgPath).completeBaseName() + QStringLiteral(".png");
    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            printLine(QStringLiteral("bad size %1").arg(QString::fromLocal8Bit(argv[i])));
            return 2;
        }
        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        const QString path = output.filePath(folder + u'/' + name);
        if (!output.mkpath(folder) || !paint(*drawing, size).save(path, "PNG")) {
            printLine(QStringLiteral("cannot write %1").arg(path));
            return 1;
        }
    }
    return 0;
}
