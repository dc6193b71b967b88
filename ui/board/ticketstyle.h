// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QSize>
#include <QString>

struct BoardOptions;

/**
 * The kitchen look: a dark palette and large type that reads from two metres, plus the age
 * thresholds that turn a ticket amber and then red. The "high-contrast" theme goes further: black
 * board, white type, brighter rules, for screens under heat lamps and in bright kitchens.
 */
struct TicketStyle
{
    /** The dark theme at 100 % type, with Fresh KDS's default thresholds (5 and 8 min). */
    TicketStyle();
    /** The store's theme, type size and age thresholds. */
    static TicketStyle fromOptions(const BoardOptions &options);

    /** Scales every font and the minimum column by percent (100: unchanged). */
    void scaleType(int percent);
    void applyHighContrast();
    /** Tighter spacing and a smaller header, same type size: more tickets on the screen. */
    void applyCompact();

    int minimumColumnWidth = 280; // a column of tickets, margins included; the board stretches
                                  // its columns to fill its width
    int cardMargin = 7; // around each card; the selection outline lives here
    int padding = 12;
    int itemGap = 10; // between items
    int radius = 10;

    qint64 warnAgeMs = 5 * 60 * 1000;
    qint64 lateAgeMs = 8 * 60 * 1000;

    QColor board {0x0f, 0x12, 0x15};
    QColor card {0x1f, 0x24, 0x2b};
    QColor cardText {0xf4, 0xf6, 0xf8};
    QColor headerText {0xff, 0xff, 0xff}; // reads on every stateColor()
    QColor dimText {0xa9, 0xb3, 0xc1};
    QColor rule {0x34, 0x3b, 0x45};
    QColor selection {0x4f, 0xd1, 0xff};
    QColor allergenFill {0xc6, 0x28, 0x28};
    QColor allergenText {0xff, 0xff, 0xff};
    QColor noteFill {0x3b, 0x34, 0x1c};
    QColor noteText {0xff, 0xe0, 0x82};
    QColor ageChip {0x00, 0x00, 0x00, 0x70};
    QColor warn {0xff, 0xc1, 0x07};
    QColor warnText {0x1a, 0x12, 0x00};
    QColor late {0xb7, 0x1c, 0x1c}; // darker than the allergen chips, and labelled LATE
    QColor lateText {0xff, 0xff, 0xff};
    QColor banner {0xff, 0xb3, 0x00};
    QColor bannerText {0x1a, 0x12, 0x00};

    QFont numberFont;
    QFont ageFont;
    QFont captionFont;
    QFont statusFont;
    QFont badgeFont;
    QFont customerFont;
    QFont itemFont;
    QFont modifierFont;
    QFont allergenFont;
    QFont noteFont;
    QFont moreFont;

    /** How far past its thresholds a ticket's age is. */
    enum class AgeLevel { Fresh, Warn, Late };
    AgeLevel ageLevel(qint64 ageMs) const;

    /** The header colour for a state. */
    QColor stateColor(OrderState state) const;
    /** A ticket's header: its state's colour while young, then the warn and late colours. */
    QColor headerFill(OrderState state, qint64 ageMs) const;
    /** Text that reads on headerFill(…, ageMs). */
    QColor headerTextOn(qint64 ageMs) const;
    /** The type badge colour. */
    QColor typeColor(OrderType type) const;
    /** The card's edge and age colour: none while young, then warn, then late. */
    QColor ageFill(qint64 ageMs) const;
    /** The age chip on the header: see-through while young, dark on a coloured header. */
    QColor ageChipFill(qint64 ageMs) const;
    /** Text that reads on ageChipFill(ageMs). */
    QColor ageChipText(qint64 ageMs) const;
    /** True once a ticket has waited long enough to be flagged. */
    bool isAgeFlagged(qint64 ageMs) const { return ageMs >= warnAgeMs; }
    /** A widget palette in the same colours, for the window, header and dialogs. */
    QPalette widgetPalette() const;
    /** colours with text on the card colour, for the panels beside the board. */
    QPalette panelPalette(QPalette colours) const;
    /** The customer type a quarter larger and bold: lines read from across the kitchen. */
    QFont calloutFont() const;

    /** Black or white, whichever reads better on fill. */
    static QColor readableOn(const QColor &fill);
    /** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
    static double contrast(const QColor &a, const QColor &b);

    /** A text colour on the fill it is painted on; every such pair a ticket or bar uses. */
    struct TextOnFill
    {
        const char *where;
        QColor text;
        QColor fill;
    };
    QList<TextOnFill> textOnFills() const;
};
