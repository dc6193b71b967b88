// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketdelegate.h"

#include "ordermodel.h"
#include "stationfiltermodel.h"

#include <QPainter>

TicketDelegate::TicketDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_cellSize(m_painter.style().minimumCellSize)
{ }

void TicketDelegate::setTicketStyle(const TicketStyle &style)
{
    m_painter.setStyle(style);
    m_layers.styleChanged();
    m_cellSize = m_cellSize.expandedTo(style.minimumCellSize);
    Q_EMIT sizeHintChanged({});
}

void TicketDelegate::setCellSize(const QSize &size)
{
    if (size == m_cellSize)
        return;
    m_cellSize = size;
    Q_EMIT sizeHintChanged({});
}

QSize TicketDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option)
    Q_UNUSED(index)
    return m_cellSize; // uniform, so the board is a calm grid
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
    const QVariant visible = index.data(StationFilterModel::VisibleItemsRole);
    ticket.items = visible.isValid() ? visible.value<QList<OrderItem>>() : ticket.order.items;
    const QVariant viewStation = index.data(StationFilterModel::ViewStationRole);
    if (viewStation.isValid() && viewStation.toString().isEmpty()) {
        ticket.stations = index.data(StationFilterModel::StationsRole).toStringList();
        ticket.stationsDone = index.data(StationFilterModel::StationsDoneRole).toStringList();
    }
    ticket.firedLate = index.data(OrderModel::FiredLateRole).toBool();
    return ticket;
}

void TicketDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    const TicketPainter::Ticket ticket = ticketAt(index);
    const qreal margin = m_painter.style().cardMargin;
    const QRectF card = QRectF(option.rect).adjusted(margin, margin, -margin, -margin);
    const TicketPainter::Header header = m_painter.header(card, ticket);

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
        m_layers.draw(painter, option, card, dpr, ticket, header);
    } else {
        m_painter.paintBackground(painter, card, ticket, header);
        m_painter.paintContent(painter, card, ticket, header,
                               option.state & QStyle::State_Selected);
    }
    m_painter.paintClock(painter, ticket, header);
    painter->restore();
}
