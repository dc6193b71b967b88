// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVarLengthArray>

/**
 * What a ticket needs on the board at one column width, in pixels: the parts every piece of it
 * starts and ends with, and its content as blocks that are never split (an item with everything
 * about it, the order's notes). TicketPainter measures it; BoardLayout packs it into columns,
 * cutting only between blocks.
 */
struct TicketShape
{
    qreal head = 0; // the header, type, customer and station chips: the first piece's top
    qreal continuedHead = 0; // a later piece's top: the header again, marked as continued
    qreal footer = 0; // the foot of a piece that goes on: "continued" and where
    qreal tail = 0; // the foot of the last piece
    QVarLengthArray<qreal, 8> blocks; // the content, in the order it is painted

    /** Height of the whole ticket in one piece. */
    qreal height() const
    {
        qreal total = head + tail;
        for (const qreal block : blocks)
            total += block;
        return total;
    }
};

/** One piece of a ticket: the blocks [firstBlock, endBlock) of part index of count. */
struct TicketPart
{
    int firstBlock = 0;
    int endBlock = 0;
    int index = 0;
    int count = 1;

    bool isFirst() const { return index == 0; }
    bool isLast() const { return index == count - 1; }
    friend bool operator==(const TicketPart &a, const TicketPart &b)
    {
        return a.firstBlock == b.firstBlock && a.endBlock == b.endBlock && a.index == b.index
            && a.count == b.count;
    }
};
