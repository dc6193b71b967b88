// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "shared/textmeasure.h"
#include "ticketstyle.h"

#include <QCoreApplication>
#include <QRectF>

#include <optional>

class QPainter;

/**
 * Paints one order as a kitchen ticket onto a card: a header coloured by state with the big
 * number and the ticking age, the type badge and customer, the items with modifiers, allergens and
 * notes. A station view shows only its items, the expo view a row of station chips (done ones
 * ticked, open ones dimmed). Nothing a cook needs is elided: long names wrap, allergens flow onto
 * more lines, and items that do not fit are counted ("+2 more…").
 *
 * A card is painted in three layers, so that what changes every tick costs little: its
 * background, its content, and its clock (the age, the due or waiting time). Keeping painted
 * layers is TicketLayers' job.
 */
class TicketPainter final
{
    Q_DECLARE_TR_FUNCTIONS(TicketPainter)

public:
    /** What one ticket shows. */
    struct Ticket
    {
        Order order;
        qint64 ageMs = 0;
        qint64 stateAgeMs = 0;
        std::optional<qint64> dueInMs;
        QList<OrderItem> items; // what this view shows of the order
        QStringList stations; // expo only: the order's stations, for the chips
        QStringList stationsDone;
        bool firedLate = false;
    };

    /** Where the header's parts go on a card. */
    struct Header
    {
        QRectF band; // coloured by state, across the top of the card
        QRectF number; // left of the age chip
        QRectF ageChip;
        QRectF statusLine; // the state caption, and on the right the due or waiting time
        QString age;
    };

    explicit TicketPainter(const TicketStyle &style = {});

    const TicketStyle &style() const { return m_style; }
    void setStyle(const TicketStyle &style);

    Header header(const QRectF &card, const Ticket &ticket) const;
    /** The card, edged in the age colour once flagged, and the header band in the state colour. */
    void paintBackground(QPainter *painter, const QRectF &card, const Ticket &ticket,
                         const Header &header) const;
    /** All the card's text and chips but the clock, and the selection frame. */
    void paintContent(QPainter *painter, const QRectF &card, const Ticket &ticket,
                      const Header &header, bool selected) const;
    /** The age and the due or waiting time: they change every tick. */
    void paintClock(QPainter *painter, const Ticket &ticket, const Header &header) const;

private:
    void paintHeader(QPainter *painter, const Ticket &ticket, const Header &header) const;
    void paintStatus(QPainter *painter, const Ticket &ticket, const Header &header) const;
    qreal paintMeta(QPainter *painter, const QRectF &area, const Ticket &ticket) const;
    qreal paintStations(QPainter *painter, const QRectF &area, const Ticket &ticket) const;
    qreal paintNotes(QPainter *painter, const QRectF &area, const QStringList &notes) const;
    void paintItems(QPainter *painter, const QRectF &area, const QList<OrderItem> &items) const;
    qreal itemHeight(const OrderItem &item, qreal width) const;
    void paintItem(QPainter *painter, const QRectF &area, const OrderItem &item) const;
    QList<QRectF> allergenChips(const QStringList &allergens, qreal width) const;
    void paintSelection(QPainter *painter, const QRectF &card) const;

    // The style's fonts, each with its measurements kept while the font stays.
    struct Measures
    {
        explicit Measures(const TicketStyle &style) { setFonts(style); }
        void setFonts(const TicketStyle &style);
        TextMeasure number, age, caption, status, badge, customer, item, modifier, allergen, note,
            more;
    };

    TicketStyle m_style;
    Measures m_measures {m_style};
};
