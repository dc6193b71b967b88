// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketlayers.h"

#include "shared/ticketformat.h"

#include <QDataStream>
#include <QIODevice>
#include <QPainter>
#include <QStyleOptionViewItem>

using Ticket = TicketPainter::Ticket;
using Header = TicketPainter::Header;

namespace {
// The card's edge takes the age colour once the age is flagged; 0 while it is not.
QRgb ageEdge(const TicketStyle &style, qint64 ageMs)
{
    return style.isAgeFlagged(ageMs) ? style.ageFill(ageMs).rgba() : 0u;
}
} // namespace

TicketLayers::TicketLayers(const TicketPainter &painter)
    : m_painter(painter)
{
    m_sinceStart.start();
}

void TicketLayers::draw(QPainter *target, const QStyleOptionViewItem &option, const QRectF &card,
                        qreal dpr, const Ticket &ticket, const Header &header,
                        const TicketPart &part)
{
    const QByteArray key = layerKey(ticket, option, dpr, header, part);
    QPixmap kept = m_layers.find(key);
    // Also notes this paint.
    const bool wanted = m_layers.isWanted(ticket.order.id, key, m_sinceStart.elapsed());
    if (kept.isNull() && wanted) {
        kept = layer(option, card, dpr, ticket, header, part);
        m_layers.insert(ticket.order.id, key, kept);
    }
    if (!kept.isNull()) {
        target->drawPixmap(option.rect.topLeft(), kept);
        return;
    }
    // A look painted for the first time: straight onto the board, no pixmap. Its cell is the
    // ticket's to fill, as a kept layer fills it (BoardView paints only between tickets).
    target->fillRect(option.rect, option.palette.color(QPalette::Base));
    target->setLayoutDirection(option.direction);
    m_painter.paintBackground(target, card, ticket, header);
    m_painter.paintContent(target, card, ticket, header, part,
                           option.state & QStyle::State_Selected);
}

QByteArray TicketLayers::layerKey(const Ticket &ticket, const QStyleOptionViewItem &option,
                                  qreal dpr, const Header &header, const TicketPart &part) const
{
    // Everything the background and the content are painted from, as the strings and values it
    // paints. The order's revision too: every change to an order is a new event, so a field painted
    // later but forgotten here still cannot show stale.
    const Order &order = ticket.order;
    QByteArray key;
    QDataStream out(&key, QIODevice::WriteOnly);
    out << m_styleGeneration << option.rect.size() << dpr
        << option.palette.color(QPalette::Base).rgba()
        << bool(option.state & QStyle::State_Selected) << int(option.direction);
    out << order.id << order.eventCount << order.lastEventId << int(order.state)
        << TicketFormat::number(order) << TicketFormat::typeBadge(order) << order.customerName
        << order.source << order.notes << order.scheduledFor << ticket.firedLate << ticket.stations
        << ticket.stationsDone << order.itemsDone << ticket.lines << ticket.numbered
        << part.firstBlock << part.endBlock << part.index << part.count;
    // The card's edge takes the age colour once flagged, and the number gives the age chip room.
    out << ageEdge(m_painter.style(), ticket.ageMs) << header.ageChip.width();
    out << int(ticket.attention) << int(ticket.changes.size()) << ticket.promiseMovedFrom
        << order.promisedAt;
    for (const ItemChange &change : ticket.changes)
        out << int(change.kind) << change.before.name << change.after.name;
    for (const OrderItem &item : ticket.items) {
        out << item.quantity << item.name << item.modifiers << item.allergens << item.notes
            << item.course << item.seat;
    }
    return key;
}

QPixmap TicketLayers::layer(const QStyleOptionViewItem &option, const QRectF &card, qreal dpr,
                            const Ticket &ticket, const Header &header, const TicketPart &part)
{
    // Filled with the board's colour first, so the blit is a plain copy of opaque pixels and
    // text keeps the antialiasing it would get painted straight onto the board.
    const QColor base = option.palette.color(QPalette::Base);
    QPixmap pixmap(option.rect.size() * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(base.alpha() == 255 ? base : QColor(Qt::transparent));
    QPainter layerPainter(&pixmap);
    layerPainter.setLayoutDirection(option.direction);
    layerPainter.setRenderHint(QPainter::Antialiasing);
    layerPainter.setRenderHint(QPainter::TextAntialiasing);
    layerPainter.translate(-QPointF(option.rect.topLeft()));
    m_painter.paintBackground(&layerPainter, card, ticket, header);
    m_painter.paintContent(&layerPainter, card, ticket, header, part,
                           option.state & QStyle::State_Selected);
    layerPainter.end();
    return pixmap;
}
