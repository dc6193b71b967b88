// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketdrawing.h"

#include "shared/shapedtext.h"
#include "ticketstyle.h"

#include <QPainter>

namespace TicketDrawing {

QColor textOn(const QColor &fill)
{
    return TicketStyle::readableOn(fill);
}

QSizeF chipSize(const QString &text, const TextMeasure &measure)
{
    return {measure.advance(text) + 2 * chipPadding, measure.height() + 6};
}

void drawChip(QPainter *painter, const QRectF &chip, const QString &text, const QFont &font,
              const QColor &fill, const QColor &textColor, const ShapedText *shaped)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, 6, 6);
    painter->setFont(font);
    painter->setPen(textColor);
    if (shaped)
        shaped->draw(painter, chip, Qt::AlignCenter, text);
    else
        painter->drawText(chip, Qt::AlignCenter, text);
}

void drawWrapped(QPainter *painter, const QRectF &rect, const QString &text,
                 const ShapedText &shaped)
{
    shaped.draw(painter, rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
}

} // namespace TicketDrawing
