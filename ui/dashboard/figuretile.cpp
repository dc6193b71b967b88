// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "figuretile.h"

#include <QLabel>
#include <QVBoxLayout>

FigureTile::FigureTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_value->setFont(big);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void FigureTile::setValue(const QString &value, const QString &detail, Tone tone)
{
    m_value->setText(value);
    m_detail->setText(detail);
    if (tone == m_tone)
        return;
    m_tone = tone;
    QPalette look = palette();
    switch (tone) {
    case Tone::Plain:
        look = QPalette();
        break;
    case Tone::Attention:
        look.setColor(QPalette::Window, QColor(0xff, 0xe8, 0xb0));
        look.setColor(QPalette::WindowText, Qt::black);
        break;
    case Tone::Alarm:
        look.setColor(QPalette::Window, QColor(0xff, 0xc4, 0xc4));
        look.setColor(QPalette::WindowText, Qt::black);
        break;
    }
    setPalette(look);
}

QString FigureTile::value() const
{
    return m_value->text();
}

QString FigureTile::detail() const
{
    return m_detail->text();
}
