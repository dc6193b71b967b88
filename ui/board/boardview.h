// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/keymap.h"

#include <QListView>

class TicketDelegate;
struct TicketStyle;

/**
 * The kitchen board: tickets in a wrapping grid, driven by keyboard, bump bar or touch.
 * Keys go through a KeyMap (Enter, Return or Space bump by default); 1–9 select by position and
 * the arrows move; a double-click, a tap on the ticket already selected, or a sideways swipe
 * across a ticket bumps it. Paging moves by whole rows of tickets. The view only asks; the window
 * and its BoardController decide what the engine is told.
 */
class BoardView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardView)

public:
    explicit BoardView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    /** Scrolls by whole rows of tickets, so no ticket is left cut in half at the edge. */
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

    /** The look of the tickets; cells stretch from its minimum size to fill the board. */
    void setTicketStyle(const TicketStyle &style);
    TicketDelegate *ticketDelegate() const { return m_delegate; }

    void setKeyMap(const KeyMap &keys) { m_keys = keys; }
    const KeyMap &keyMap() const { return m_keys; }

    /** The selected ticket's order id, or empty when none is selected. */
    QString selectedOrderId() const;
    /** Selects the ticket in a row (0-based) and scrolls to it; false if there is no such row. */
    bool selectRow(int row);

    /** Tickets in one row of the grid. */
    int columnCount() const;
    /** Whole rows of tickets that fit on the board at once. */
    int rowsPerPage() const;
    /** The first and last model rows shown whole on the board; -1 when none is. */
    int firstVisibleRow() const;
    int lastVisibleRow() const;
    /** Scrolls a page of whole ticket rows on or back; the selection moves with the page. */
    void pageForward();
    void pageBack();

    /** A horizontal drag at least this long (and mostly sideways) is a swipe. */
    static constexpr int swipeDistancePx = 80;

Q_SIGNALS:
    /** Bump: by the key map's bump key, a second tap or a double-click. */
    void advanceRequested(const QString &orderId);
    /** Any other command of the key map; the window knows the selected ticket. */
    void commandRequested(BoardCommand command);
    /** What is on screen may have changed: scrolled, resized, rows came, went or changed. */
    void visibleRangeChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitCells();
    void keepSelection();
    void scrollToLine(int line);
    void pageBy(int pages);
    void selectCurrent(const QModelIndex &current);
    QString orderIdAt(const QModelIndex &index) const;

    TicketDelegate *m_delegate = nullptr;
    KeyMap m_keys;
    bool m_pressAdvanced = false; // the first tap of a double-click already bumped
    // The press a tap or swipe started with; a tap bumps on release so a swipe can't bump twice.
    QPersistentModelIndex m_pressed;
    QPoint m_pressPos;
    bool m_pressWasSelected = false;
    bool m_swiping = false;
    bool m_dragged = false; // moved too far for a tap, not sideways enough for a swipe
};
