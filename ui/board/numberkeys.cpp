// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "numberkeys.h"

#include "boardview.h"
#include "ticketdelegate.h"
#include "shared/uilogging.h"

#include <QKeyEvent>

NumberKeys::NumberKeys(BoardView &board, QObject *parent)
    : QObject(parent)
    , m_board(board)
{
    m_board.installEventFilter(this);
}

void NumberKeys::pickItem()
{
    const QString orderId = m_board.selectedOrderId();
    if (orderId.isEmpty() || orderId == m_pickingOrder)
        return;
    m_pickingOrder = orderId;
    m_board.ticketDelegate()->setNumberedOrder(orderId);
    m_board.viewport()->update();
    Q_EMIT pickingItemChanged(true);
}

void NumberKeys::stopPicking()
{
    m_pickingOrder.clear();
    m_board.ticketDelegate()->setNumberedOrder({});
    m_board.viewport()->update();
    Q_EMIT pickingItemChanged(false);
}

void NumberKeys::pickNumbered(int number)
{
    const QString orderId = m_pickingOrder;
    stopPicking();
    const QModelIndex current = m_board.currentIndex();
    if (m_board.selectedOrderId() != orderId)
        return; // the ticket left the board meanwhile
    if (const std::optional<int> line = m_board.ticketDelegate()->lineNumbered(current, number))
        Q_EMIT itemPicked(orderId, *line);
    else
        qCInfo(lcBoard) << "no item" << number << "on the selected ticket";
}

bool NumberKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != &m_board || event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->isAutoRepeat() && isPickingItem())
        return true; // the item key held down: still waiting for the number
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool digit =
        modifiers == Qt::NoModifier && key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9;
    const int number = key->key() - Qt::Key_0;
    if (isPickingItem()) {
        // The key after the item key: a number is the item, anything else only cancels.
        if (digit)
            pickNumbered(number);
        else
            stopPicking();
        return true;
    }
    if (!digit || m_board.keyMap().commandFor(*key))
        return false; // a store may give a number key to a command
    // By position on the screen, as the cook counts them.
    const int row = qMax(0, m_board.firstVisibleRow()) + number - 1;
    if (row <= m_board.lastVisibleRow())
        m_board.selectRow(row);
    return true;
}
