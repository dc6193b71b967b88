// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardlayout.h"

#include <algorithm>

QList<TicketPart> BoardLayout::split(const TicketShape &shape, qreal room) const
{
    QList<TicketPart> parts;
    const int count = int(shape.blocks.size());
    int block = 0;
    do {
        TicketPart part;
        part.index = int(parts.size());
        part.firstBlock = block;
        qreal height = part.index == 0 ? shape.head : shape.continuedHead;
        while (block < count) {
            const qreal foot = block + 1 == count ? shape.tail : shape.footer;
            // Every piece takes at least one block, however tall: the board always moves on.
            if (block > part.firstBlock && height + shape.blocks.at(block) + foot > room)
                break;
            height += shape.blocks.at(block);
            ++block;
        }
        part.endBlock = block;
        parts.append(part);
    } while (block < count);
    for (TicketPart &part : parts)
        part.count = int(parts.size());
    return parts;
}

void BoardLayout::pack(const QList<TicketShape> &shapes)
{
    const Geometry &g = m_geometry;
    const int columns = qMax(1, g.columns);
    const qreal top = g.margin;
    const qreal bottom = qMax(top + 1, g.pageHeight - g.margin);
    const qreal room = bottom - top;

    m_pieces.clear();
    m_pieces.reserve(shapes.size() + 8);
    m_firstPiece.resize(shapes.size());
    int column = 0; // counted across pages
    qreal y = top;
    const auto place = [&](int row, const TicketPart &part, qreal height) {
        const int page = column / columns;
        const int onPage = column % columns;
        const QRectF rect(onPage * g.columnWidth + g.margin, page * g.pageHeight + y,
                          g.cardWidth(), qMin(height, bottom - y));
        m_pieces.append({row, part, page, onPage, rect});
        y = rect.bottom() + g.margin;
    };

    for (int row = 0; row < shapes.size(); ++row) {
        const TicketShape &shape = shapes.at(row);
        m_firstPiece[row] = int(m_pieces.size());
        const qreal height = shape.height();
        if (y > top && height > bottom - y) {
            ++column;
            y = top;
        }
        if (height <= room) {
            place(row, TicketPart{0, int(shape.blocks.size()), 0, 1}, height);
            continue;
        }
        const QList<TicketPart> parts = split(shape, room);
        // Continued onto a page the cook is not looking at would hide the rest of it: start a
        // new page instead, when one page can hold it all.
        if (column % columns + parts.size() > columns && parts.size() <= columns)
            column = (column / columns + 1) * columns;
        for (const TicketPart &part : parts) {
            if (!part.isFirst()) {
                ++column;
                y = top;
            }
            qreal partHeight = part.isFirst() ? shape.head : shape.continuedHead;
            for (int block = part.firstBlock; block < part.endBlock; ++block)
                partHeight += shape.blocks.at(block);
            partHeight += part.isLast() ? shape.tail : shape.footer;
            place(row, part, partHeight);
        }
    }

    m_pageCount = m_pieces.isEmpty() ? 1 : m_pieces.constLast().page + 1;
    m_pageStart = QList<int>(m_pageCount + 1, int(m_pieces.size()));
    for (int i = int(m_pieces.size()) - 1; i >= 0; --i)
        m_pageStart[m_pieces.at(i).page] = i;
    // A page with no piece of its own (never, as columns fill in order) starts where the next does.
    for (int page = m_pageCount - 1; page >= 0; --page)
        m_pageStart[page] = qMin(m_pageStart[page], m_pageStart[page + 1]);
}

std::pair<int, int> BoardLayout::piecesOn(int page) const
{
    if (page < 0 || page >= m_pageCount || m_pageStart.isEmpty())
        return {0, 0};
    return {m_pageStart.at(page), m_pageStart.at(page + 1)};
}

std::pair<int, int> BoardLayout::rowsOn(int page) const
{
    const auto [first, end] = piecesOn(page);
    if (first >= end)
        return {-1, -1};
    return {m_pieces.at(first).row, m_pieces.at(end - 1).row};
}

int BoardLayout::pieceAt(int page, const QPointF &point) const
{
    const auto [first, end] = piecesOn(page);
    for (int i = first; i < end; ++i) {
        if (m_pieces.at(i).rect.contains(point))
            return i;
    }
    return -1;
}

bool BoardLayout::shows(int page, const QList<Piece> &shown) const
{
    const auto [first, end] = piecesOn(page);
    if (end - first != shown.size())
        return false;
    for (int i = first; i < end; ++i) {
        const Piece &now = m_pieces.at(i);
        const Piece &was = shown.at(i - first);
        if (now.row != was.row || now.rect != was.rect || !(now.part == was.part))
            return false;
    }
    return true;
}

int BoardLayout::columnOf(int piece) const
{
    const Piece &p = m_pieces.at(piece);
    return p.page * qMax(1, m_geometry.columns) + p.column;
}

int BoardLayout::rowAcross(int row, int direction) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const int first = firstPieceOf(row);
    const int from = direction > 0 ? first + pieceCountOf(row) - 1 : first;
    const int column = columnOf(from) + direction;
    const auto topOf = [this](int piece) {
        return m_pieces.at(piece).rect.top() - m_pieces.at(piece).page * m_geometry.pageHeight;
    };
    int best = -1;
    qreal bestDistance = 0;
    // Pieces run in column order: walk from here until past the column wanted.
    for (int piece = from; piece >= 0 && piece < m_pieces.size(); piece += direction) {
        const int pieceColumn = columnOf(piece);
        if ((pieceColumn - column) * direction > 0)
            break;
        if (pieceColumn != column)
            continue;
        const qreal distance = qAbs(topOf(piece) - topOf(from));
        if (best < 0 || distance < bestDistance) {
            best = piece;
            bestDistance = distance;
        }
    }
    return best < 0 ? -1 : m_pieces.at(best).row;
}
