// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketstyle.h"

#include <QGuiApplication>

namespace {
QFont font(int pixelSize, QFont::Weight weight, bool italic = false)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    f.setItalic(italic);
    return f;
}
} // namespace

TicketStyle::TicketStyle()
    : numberFont(font(40, QFont::Bold))
    , ageFont(font(28, QFont::Bold))
    , captionFont(font(16, QFont::Bold))
    , statusFont(font(15, QFont::DemiBold))
    , badgeFont(font(14, QFont::Bold))
    , customerFont(font(17, QFont::Normal))
    , itemFont(font(20, QFont::DemiBold))
    , modifierFont(font(17, QFont::Normal))
    , allergenFont(font(14, QFont::Bold))
    , noteFont(font(16, QFont::Normal, true))
    , moreFont(font(16, QFont::Bold))
{
    numberFont.setLetterSpacing(QFont::AbsoluteSpacing, -0.5);
    captionFont.setLetterSpacing(QFont::AbsoluteSpacing, 1.5);
    badgeFont.setLetterSpacing(QFont::AbsoluteSpacing, 1.0);
    allergenFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.5);
}

QColor TicketStyle::stateColor(OrderState state) const
{
    switch (state) {
    case OrderState::Placed:
        return {0x15, 0x65, 0xc0}; // new: blue, so arrivals stand out
    case OrderState::Accepted:
        return {0x4a, 0x5a, 0x6e};
    case OrderState::Preparing:
        return {0xe0, 0x6c, 0x00};
    case OrderState::Ready:
        return {0x2e, 0x7d, 0x32};
    default: // closed orders leave the board; a neutral grey if one is ever drawn
        return {0x42, 0x42, 0x42};
    }
}

QColor TicketStyle::typeColor(OrderType type) const
{
    switch (type) {
    case OrderType::Pickup:
        return {0x26, 0xa6, 0x9a};
    case OrderType::Delivery:
        return {0xab, 0x47, 0xbc};
    case OrderType::DineIn:
        return {0xc0, 0xca, 0x33};
    }
    return dimText;
}

QColor TicketStyle::ageFill(qint64 ageMs) const
{
    if (ageMs >= lateAgeMs)
        return late;
    if (ageMs >= warnAgeMs)
        return warn;
    return ageChip;
}

QColor TicketStyle::ageText(qint64 ageMs) const
{
    if (ageMs >= lateAgeMs)
        return lateText;
    if (ageMs >= warnAgeMs)
        return warnText;
    return headerText;
}

QPalette TicketStyle::widgetPalette() const
{
    QPalette palette;
    palette.setColor(QPalette::Window, board);
    palette.setColor(QPalette::WindowText, cardText);
    palette.setColor(QPalette::Base, card);
    palette.setColor(QPalette::AlternateBase, rule);
    palette.setColor(QPalette::Text, cardText);
    palette.setColor(QPalette::PlaceholderText, dimText);
    palette.setColor(QPalette::Button, rule);
    palette.setColor(QPalette::ButtonText, cardText);
    palette.setColor(QPalette::Highlight, selection);
    palette.setColor(QPalette::HighlightedText, board);
    palette.setColor(QPalette::ToolTipBase, card);
    palette.setColor(QPalette::ToolTipText, cardText);
    palette.setColor(QPalette::Disabled, QPalette::Text, dimText);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, dimText);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, dimText);
    return palette;
}
