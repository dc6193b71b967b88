// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedlabel.h"

#include <QEvent>
#include <QResizeEvent>
#include <QTextDocument>

#include <algorithm>

ElidedLabel::ElidedLabel(Qt::TextElideMode mode, QWidget *parent)
    : ElidedLabel(QString(), mode, parent)
{ }

ElidedLabel::ElidedLabel(const QString &text, Qt::TextElideMode mode, QWidget *parent)
    : QLabel(parent)
    , m_mode(mode)
{
    // What it shows comes from feeds and peers as often as from us: text, never markup.
    setTextFormat(Qt::PlainText);
    setFullText(text);
}

void ElidedLabel::setFullText(const QString &text)
{
    if (text == m_fullText)
        return;
    m_fullText = text;
    // A tooltip is rich text whenever it looks like it; escaped, it reads as the label does.
    setToolTip(Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNoWrap)
                                         : text);
    setAccessibleName(text);
    setAccessibleDescription(text);
    fit();
    updateGeometry();
}

void ElidedLabel::setShortText(const QString &text)
{
    if (text == m_shortText)
        return;
    m_shortText = text;
    fit();
    updateGeometry();
}

void ElidedLabel::setShortFormKept(bool kept)
{
    if (kept == m_shortFormKept)
        return;
    m_shortFormKept = kept;
    updateGeometry();
}

void ElidedLabel::setRoom(Room room)
{
    if (room == m_room)
        return;
    m_room = room;
    updateGeometry();
}

QSize ElidedLabel::paddingSize() const
{
    const QMargins around = contentsMargins();
    return {2 * margin() + around.left() + around.right(),
            2 * margin() + around.top() + around.bottom()};
}

QSize ElidedLabel::textSize(const QString &text) const
{
    // Of the given text, never of what is shown now; as wide as fit() measures its lines.
    const QRect room(0, 0, 100'000, 100'000);
    const int height = fontMetrics().boundingRect(room, Qt::AlignLeft, text).height();
    return QSize(widestLine(text.split(QLatin1Char('\n'))), height) + paddingSize();
}

QSize ElidedLabel::wholeSizeHint() const
{
    return textSize(m_fullText);
}

QSize ElidedLabel::shortSizeHint() const
{
    if (m_shortText.isEmpty())
        return noTextSize();
    return {textSize(m_shortText).width(), wholeSizeHint().height()};
}

QSize ElidedLabel::noTextSize() const
{
    return {paddingSize().width(), wholeSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    switch (m_room) {
    case Room::Whole:
        return wholeSizeHint();
    case Room::Short:
        return shortSizeHint();
    case Room::None:
        break;
    }
    return noTextSize();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return m_room == Room::None || !m_shortFormKept ? noTextSize() : shortSizeHint();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ContentsRectChange) {
        fit();
        updateGeometry();
    }
}

int ElidedLabel::widestLine(const QStringList &lines) const
{
    int widest = 0;
    for (const QString &line : lines)
        widest = std::max(widest, fontMetrics().horizontalAdvance(line));
    return widest;
}

void ElidedLabel::fit()
{
    const int width = contentsRect().width() - 2 * margin();
    QStringList lines = m_fullText.split(QLatin1Char('\n'));
    if (!m_shortText.isEmpty() && widestLine(lines) > width)
        lines = m_shortText.split(QLatin1Char('\n'));
    // Less than half of it says nothing useful: then nothing at all (the tooltip keeps it).
    if (2 * width < widestLine(lines)) {
        QLabel::setText(QString());
        return;
    }
    // Measured as textSize() measures: elidedText() alone can cut a line that fits to the pixel.
    const QFontMetrics metrics = fontMetrics();
    for (QString &line : lines) {
        if (metrics.horizontalAdvance(line) > width)
            line = metrics.elidedText(line, m_mode, width);
    }
    QLabel::setText(lines.join(QLatin1Char('\n')));
}
