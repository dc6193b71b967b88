// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedlabel.h"

#include <QResizeEvent>

ElidedLabel::ElidedLabel(const QString &text, Qt::TextElideMode mode, QWidget *parent)
    : QLabel(text, parent)
    , m_fullText(text)
    , m_mode(mode)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setMinimumWidth(0);
    setToolTip(text);
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    // Less than half of it says nothing useful: then nothing at all (the tooltip keeps it).
    const int width = event->size().width();
    const bool tooNarrow = width * 2 < fontMetrics().horizontalAdvance(m_fullText);
    setText(tooNarrow ? QString() : fontMetrics().elidedText(m_fullText, m_mode, width));
}
