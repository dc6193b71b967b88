// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketstyle.h"

#include "settings/boardoptions.h"

#include <QGuiApplication>

#include <cmath>

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
        return {0xb3, 0x50, 0x00}; // dark enough for white type (4.5:1)
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

TicketStyle::AgeLevel TicketStyle::ageLevel(qint64 ageMs) const
{
    if (ageMs >= lateAgeMs)
        return AgeLevel::Late;
    if (ageMs >= warnAgeMs)
        return AgeLevel::Warn;
    return AgeLevel::Fresh;
}

QColor TicketStyle::headerFill(OrderState state, qint64 ageMs) const
{
    return ageLevel(ageMs) == AgeLevel::Fresh ? stateColor(state) : ageFill(ageMs);
}

QColor TicketStyle::headerTextOn(qint64 ageMs) const
{
    switch (ageLevel(ageMs)) {
    case AgeLevel::Late:
        return lateText;
    case AgeLevel::Warn:
        return warnText;
    case AgeLevel::Fresh:
        break;
    }
    return headerText;
}

QColor TicketStyle::ageFill(qint64 ageMs) const
{
    switch (ageLevel(ageMs)) {
    case AgeLevel::Late:
        return late;
    case AgeLevel::Warn:
        return warn;
    case AgeLevel::Fresh:
        break;
    }
    return ageChip;
}

QColor TicketStyle::ageChipFill(qint64 ageMs) const
{
    // On a header already in the age colour the chip goes dark, so the time stands out.
    return ageLevel(ageMs) == AgeLevel::Fresh ? ageChip : board;
}

QColor TicketStyle::ageChipText(qint64 ageMs) const
{
    return ageLevel(ageMs) == AgeLevel::Warn ? warn : headerText;
}

QColor TicketStyle::readableOn(const QColor &fill)
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrast(black, fill) >= contrast(white, fill) ? black : white;
}

double TicketStyle::contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &colour) {
        const auto linear = [](double channel) {
            return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QList<TicketStyle::TextOnFill> TicketStyle::textOnFills() const
{
    // A see-through fill is judged as it shows: over what it is painted on.
    const auto over = [](const QColor &top, const QColor &under) {
        const double alpha = top.alphaF();
        return QColor::fromRgbF(float(top.redF() * alpha + under.redF() * (1 - alpha)),
                                float(top.greenF() * alpha + under.greenF() * (1 - alpha)),
                                float(top.blueF() * alpha + under.blueF() * (1 - alpha)));
    };
    QList<TextOnFill> pairs{
        {"item, customer and notes on the card", cardText, card},
        {"dim text on the card", dimText, card},
        {"quantity and removals on the card", warn, card},
        {"course and seat headings on the card", selection, card},
        {"order notes", noteText, noteFill},
        {"allergen chips and warnings", allergenText, allergenFill},
        {"banner and the paging bar", bannerText, banner},
        {"dim text on the paging bar", dimText, card},
        {"slow header", warnText, warn},
        {"late header", lateText, late},
        {"age chip on a slow header", ageChipText(warnAgeMs), ageChipFill(warnAgeMs)},
        {"age chip on a late header", ageChipText(lateAgeMs), ageChipFill(lateAgeMs)},
    };
    for (const OrderState state : {OrderState::Placed, OrderState::Accepted, OrderState::Preparing,
                                   OrderState::Ready}) {
        pairs.append({"header in a state colour", headerText, stateColor(state)});
        pairs.append({"age chip on a young header", ageChipText(0),
                      over(ageChipFill(0), stateColor(state))});
        pairs.append({"done station chip", readableOn(stateColor(OrderState::Ready)),
                      stateColor(OrderState::Ready)});
    }
    for (const OrderType type : {OrderType::Pickup, OrderType::Delivery, OrderType::DineIn})
        pairs.append({"type badge", readableOn(typeColor(type)), typeColor(type)});
    return pairs;
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
