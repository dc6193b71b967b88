// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketshape.h"

#include <QList>
#include <QRectF>
#include <QSize>

/**
 * Where each ticket goes on the board: tickets in age order, oldest first, down the first column
 * and on to the next, each as tall as its content, as a kitchen reads a rail of tickets. Screens
 * of columns are pages, one under the other.
 *
 * A ticket that fits a column is never cut: if the rest of a column is too short it starts the
 * next one. A taller ticket starts at the top of a column and continues in the next, cut only
 * between its blocks, and starts on a new page rather than run off the end of one, unless it is
 * taller than a whole page. Pure arithmetic on measured shapes, so the board can lay out
 * thousands of tickets within a frame, and tests can check the packing without a screen.
 */
class BoardLayout final
{
public:
    struct Geometry
    {
        int columns = 1; // per page
        qreal columnWidth = 0;
        qreal pageHeight = 0;
        qreal margin = 0; // around every card: between cards, and at a column's ends

        qreal cardWidth() const { return columnWidth - 2 * margin; }
        /** As many columns as fit a screen of size, stretched to fill its width. */
        static Geometry filling(const QSize &size, int minimumColumnWidth, qreal margin)
        {
            const int width = qMax(1, size.width());
            const int columns = qMax(1, width / qMax(1, minimumColumnWidth));
            return {columns, qreal(width) / columns, qreal(qMax(1, size.height())), margin};
        }
        friend bool operator==(const Geometry &a, const Geometry &b)
        {
            return a.columns == b.columns && a.columnWidth == b.columnWidth
                && a.pageHeight == b.pageHeight && a.margin == b.margin;
        }
    };

    /** One card on the board. */
    struct Piece
    {
        int row = 0;
        TicketPart part;
        int page = 0;
        int column = 0; // on its page, from the left
        QRectF rect; // in board coordinates: page p starts at p × pageHeight
    };

    const Geometry &geometry() const { return m_geometry; }
    void setGeometry(const Geometry &geometry) { m_geometry = geometry; }

    /** Lays out one shape per row, in row order. */
    void pack(const QList<TicketShape> &shapes);

    const QList<Piece> &pieces() const { return m_pieces; }
    int pageCount() const { return m_pageCount; }
    int rowCount() const { return int(m_firstPiece.size()); }
    /** The pieces of row: its first piece's index and how many. */
    int firstPieceOf(int row) const { return m_firstPiece.at(row); }
    int pieceCountOf(int row) const { return m_pieces.at(m_firstPiece.at(row)).part.count; }
    /** The page row starts on. */
    int pageOf(int row) const { return m_pieces.at(m_firstPiece.at(row)).page; }
    /** Whether any piece of row is on page (a ticket cut across screens is on both). */
    bool isOn(int row, int page) const
    {
        const Piece &last = m_pieces.at(firstPieceOf(row) + pieceCountOf(row) - 1);
        return pageOf(row) <= page && page <= last.page;
    }
    /** Indices [first, end) of the pieces on page. */
    std::pair<int, int> piecesOn(int page) const;
    /** The first and last rows with a piece on page; {-1, -1} when it has none. */
    std::pair<int, int> rowsOn(int page) const;
    /** The piece at point (board coordinates) on page, or -1. */
    int pieceAt(int page, const QPointF &point) const;
    /** Whether page holds exactly the pieces shown (same rows, parts and places). */
    bool shows(int page, const QList<Piece> &shown) const;
    /** The row in the next column over (direction 1) or the one before (-1) whose top is
     *  nearest row's, for the arrow keys; -1 when there is no such column. */
    int rowAcross(int row, int direction) const;

private:
    /** Splits shape into pieces that each fit a column from the top. */
    QList<TicketPart> split(const TicketShape &shape, qreal room) const;
    /** A piece's column counted across pages. */
    int columnOf(int piece) const;

    Geometry m_geometry;
    QList<Piece> m_pieces;
    QList<int> m_firstPiece; // per row
    QList<int> m_pageStart; // per page, its first piece's index; one more entry at the end
    int m_pageCount = 1;
};
