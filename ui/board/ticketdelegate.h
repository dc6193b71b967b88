// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/textmeasure.h"
#include "ticketpixmapcache.h"
#include "ticketstyle.h"

#include <QStyledItemDelegate>

struct OrderItem;
class QPainter;

/**
 * Paints one order as a kitchen ticket: a header coloured by state with the big number and the
 * ticking age, the type badge and customer, the items with modifiers, allergens and notes.
 * Reads OrderModel's roles, and StationFilterModel's where present: a station view shows only
 * its items, the expo view a row of station chips (done ones ticked, open ones dimmed). Nothing a
 * cook needs is elided: long names wrap, allergens flow onto more lines, and items that do not fit
 * are counted ("+2 more…").
 *
 * A ticket is painted once into a pixmap and blitted while nothing it shows changes; only its
 * clock (the age, the due or waiting time), which changes every tick, is painted each time. A
 * ticket that changes at every paint, as in a burst, is painted straight onto the board instead.
 */
class TicketDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDelegate)

public:
    explicit TicketDelegate(QObject *parent = nullptr);

    const TicketStyle &ticketStyle() const { return m_style; }
    void setTicketStyle(const TicketStyle &style);

    /** Every ticket's cell, margin included; the board sets it to fill its width and height. */
    QSize cellSize() const { return m_cellSize; }
    void setCellSize(const QSize &size);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Ticket;
    struct Header;

    static Ticket ticketAt(const QModelIndex &index);
    QByteArray layerKey(const Ticket &ticket, const QStyleOptionViewItem &option, qreal dpr,
                        const Header &header) const;
    QPixmap layer(const QStyleOptionViewItem &option, const QRectF &card, qreal dpr,
                  const Ticket &ticket, const Header &header) const;
    QPixmap background(const QStyleOptionViewItem &option, const QRectF &card, qreal dpr,
                       const Ticket &ticket, const Header &header) const;
    void paintLayer(QPainter *painter, const QRectF &card, const Ticket &ticket,
                    const Header &header, bool selected) const;
    void paintBackground(QPainter *painter, const QRectF &card, const Ticket &ticket,
                         const Header &header) const;
    void paintContent(QPainter *painter, const QRectF &card, const Ticket &ticket,
                      const Header &header, bool selected) const;
    void paintClock(QPainter *painter, const Ticket &ticket, const Header &header) const;

    Header header(const QRectF &card, const Ticket &ticket) const;
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
    QSize m_cellSize;
    // paint() is const; the caches are only its memory. A new style or cell size does not empty
    // them: keys carry both, and reusing the memory of tickets no longer shown as they fall out
    // is much cheaper than freeing it all and asking the system for it again.
    quint32 m_styleGeneration = 0;
    mutable TicketPixmapCache m_layers;
    mutable TicketPixmapCache m_backgrounds {16 * 1024 * 1024}; // one per state and age colour
};
