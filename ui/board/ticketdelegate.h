// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketlayers.h"
#include "ticketpainter.h"
#include "ticketstyle.h"

#include <QStyledItemDelegate>

/**
 * The board's tickets as cells of a uniform grid. Reads OrderModel's roles, and
 * StationFilterModel's where present, into a ticket; TicketPainter paints it and TicketLayers
 * keeps what it painted, so that repainting an unchanged board costs a blit and a clock per
 * ticket.
 */
class TicketDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDelegate)

public:
    explicit TicketDelegate(QObject *parent = nullptr);

    const TicketStyle &ticketStyle() const { return m_painter.style(); }
    void setTicketStyle(const TicketStyle &style);

    /** Every ticket's cell, margin included; the board sets it to fill its width and height. */
    QSize cellSize() const { return m_cellSize; }
    void setCellSize(const QSize &size);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static TicketPainter::Ticket ticketAt(const QModelIndex &index);

    TicketPainter m_painter;
    QSize m_cellSize;
    mutable TicketLayers m_layers {m_painter}; // paint() is const; the layers are only its memory
};
