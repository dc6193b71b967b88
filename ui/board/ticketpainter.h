// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderattention.h"
#include "order/itemdiff.h"
#include "order/order.h"
#include "shared/shapedtext.h"
#include "shared/textmeasure.h"
#include "ticketbody.h"
#include "ticketshape.h"
#include "ticketstyle.h"

#include <QCoreApplication>
#include <QRectF>

#include <optional>

class QPainter;

/**
 * Paints one order as a kitchen ticket onto a card: a header coloured by state with the big
 * number and the ticking age, the type badge and customer, then the content (TicketBody). A
 * station view shows only its items, the expo view a row of station chips (done ones ticked, open
 * ones dimmed). A ticket is as tall as its content (shape()); one taller than a column is painted
 * in parts, each with the header and marked as continued, the first with the type and customer.
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
        QList<int> lines; // each shown item's index in order.items; empty: all, in order
        bool numbered = false; // the items show their numbers: a cook is picking one by key
        QStringList stations; // expo only: the order's stations, for the chips
        QStringList stationsDone;
        bool firedLate = false;
        // Waiting for a cook to acknowledge someone else's change (OrderModel::AttentionRole).
        OrderAttention::Kind attention = OrderAttention::Kind::None;
        QList<ItemChange> changes; // for Changed: line by line, of the lines this view shows
        qint64 promiseMovedFrom = 0; // for Changed: the ready time acknowledged before (UTC ms)
    };

    /** Where the header's parts go on a card. */
    struct Header
    {
        QRectF band; // coloured by state, across the top of the card
        QRectF number; // left of the age chip
        QRectF ageChip;
        QRectF statusLine; // the state caption, and on the right the due or waiting time
        QString age;
        bool slim = false; // a continued part's: one line, no status
    };

    explicit TicketPainter(const TicketStyle &style = {});

    const TicketStyle &style() const { return m_style; }
    void setStyle(const TicketStyle &style);

    Header header(const QRectF &card, const Ticket &ticket, const TicketPart &part = {}) const;
    /** What ticket needs on a card width wide: see TicketShape. */
    TicketShape shape(const Ticket &ticket, qreal width) const;
    /** The card, edged in the age colour once flagged, and the header band in the state colour. */
    void paintBackground(QPainter *painter, const QRectF &card, const Ticket &ticket,
                         const Header &header) const;
    /** All of part's text and chips but the clock, and the selection frame. */
    void paintContent(QPainter *painter, const QRectF &card, const Ticket &ticket,
                      const Header &header, const TicketPart &part, bool selected) const;
    /** The age and the due or waiting time: they change every tick. */
    void paintClock(QPainter *painter, const Ticket &ticket, const Header &header) const;
    /** The order's line (an index into order.items) painted at point in part; none elsewhere. */
    std::optional<int> lineAt(const QRectF &card, const Ticket &ticket, const TicketPart &part,
                              const QPointF &point) const;
    /** The order's line painted number-th (from 1, top to bottom); none past the last. */
    std::optional<int> lineNumbered(const Ticket &ticket, int number) const;
    /** Index into order.items of the item shown i-th. */
    static int lineOf(const Ticket &ticket, int shown);

private:
    static TicketBody::Marks marksOf(const Ticket &ticket);
    qreal bandHeight() const;
    qreal slimBandHeight() const;
    QString caption(const Ticket &ticket, const TicketPart &part) const;
    void paintHeader(QPainter *painter, const Ticket &ticket, const Header &header,
                     const TicketPart &part) const;
    void paintStatus(QPainter *painter, const Ticket &ticket, const Header &header) const;
    qreal metaHeight() const;
    qreal bodyTop(const QRectF &card, const Ticket &ticket, const Header &header,
                  const TicketPart &part) const;
    void paintMeta(QPainter *painter, const QRectF &area, const Ticket &ticket) const;
    QList<QRectF> stationChips(const Ticket &ticket, qreal width) const;
    qreal stationsHeight(const Ticket &ticket, qreal width) const;
    void paintStations(QPainter *painter, const QRectF &area, const Ticket &ticket) const;
    qreal footerHeight() const;
    void paintFooter(QPainter *painter, const QRectF &card, const TicketPart &part) const;
    void paintSelection(QPainter *painter, const QRectF &card) const;

    // The style's fonts, each with its measurements kept while the font stays.
    struct Measures
    {
        explicit Measures(const TicketStyle &style) { setFonts(style); }
        void setFonts(const TicketStyle &style);
        TextMeasure number, age, caption, status, badge, customer, more;
    };

    TicketStyle m_style;
    Measures m_measures {m_style};
    TicketBody m_body {m_style};
    ShapedText m_shaped; // the header's and meta line's texts; never the clock's
};
