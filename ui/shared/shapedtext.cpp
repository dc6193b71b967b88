// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shapedtext.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextOption>

#include <cmath>

void ShapedText::draw(QPainter *painter, const QRectF &rect, int flags, const QString &text) const
{
    if (text.isEmpty())
        return;
    const QPaintDevice *device = painter->device();
    const Key key {text, painter->font(), rect.width(), flags,
                   device ? device->logicalDpiY() : 0, int(painter->layoutDirection())};
    const Laid *shaped = laid(painter, key);

    QPointF at = rect.topLeft();
    if (flags & Qt::AlignBottom)
        at.ry() += rect.height() - shaped->size.height();
    else if (flags & Qt::AlignVCenter)
        at.ry() += (rect.height() - shaped->size.height()) / 2;
    const bool overflows =
            shaped->size.width() > rect.width() || shaped->size.height() > rect.height();
    if (overflows) {
        painter->save();
        painter->setClipRect(rect, Qt::IntersectClip);
    }
    shaped->layout.draw(painter, at);
    if (overflows)
        painter->restore();
}

ShapedText::Laid *ShapedText::laid(QPainter *painter, const Key &key) const
{
    if (Laid *kept = m_laid.object(key))
        return kept;
    auto *fresh = new Laid;
    QString text = key.text;
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    fresh->layout.setText(text);
    fresh->layout.setFont(QFont(key.font, painter->device()));
    // Left and right mean leading and trailing, unless absolute: mirrored right to left.
    Qt::Alignment horizontal = Qt::Alignment(key.flags) & Qt::AlignHorizontal_Mask;
    if (key.direction == Qt::RightToLeft && !(horizontal & Qt::AlignAbsolute)) {
        if (horizontal & Qt::AlignLeft)
            horizontal = (horizontal & ~Qt::AlignLeft) | Qt::AlignRight;
        else if (horizontal & Qt::AlignRight)
            horizontal = (horizontal & ~Qt::AlignRight) | Qt::AlignLeft;
    }
    QTextOption option(horizontal);
    // As TextMeasure measured it: a word longer than the width runs over, and is clipped.
    option.setWrapMode((key.flags & Qt::TextWordWrap) ? QTextOption::WordWrap
                                                      : QTextOption::ManualWrap);
    option.setTextDirection(Qt::LayoutDirection(key.direction));
    fresh->layout.setTextOption(option);
    // Kept shaped: without the cache a layout frees its glyphs once laid out, and shapes again
    // at every draw.
    fresh->layout.setCacheEnabled(true);

    const qreal leading = QFontMetricsF(fresh->layout.font()).leading();
    qreal height = 0;
    qreal width = 0;
    fresh->layout.beginLayout();
    for (QTextLine line = fresh->layout.createLine(); line.isValid();
         line = fresh->layout.createLine()) {
        line.setLineWidth(key.width);
        // Whole pixels between lines, as QPainter::drawText places them.
        height = std::ceil(height + leading);
        line.setPosition(QPointF(0, height));
        // Unrounded, as drawText adds them: QTextLine::height() is rounded up.
        height += line.ascent() + line.descent();
        width = qMax(width, line.naturalTextWidth());
    }
    fresh->layout.endLayout();
    fresh->size = QSizeF(width, height);
    m_laid.insert(key, fresh);
    return fresh;
}
