// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardlayout.h"

#include <QtTest/QTest>

namespace {
/** A ticket with a head and tail of 20 and a footer of 10 around blocks of the given heights. */
TicketShape ticket(std::initializer_list<qreal> blocks)
{
    TicketShape shape;
    shape.head = 20;
    shape.continuedHead = 15;
    shape.footer = 10;
    shape.tail = 5;
    for (const qreal block : blocks)
        shape.blocks.append(block);
    return shape;
}

/** Three columns 100 wide on a screen 215 tall with margins of 5: 205 of room per column. */
BoardLayout board()
{
    BoardLayout layout;
    layout.setGeometry({3, 100, 215, 5});
    return layout;
}

QList<int> blocksShown(const BoardLayout &layout, int row)
{
    QList<int> shown;
    const int first = layout.firstPieceOf(row);
    for (int i = first; i < first + layout.pieceCountOf(row); ++i) {
        const TicketPart &part = layout.pieces().at(i).part;
        for (int block = part.firstBlock; block < part.endBlock; ++block)
            shown.append(block);
    }
    return shown;
}
} // namespace

// Where the board puts tickets: pure arithmetic on measured shapes, checked without a screen.
class TestBoardLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packsDownEachColumnThenAcross();
    void neverCutsATicketThatFitsAColumn();
    void continuesATallTicketInTheNextColumn();
    void startsAScreenRatherThanRunOffOne();
    void aTicketTallerThanAScreenSpansScreens();
    void aBlockTallerThanAColumnStillMovesOn();
    void emptyBoardHasOneScreen();
    void arrowsGoAcrossToTheNearestTicket();
};

void TestBoardLayout::packsDownEachColumnThenAcross()
{
    BoardLayout layout = board();
    // Each 25 + 40 + 40 = 105 tall (head, tail and two blocks of 40): one per column, with room
    // for a short one under it.
    layout.pack({ticket({40, 40}), ticket({10}), ticket({40, 40}), ticket({40, 40}),
                 ticket({40, 40})});
    const QList<BoardLayout::Piece> &pieces = layout.pieces();
    QCOMPARE(pieces.size(), 5);
    QCOMPARE(pieces.at(0).rect, QRectF(5, 5, 90, 105));
    QCOMPARE(pieces.at(1).rect, QRectF(5, 115, 90, 35)); // under the first, in age order
    QCOMPARE(pieces.at(2).column, 1); // 155 + 105 > 210: the next column
    QCOMPARE(pieces.at(2).rect.top(), 5.0);
    QCOMPARE(pieces.at(3).column, 2);
    QCOMPARE(pieces.at(4).page, 1); // a fourth column is the next screen, under this one
    QCOMPARE(pieces.at(4).column, 0);
    QCOMPARE(pieces.at(4).rect.top(), 215 + 5.0);
    QCOMPARE(layout.pageCount(), 2);
    QCOMPARE(layout.rowsOn(0), std::pair(0, 3));
    QCOMPARE(layout.rowsOn(1), std::pair(4, 4));
    QCOMPARE(layout.pieceAt(0, QPointF(50, 130)), 1);
    QCOMPARE(layout.pieceAt(0, QPointF(50, 112)), -1); // the gap between cards
}

void TestBoardLayout::neverCutsATicketThatFitsAColumn()
{
    BoardLayout layout = board();
    layout.pack({ticket({100}), ticket({40, 40})}); // 125, then 105: 135 + 105 > 210
    QCOMPARE(layout.pieces().size(), 2);
    QCOMPARE(layout.pieces().at(1).column, 1);
    QCOMPARE(layout.pieces().at(1).part, (TicketPart{0, 2, 0, 1}));
}

