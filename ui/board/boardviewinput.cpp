// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// BoardView's input: keys, taps, swipes and the wheel (the view's layout and painting are in
// boardview.cpp).
#include "boardview.h"

#include "ticketdelegate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

std::optional<int> BoardView::lineAt(const QModelIndex &index, const QPoint &point) const
{
    const BoardLayout::Piece *piece = pieceUnder(point);
    return piece ? m_delegate->lineAt(index, viewportRect(*piece), piece->part, point) : std::nullopt;
}

void BoardView::keyPressEvent(QKeyEvent *event)
{
    if (const std::optional<BoardCommand> command = m_keys.commandFor(*event)) {
        if (*command == BoardCommand::Bump)
            Q_EMIT advanceRequested(selectedOrderId());
        else
            Q_EMIT commandRequested(*command);
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void BoardView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex pressed = indexAt(event->position().toPoint());
    if (!pressed.isValid()) {
        // A tap between tickets keeps the selection: keyboard and bump bar always have a target.
        setFocus(Qt::MouseFocusReason);
        m_touch.press({}, {}, false, false);
        event->accept();
        return;
    }
    m_touch.press(pressed, event->position().toPoint(),
                  pressed == currentIndex() && selectionModel()->isSelected(pressed),
                  event->button() == Qt::LeftButton,
                  m_itemTaps ? lineAt(pressed, event->position().toPoint()) : std::nullopt);
    QAbstractItemView::mousePressEvent(event);
}

void BoardView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_touch.move(event->position().toPoint()))
        event->accept();
    else
        QAbstractItemView::mouseMoveEvent(event);
}

void BoardView::mouseReleaseEvent(QMouseEvent *event)
{
    const QModelIndex bump = m_touch.release(indexAt(event->position().toPoint()),
                                             event->button() == Qt::LeftButton);
    if (bump.isValid())
        Q_EMIT advanceRequested(orderIdAt(bump));
    if (const std::optional<int> line = m_touch.takeTappedLine())
        Q_EMIT itemToggleRequested(orderIdAt(currentIndex()), *line);
    QAbstractItemView::mouseReleaseEvent(event);
}

void BoardView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QModelIndex pressed = indexAt(event->position().toPoint());
    if (!pressed.isValid() || event->button() != Qt::LeftButton) {
        event->accept();
        return;
    }
    const bool wasCurrent = pressed == currentIndex();
    if (!wasCurrent)
        selectionModel()->setCurrentIndex(pressed, QItemSelectionModel::ClearAndSelect);
    if (m_touch.doubleTap(wasCurrent))
        Q_EMIT advanceRequested(orderIdAt(pressed));
    event->accept();
}

void BoardView::wheelEvent(QWheelEvent *event)
{
    pageBy(m_touch.wheel(event->angleDelta().y()));
    event->accept();
}
