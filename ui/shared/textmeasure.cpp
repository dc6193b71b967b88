// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmeasure.h"

#include <algorithm>

namespace {
// Ages, due times and customers come and go; past this many answers they are measured anew
// rather than kept for ever.
constexpr qsizetype maxKept = 4096;

template<typename Key, typename Value, typename Measure>
Value kept(QHash<Key, Value> &answers, const Key &key, Measure measure)
{
    if (const auto found = answers.constFind(key); found != answers.cend())
        return *found;
    if (answers.size() >= maxKept)
        answers.clear();
    return *answers.insert(key, measure());
}

// Text the font itself covers, with no fallback font whose line could be taller.
bool isPlainLatin(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x250;
    });
}
} // namespace

TextMeasure::TextMeasure(const QFont &font)
    : m_font(font)
    , m_metrics(font)
    , m_height(m_metrics.height())
    , m_lineSpacing(m_metrics.lineSpacing())
    , m_oneLine(m_metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::TextWordWrap,
                                        QStringLiteral("Xg")).height())
{ }

void TextMeasure::setFont(const QFont &font)
{
    if (font != m_font)
        *this = TextMeasure(font);
}

qreal TextMeasure::advance(const QString &text) const
{
    return kept(m_advances, text, [&] { return m_metrics.horizontalAdvance(text); });
}

qreal TextMeasure::wrappedHeight(const QString &text, qreal width, int maxLines) const
{
    // Most item names fit one line. Their advance is kept whatever the width, so a board
    // measuring every ticket at a new width after a resize does not lay out text again.
    if (maxLines >= 1 && !text.isEmpty() && advance(text) <= width && isPlainLatin(text))
        return qMin(m_oneLine, maxLines * m_lineSpacing);
    return kept(m_wrapped, Fit {text, width, maxLines}, [&] {
        const QRectF needed =
            m_metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text);
        return qMin(needed.height(), maxLines * m_lineSpacing);
    });
}

QString TextMeasure::elided(const QString &text, qreal width) const
{
    return kept(m_elided, Fit {text, width, 0},
                [&] { return m_metrics.elidedText(text, Qt::ElideRight, width); });
}