void TestBoardLayout::continuesATallTicketInTheNextColumn()
{
    BoardLayout layout = board();
    // Nine blocks of 40 (385 tall): it goes on in the next columns, then a short ticket.
    layout.pack({ticket({40, 40, 40, 40, 40, 40, 40, 40, 40}), ticket({10})});
    QCOMPARE(layout.pieceCountOf(0), 3);
    for (int i = 0; i < 3; ++i) {
        const BoardLayout::Piece &piece = layout.pieces().at(i);
        QCOMPARE(piece.row, 0);
        QCOMPARE(piece.part.index, i);
        QCOMPARE(piece.part.count, 3);
        QCOMPARE(piece.column, i);
        QCOMPARE(piece.rect.top(), 5.0); // each part from the top of its column
        QVERIFY(piece.rect.bottom() <= 210);
    }
    // Every block shown once, in order: 20 + 4 × 40 + 10 footer = 190 in the first part, then
    // 15 + 4 × 40 + 10 = 185, then 15 + 40 + 5.
    QCOMPARE(blocksShown(layout, 0), QList<int>({0, 1, 2, 3, 4, 5, 6, 7, 8}));
    QCOMPARE(layout.pieces().at(0).part, (TicketPart{0, 4, 0, 3}));
    QCOMPARE(layout.pieces().at(1).part, (TicketPart{4, 8, 1, 3}));
    QCOMPARE(layout.pieces().at(0).rect.height(), 190.0);
    QCOMPARE(layout.pieces().at(2).rect.height(), 60.0);
    // The next ticket goes under the last part.
    QCOMPARE(layout.pieces().constLast().row, 1);
    QCOMPARE(layout.pieces().constLast().rect.top(), layout.pieces().at(2).rect.bottom() + 5);
}

void TestBoardLayout::startsAScreenRatherThanRunOffOne()
{
    BoardLayout layout = board();
    // Three parts, after a short ticket in column 0: columns 1, 2 and then off the screen.
    // It starts the next screen instead, so the cook sees it whole.
    layout.pack({ticket({10}), ticket({40, 40, 40, 40, 40, 40, 40, 40, 40})});
    const int first = layout.firstPieceOf(1);
    QCOMPARE(layout.pieces().at(first).page, 1);
    QCOMPARE(layout.pieces().at(first).column, 0);
    QCOMPARE(layout.pieces().at(first + 2).page, 1);
    QCOMPARE(layout.pieces().at(first + 2).column, 2);
    QCOMPARE(layout.rowsOn(0), std::pair(0, 0));
}

void TestBoardLayout::aTicketTallerThanAScreenSpansScreens()
{
    BoardLayout layout = board();
    QList<qreal> tall(20, 40.0); // 20 items: five parts, more than a screen's three columns
    TicketShape shape = ticket({});
    for (const qreal block : tall)
        shape.blocks.append(block);
    layout.pack({shape});
    QCOMPARE(layout.pieceCountOf(0), 5);
    QCOMPARE(layout.pageCount(), 2);
    QCOMPARE(layout.rowsOn(1), std::pair(0, 0));
    QCOMPARE(blocksShown(layout, 0).size(), 20);
}

void TestBoardLayout::aBlockTallerThanAColumnStillMovesOn()
{
    BoardLayout layout = board();
    layout.pack({ticket({500, 40}), ticket({10})});
    QCOMPARE(layout.pieceCountOf(0), 2);
    QCOMPARE(layout.pieces().at(0).part, (TicketPart{0, 1, 0, 2}));
    QCOMPARE(layout.pieces().at(0).rect.height(), 205.0); // cut at the column's foot
    QCOMPARE(layout.pieces().at(1).part, (TicketPart{1, 2, 1, 2}));
    QCOMPARE(layout.rowCount(), 2);
}

void TestBoardLayout::emptyBoardHasOneScreen()
{
    BoardLayout layout = board();
    layout.pack({});
    QCOMPARE(layout.pageCount(), 1);
    QCOMPARE(layout.rowsOn(0), std::pair(-1, -1));
    QCOMPARE(layout.pieceAt(0, QPointF(10, 10)), -1);
}

void TestBoardLayout::arrowsGoAcrossToTheNearestTicket()
{
    BoardLayout layout = board();
    // Column 0: rows 0 (at 5), 1 (at 115) and 2 (at 155); column 1: rows 3 (at 5) and 4 (at
    // 45); column 2: row 5.
    layout.pack({ticket({40, 40}), ticket({10}), ticket({10}), ticket({10}), ticket({40, 40}),
                 ticket({40, 40, 40, 40})});
    QCOMPARE(layout.pieces().at(3).column, 1);
    QCOMPARE(layout.pieces().at(5).column, 2);
    QCOMPARE(layout.rowAcross(0, 1), 3); // top to top
    QCOMPARE(layout.rowAcross(1, 1), 4); // 115: row 4 at 45 is nearer than row 3 at 5
    QCOMPARE(layout.rowAcross(4, -1), 0);
    QCOMPARE(layout.rowAcross(3, 1), 5);
    QCOMPARE(layout.rowAcross(5, 1), -1); // no column after the last
    QCOMPARE(layout.rowAcross(0, -1), -1);
}

QTEST_GUILESS_MAIN(TestBoardLayout)
#include "tst_boardlayout.moc"
