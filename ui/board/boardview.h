// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardlayout.h"
#include "ticketshapes.h"
#include "tickettouch.h"
#include "settings/keymap.h"

#include <QAbstractItemView>
#include <QTimer>

class TicketDelegate;
struct TicketStyle;

/**
 * The kitchen board: tickets as tall as their content, oldest first, down each column and on to
 * the next (BoardLayout), a screen of columns at a time. A ticket taller than a column continues
 * in the next; its parts are selected and bumped as one.
 *
 * Driven by keyboard, bump bar or touch: keys go through a KeyMap (Enter, Return or Space bump by
 * default); 1–9 select by position on the screen and the arrows move; a double-click, a tap on
 * the ticket already selected, or a sideways swipe across a ticket bumps it; the wheel and the
 * page keys turn a screen at a time. Items are marked done one at a time by the item key then a
 * number (ItemPicker), or on a station screen by a tap. The view only asks; the window and its BoardController
 * decide what the engine is told.
 */
class BoardView final : public QAbstractItemView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardView)

public:
    explicit BoardView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QRect visualRect(const QModelIndex &index) const override;
    /** Shows the screen the ticket starts on, unless part of it is shown already. */
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

    void setTicketStyle(const TicketStyle &style);
    TicketDelegate *ticketDelegate() const { return m_delegate; }

    void setKeyMap(const KeyMap &keys) { m_keys = keys; }
    const KeyMap &keyMap() const { return m_keys; }

    /** The selected ticket's order id, or empty when none is selected. */
    QString selectedOrderId() const;
    /** Selects the ticket in a row (0-based) and shows it; false if there is no such row. */
    bool selectRow(int row);

    /** Station screens: a tap on an item marks it (done, or open again) rather than selecting. */
    void setItemTaps(bool on) { m_itemTaps = on; }

    /** Columns of tickets on one screen. */
    int columnCount() const;
    /** Screens of tickets, and the one shown (0-based). */
    int pageCount() const;
    int currentPage() const;
    /** The first and last rows with a part on the screen shown; -1 when none is. */
    int firstVisibleRow() const;
    int lastVisibleRow() const;
    /** Turns a screen on or back; the selection keeps its place among the tickets shown. */
    void pageForward() { pageBy(1); }
    void pageBack() { pageBy(-1); }
    /** Where the board put everything, laid out for the model as it is now. */
    const BoardLayout &boardLayout() const;
    /** The same as far as the screen shown needs: on the first screen after a change, its
     *  tickets only (the rest follows on the next turn, or at once if anything asks for more). */
    const BoardLayout &screenLayout() const;
    /** A piece's rectangle in the viewport when its page is shown. */
    QRect viewportRect(const BoardLayout::Piece &piece) const;

    /** A horizontal drag at least this long (and mostly sideways) is a swipe. */
    static constexpr int swipeDistancePx = TicketTouch::swipeDistancePx;

Q_SIGNALS:
    /** Bump: by the key map's bump key, a second tap or a double-click. */
    void advanceRequested(const QString &orderId);
    /** Mark the order's line (an index into its items) done, or open again if it is done. */
    void itemToggleRequested(const QString &orderId, int line);
    /** Any other command of the key map; the window knows the selected ticket. */
    void commandRequested(BoardCommand command);
    /** What is on screen may have changed: paged, resized, rows came, went or changed. */
    void visibleRangeChanged();

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override { return 0; }
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &) const override { return false; }
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;

    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void reset() override;
    /** A ticket leaving this view is not painted again: its kept pixmaps go with it. */
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;

    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /** Lays out the first rows only (at least a screenful, or all). */
    void relayout(int rows) const;
    static constexpr int firstScreenRows = 48; // more than a 4K screen of small tickets holds
    /** Lays out again on the next turn of the event loop; repaints if what is shown moved. */
    void layoutSoon(bool repaint);
    void layoutNow();
    /** Whether rows [first, last] held anything shown at the last paint. */
    bool wasShown(int first, int last) const;
    void forgetShapes();
    void forgetRemovedRows(const QModelIndex &parent, int start, int end);
    void showPage(int page);
    void pageBy(int pages);
    void keepSelection();
    void selectCurrent(const QModelIndex &current);
    QString orderIdAt(const QModelIndex &index) const;
    const BoardLayout::Piece *pieceUnder(const QPoint &point) const;
    std::optional<int> lineAt(const QModelIndex &index, const QPoint &point) const;

    int rowCount() const { return model() ? model()->rowCount(rootIndex()) : 0; }

    TicketDelegate *m_delegate = nullptr;
    KeyMap m_keys;
    // What the board measured and where it put it; laid out again when a shape or the size
    // changes, at most once per paint. const queries lay out first, hence mutable.
    mutable TicketShapes m_shapes;
    mutable BoardLayout m_layout;
    mutable bool m_layoutDirty = true;
    // A burst changes many rows between two paints: one layout for all of them, and a repaint
    // only if a ticket on the screen changed or moved.
    mutable QTimer m_layoutTimer; // screenLayout() (const) leaves the rest to it
    bool m_repaintWanted = false;
    QList<BoardLayout::Piece> m_shown; // the pieces the last paint drew

    TicketTouch m_touch;
    bool m_itemTaps = false;
};
