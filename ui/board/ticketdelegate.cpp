// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketdelegate.h"

#include "ordermodel.h"
#include "stationfiltermodel.h"

#include <QPainter>

TicketDelegate::TicketDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TicketDelegate::setTicketStyle(const TicketStyle &style)
{
    m_painter.setStyle(style);
    m_layers.styleChanged();
    Q_EMIT sizeHintChanged({});
}

TicketShape TicketDelegate::shape(const QModelIndex &index, qreal cardWidth) const
{
    // Only what takes room: the board measures every ticket after a resize, so ages and clocks
    // are not read here.
    TicketPainter::Ticket ticket;
    ticket.order = index.data(OrderModel::OrderRole).value<Order>();
    readItems(index, &ticket);
    return m_painter.shape(ticket, cardWidth);
}

void TicketDelegate::readItems(const QModelIndex &index, TicketPainter::Ticket *ticket)
{
    const QVariant visible = index.data(StationFilterModel::VisibleItemsRole);
    ticket->items = visible.isValid() ? visible.value<QList<OrderItem>>() : ticket->order.items;
    ticket->lines = index.data(StationFilterModel::VisibleLinesRole).value<QList<int>>();
    ticket->promiseMovedFrom = index.data(OrderModel::PromiseMovedFromRole).toLongLong();
    ticket->attention = index.data(OrderModel::AttentionRole).value<OrderAttention::Kind>();
    const QVariant changes = index.data(StationFilterModel::VisibleItemChangesRole);
    ticket->changes = (changes.isValid() ? changes : index.data(OrderModel::ItemChangesRole))
                          .value<QList<ItemChange>>();
    const QVariant viewStation = index.data(StationFilterModel::ViewStationRole);
    if (viewStation.isValid() && viewStation.toString().isEmpty()) {
        ticket->stations = index.data(StationFilterModel::StationsRole).toStringList();
        ticket->stationsDone = index.data(StationFilterModel::StationsDoneRole).toStringList();
    }
}

QSize TicketDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = option.rect.width() > 0 ? option.rect.width()
                                              : m_painter.style().minimumColumnWidth;
    const qreal margin = m_painter.style().cardMargin;
    const TicketShape measured = shape(index, width - 2 * margin);
    return {width, int(std::ceil(measured.height() + 2 * margin))};
}

TicketPainter::Ticket TicketDelegate::ticketAt(const QModelIndex &index)
{
    TicketPainter::Ticket ticket;
    ticket.order = index.data(OrderModel::OrderRole).value<Order>();
    ticket.ageMs = index.data(OrderModel::AgeMsRole).toLongLong();
    ticket.stateAgeMs = index.data(OrderModel::StateAgeMsRole).toLongLong();
    const QVariant dueIn = index.data(OrderModel::DueInMsRole);
    if (dueIn.isValid())
        ticket.dueInMs = dueIn.toLongLong();
    readItems(index, &ticket);
    ticket.firedLate = index.data(OrderModel::FiredLateRole).toBool();
    return ticket;
}

TicketPainter::Ticket TicketDelegate::ticketFor(const QModelIndex &index) const
{
    TicketPainter::Ticket ticket = ticketAt(index);
    ticket.numbered = !m_numberedOrder.isEmpty() && ticket.order.id == m_numberedOrder;
    return ticket;
}

std::optional<int> TicketDelegate::lineAt(const QModelIndex &index, const QRectF &card,
                                          const TicketPart &part, const QPointF &point) const
{
    return m_painter.lineAt(card, ticketFor(index), part, point);
}

std::optional<int> TicketDelegate::lineNumbered(const QModelIndex &index, int number) const
{
    return m_painter.lineNumbered(ticketFor(index), number);
}

void TicketDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    const qreal margin = m_painter.style().cardMargin;
    QStyleOptionViewItem card = option;
    card.rect = option.rect.adjusted(margin, margin, -margin, -margin);
    paintPart(painter, card, index, TicketPart{0, int(shape(index, card.rect.width()).blocks.size()),
                                               0, 1});
}

void TicketDelegate::paintPart(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index, const TicketPart &part) const
{
    const TicketPainter::Ticket ticket = ticketFor(index);
    const qreal margin = m_painter.style().cardMargin;
    const QRectF card(option.rect);
    const TicketPainter::Header header = m_painter.header(card, ticket, part);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setClipRect(card.adjusted(-margin, -margin, margin, margin));
    // The kept layer is rendered at the device's pixel ratio; under any other scale (a print
    // preview, say) it would blur, so such a painter gets the ticket painted directly.
    const QTransform device = painter->deviceTransform();
    const qreal dpr = painter->device()->devicePixelRatioF();
    if (device.type() <= QTransform::TxScale && qFuzzyCompare(device.m11(), dpr)
        && qFuzzyCompare(device.m22(), dpr)) {
        QStyleOptionViewItem cell = option; // the layer holds the margin: the selection is drawn there
        cell.rect = option.rect.adjusted(-margin, -margin, margin, margin);
        m_layers.draw(painter, cell, card, dpr, ticket, header, part);
    } else {
        m_painter.paintBackground(painter, card, ticket, header);
        m_painter.paintContent(painter, card, ticket, header, part,
                               option.state & QStyle::State_Selected);
    }
    m_painter.paintClock(painter, ticket, header);
    painter->restore();
}
