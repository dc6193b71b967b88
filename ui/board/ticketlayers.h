// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketpainter.h"
#include "ticketpixmapcache.h"

#include <QElapsedTimer>

class QStyleOptionViewItem;

/**
 * The board's memory of painted tickets. A ticket is painted once into a pixmap and blitted while
 * nothing it shows changes; a ticket that changes at every paint, as in a burst, is painted
 * straight onto the board instead (TicketPixmapCache::isWanted). Tickets are as tall as their
 * content, so no two share a background: each is painted with its card. The clock is never
 * kept: the caller paints it over.
 */
class TicketLayers final
{
public:
    /** Paints with painter, which must outlive this. */
    explicit TicketLayers(const TicketPainter &painter);

    /** Draws ticket, clock aside, onto target at option.rect, whose pixel ratio is dpr. */
    void draw(QPainter *target, const QStyleOptionViewItem &option, const QRectF &card, qreal dpr,
              const TicketPainter::Ticket &ticket, const TicketPainter::Header &header,
              const TicketPart &part);
    /** The order's ticket left the board: what was kept of it goes. */
    void forget(const QString &orderId) { m_layers.forget(orderId); }
    /** The painter's style changed: what was kept no longer matches. */
    void styleChanged() { ++m_styleGeneration; }

private:
    QByteArray layerKey(const TicketPainter::Ticket &ticket, const QStyleOptionViewItem &option,
                        qreal dpr, const TicketPainter::Header &header,
                        const TicketPart &part) const;
    QPixmap layer(const QStyleOptionViewItem &option, const QRectF &card, qreal dpr,
                  const TicketPainter::Ticket &ticket, const TicketPainter::Header &header,
                  const TicketPart &part);

    const TicketPainter &m_painter;
    // A new style or cell size does not empty the caches: keys carry both, and reusing the memory
    // of tickets no longer shown as they fall out is much cheaper than freeing it all and asking
    // the system for it again.
    quint32 m_styleGeneration = 0;
    TicketPixmapCache m_layers;
    QElapsedTimer m_sinceStart; // the clock m_layers times each ticket's looks by
};
