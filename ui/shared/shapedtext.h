// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QTextLayout>

class QPainter;

/**
 * Text laid out once and drawn as often as it is painted. QPainter::drawText shapes its text on
 * every call, and shaping was half of a ticket's painting; a ticket painted again after a change
 * draws mostly the lines it drew before. At most maxKept layouts are kept, the least recently
 * drawn going first, so what changes every second (a ticket's clock) belongs elsewhere.
 */
class ShapedText final
{
public:
    static constexpr int maxKept = 1024;

    /**
     * Draws text into rect in the painter's font and pen as QPainter::drawText(rect, flags, text)
     * would, for the alignment flags and Qt::TextWordWrap: clipped to rect, a line break starting
     * a line.
     */
    void draw(QPainter *painter, const QRectF &rect, int flags, const QString &text) const;
    /** How many layouts are kept (for tests of the bound). */
    int keptCount() const { return m_laid.count(); }

private:
    struct Key
    {
        QString text;
        QFont font;
        qreal width = 0;
        int flags = 0;
        int dpi = 0;
        int direction = 0;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.text == b.text && a.font == b.font && a.width == b.width
                    && a.flags == b.flags && a.dpi == b.dpi && a.direction == b.direction;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.font, key.width, key.flags, key.dpi,
                              key.direction);
        }
    };
    struct Laid
    {
        QTextLayout layout;
        QSizeF size; // of the lines laid out, to align them in the rect and clip only overflow
    };

    Laid *laid(QPainter *painter, const Key &key) const;

    mutable QCache<Key, Laid> m_laid {maxKept};
};
