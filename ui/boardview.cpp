// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardview.h"

#include "ordermodel.h"
#include "ticketdelegate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

BoardView::BoardView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new TicketDelegate(this))
{
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setLayoutMode(QListView::SinglePass);
    setSpacing(0); // cards keep their own margin, so cells tile the board exactly
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setDragEnabled(false);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Kitchen board"));
}

void BoardView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model()) {
        disconnect(old, &QAbstractItemModel::rowsInserted, this, &BoardView::keepSelection);
        disconnect(old, &QAbstractItemModel::rowsRemoved, this, &BoardView::keepSelection);
        disconnect(old, &QAbstractItemModel::modelReset, this, &BoardView::keepSelection);
    }
    QListView::setModel(model);
    if (!model)
        return;
    // Keyboard use needs a selected ticket at all times: the first one to arrive, and after a
    // bump removes the selected ticket, its neighbour.
    connect(model, &QAbstractItemModel::rowsInserted, this, &BoardView::keepSelection);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &BoardView::keepSelection);
    connect(model, &QAbstractItemModel::modelReset, this, &BoardView::keepSelection);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BoardView::selectCurrent);
    keepSelection();
}

void BoardView::setTicketStyle(const TicketStyle &style)
{
    m_delegate->setTicketStyle(style);
    fitCells();
}

QString BoardView::selectedOrderId() const
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || !selectionModel()->isSelected(current))
        return {};
    return orderIdAt(current);
}

bool BoardView::selectRow(int row)
{
    if (!model() || row < 0 || row >= model()->rowCount(rootIndex()))
        return false;
    const QModelIndex index = model()->index(row, 0, rootIndex());
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
    return true;
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
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == Qt::NoModifier && key >= Qt::Key_1 && key <= Qt::Key_9) {
        selectRow(key - Qt::Key_1);
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void BoardView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex pressed = indexAt(event->position().toPoint());
    if (!pressed.isValid()) {
        // A tap between tickets keeps the selection: keyboard and bump bar always have a target.
        setFocus(Qt::MouseFocusReason);
        m_pressAdvanced = false;
        event->accept();
        return;
    }
    const bool wasSelected = pressed == currentIndex() && selectionModel()->isSelected(pressed);
    QListView::mousePressEvent(event);
    m_pressAdvanced = wasSelected && event->button() == Qt::LeftButton;
    if (m_pressAdvanced)
        Q_EMIT advanceRequested(orderIdAt(pressed));
}

void BoardView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QModelIndex pressed = indexAt(event->position().toPoint());
    if (!pressed.isValid() || event->button() != Qt::LeftButton) {
        event->accept();
        return;
    }
    if (pressed != currentIndex()) { // no press reached us first (synthesised or moved)
        selectionModel()->setCurrentIndex(pressed, QItemSelectionModel::ClearAndSelect);
        m_pressAdvanced = false;
    }
    // The first tap selected it, or bumped it if it was already selected: bump once either way.
    if (!m_pressAdvanced) {
        m_pressAdvanced = true;
        Q_EMIT advanceRequested(orderIdAt(pressed));
    }
    event->accept();
}

void BoardView::resizeEvent(QResizeEvent *event)
{
    fitCells();
    QListView::resizeEvent(event);
}

void BoardView::fitCells()
{
    // As many whole columns and rows as fit, stretched to fill the board: no half-cut ticket at
    // the edge, no ragged gap. The scroll bar's width is always set aside, so showing it when
    // tickets overflow doesn't change the columns (which could make it disappear again).
    const QSize minimum = m_delegate->ticketStyle().minimumCellSize;
    const QRect area = contentsRect();
    const int width = area.width() - verticalScrollBar()->sizeHint().width() - 1;
    const int height = area.height() - 1;
    const int columns = qMax(1, width / minimum.width());
    const int rows = qMax(1, height / minimum.height());
    m_delegate->setCellSize(
        QSize(qMax(minimum.width(), width / columns), qMax(minimum.height(), height / rows)));
}

void BoardView::keepSelection()
{
    if (!model() || model()->rowCount(rootIndex()) == 0)
        return;
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        selectRow(0);
    else if (!selectionModel()->isSelected(current))
        selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
}

void BoardView::selectCurrent(const QModelIndex &current)
{
    if (current.isValid() && !selectionModel()->isSelected(current))
        selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
}

QString BoardView::orderIdAt(const QModelIndex &index) const
{
    return index.data(OrderModel::OrderIdRole).toString();
}
