// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontMetricsF>
#include <QHash>
#include <QString>

/**
 * One font's metrics, with the answers kept: measuring text shapes it every time, and tickets
 * measure the same item names, chips and widths over and over.
 */
class TextMeasure final
{
public:
    explicit TextMeasure(const QFont &font = {});

    /** Measures in font from now on; what was kept stays if it is the same font. */
    void setFont(const QFont &font);
    qreal height() const { return m_height; }
    qreal advance(const QString &text) const;
    /** Height of text wrapped at width, at most maxLines lines. */
    qreal wrappedHeight(const QString &text, qreal width, int maxLines) const;
    /** text elided on the right to fit width. */
    QString elided(const QString &text, qreal width) const;

private:
    struct Fit
    {
        QString text;
        qreal width = 0;
        int maxLines = 0;
        friend bool operator==(const Fit &a, const Fit &b)
        {
            return a.text == b.text && a.width == b.width && a.maxLines == b.maxLines;
        }
        friend size_t qHash(const Fit &fit, size_t seed = 0)
        {
            return qHashMulti(seed, fit.text, fit.width, fit.maxLines);
        }
    };

    QFont m_font;
    QFontMetricsF m_metrics;
    qreal m_height = 0;
    qreal m_lineSpacing = 0;
    qreal m_oneLine = 0; // the height of one wrapped line
    mutable QHash<QString, qreal> m_advances;
    mutable QHash<Fit, qreal> m_wrapped;
    mutable QHash<Fit, QString> m_elided;
};
