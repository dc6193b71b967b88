// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/textmeasure.h"

#include <QColor>
#include <QRectF>

class QFont;
class QPainter;
class ShapedText;

/** The small drawing steps every part of a ticket uses: chips and wrapped text. */
namespace TicketDrawing {
constexpr qreal chipPadding = 8;
constexpr qreal chipGap = 6;

/** Black or white, whichever reads on fill. */
QColor textOn(const QColor &fill);
QSizeF chipSize(const QString &text, const TextMeasure &measure);
/**
 * Draws a chip, its text laid out through shaped where the same text is drawn again and again;
 * without, shaped anew (a clock, whose text changes every tick).
 */
void drawChip(QPainter *painter, const QRectF &chip, const QString &text, const QFont &font,
              const QColor &fill, const QColor &textColor, const ShapedText *shaped = nullptr);
/** Draws text wrapped into rect (whose height came from TextMeasure::wrappedHeight). */
void drawWrapped(QPainter *painter, const QRectF &rect, const QString &text,
                 const ShapedText &shaped);
} // namespace TicketDrawing
