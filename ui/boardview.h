// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keymap.h"

#include <QListView>

class TicketDelegate;
struct TicketStyle;

/**
 * The kitchen board: tickets in a wrapping grid, driven by keyboard, bump bar or touch.
 * Keys go through a KeyMap (Enter, Return or Space bump by default); 1–9 select by position and
 * the arrows move; a double-click, or a tap on the ticket already selected, bumps it. The view
 * only asks; the window decides what the engine is told.
 */
class BoardView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardView)

public:
    explicit BoardView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    /** The look of the tickets; cells stretch from its minimum size to fill the board. */
    void setTicketStyle(const TicketStyle &style);
    TicketDelegate *ticketDelegate() const { return m_delegate; }

    void setKeyMap(const KeyMap &keys) { m_keys = keys; }
    const KeyMap &keyMap() const { return m_keys; }

    /** The selected ticket's order id, or empty when none is selected. */
    QString selectedOrderId() const;
    /** Selects the ticket in a row (0-based) and scrolls to it; false if there is no such row. */
    bool selectRow(int row);

Q_SIGNALS:
    /** Bump: by the key map's bump key, a second tap or a double-click. */
    void advanceRequested(const QString &orderId);
    /** Any other command of the key map; the window knows the selected ticket. */
    void commandRequested(BoardCommand command);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitCells();
    void keepSelection();
    void selectCurrent(const QModelIndex &current);
    QString orderIdAt(const QModelIndex &index) const;

    TicketDelegate *m_delegate = nullptr;
    KeyMap m_keys;
    bool m_pressAdvanced = false; // the first tap of a double-click already bumped
};
