// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketstyle.h"

#include "settings/boardoptions.h"

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

TicketStyle TicketStyle::fromOptions(const BoardOptions &options)
{
    TicketStyle style;
    if (options.theme == QLatin1String("high-contrast"))
        style.applyHighContrast();
    style.scaleType(options.fontPercent);
    if (options.compact)
        style.applyCompact();
    style.warnAgeMs = options.policy.warnAfterMs();
    style.lateAgeMs = options.policy.lateAfterMs();
    return style;
}

void TicketStyle::scaleType(int percent)
{
    if (percent == 100 || percent <= 0)
        return;
    for (QFont *font : {&numberFont, &ageFont, &captionFont, &statusFont, &badgeFont,
                        &customerFont, &itemFont, &modifierFont, &allergenFont, &noteFont,
                        &moreFont}) {
        font->setPixelSize(qMax(8, font->pixelSize() * percent / 100));
    }
    minimumColumnWidth = minimumColumnWidth * percent / 100;
    padding = qMax(6, padding * percent / 100);
    itemGap = qMax(4, itemGap * percent / 100);
}

void TicketStyle::applyHighContrast()
{
    board = Qt::black;
    card = QColor(0x12, 0x12, 0x12);
    cardText = Qt::white;
    dimText = QColor(0xd0, 0xd6, 0xde);
    rule = QColor(0x6b, 0x74, 0x80);
    selection = QColor(0x00, 0xe5, 0xff);
    ageChip = QColor(0x00, 0x00, 0x00, 0xa0);
    noteFill = QColor(0x4a, 0x3f, 0x00);
    noteText = QColor(0xff, 0xee, 0x58);
    for (QFont *font : {&itemFont, &modifierFont, &customerFont})
        font->setWeight(QFont::Bold);
}

void TicketStyle::applyCompact()
{
    // Type stays as large (it must read from two metres); space is what a compact board saves.
    padding = qMax(4, padding * 2 / 3);
    itemGap = qMax(3, itemGap / 2);
    cardMargin = qMax(3, cardMargin * 2 / 3);
    minimumColumnWidth = minimumColumnWidth * 7 / 8;
    numberFont.setPixelSize(qMax(8, numberFont.pixelSize() * 3 / 4));
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

QPalette TicketStyle::panelPalette(QPalette colours) const
{
    colours.setColor(QPalette::Window, card);
    colours.setColor(QPalette::WindowText, cardText);
    colours.setColor(QPalette::Base, card);
    colours.setColor(QPalette::Text, cardText);
    return colours;
}

QFont TicketStyle::calloutFont() const
{
    QFont large = customerFont;
    large.setBold(true);
    if (large.pixelSize() > 0)
        large.setPixelSize(large.pixelSize() * 5 / 4);
    else
        large.setPointSizeF(large.pointSizeF() * 1.25);
    return large;
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
