// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketlayers.h"
#include "ticketpainter.h"
#include "ticketstyle.h"

#include <QStyledItemDelegate>

/**
 * The board's tickets. Reads OrderModel's roles, and StationFilterModel's where present, into a
 * ticket; measures it for the board's layout and paints it, whole or one continued part at a time.
 * TicketPainter paints and TicketLayers keeps what it painted, so that repainting an unchanged
 * board costs a blit and a clock per ticket.
 */
class TicketDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDelegate)

public:
    explicit TicketDelegate(QObject *parent = nullptr);

    const TicketStyle &ticketStyle() const { return m_painter.style(); }
    void setTicketStyle(const TicketStyle &style);

    /** What the ticket at index needs on a card cardWidth wide. */
    TicketShape shape(const QModelIndex &index, qreal cardWidth) const;
    /** Paints part of the ticket at index onto the card at option.rect (margin excluded). */
    void paintPart(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   const TicketPart &part) const;

    /** The whole ticket on a card as wide as option.rect and as tall as its content. */
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static TicketPainter::Ticket ticketAt(const QModelIndex &index);

    /** The order's ticket left the board: what was kept of its painting goes. */
    void forgetTicket(const QString &orderId) const { m_layers.forget(orderId); }
    /** The order whose lines show their numbers (a cook picks one by key); empty: none. */
    void setNumberedOrder(const QString &orderId) { m_numberedOrder = orderId; }
    /** The order's line (index into its items) at point on part of index's card; none if none. */
    std::optional<int> lineAt(const QModelIndex &index, const QRectF &card, const TicketPart &part,
                              const QPointF &point) const;
    /** The order's line painted number-th on index's ticket. */
    std::optional<int> lineNumbered(const QModelIndex &index, int number) const;

private:
    TicketPainter::Ticket ticketFor(const QModelIndex &index) const;
    /** The items this view shows of the order, and expo's station chips. */
    static void readItems(const QModelIndex &index, TicketPainter::Ticket *ticket);

    TicketPainter m_painter;
    mutable TicketLayers m_layers {m_painter}; // paint() is const; the layers are only its memory
    QString m_numberedOrder;
};
