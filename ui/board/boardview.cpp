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
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &BoardView::visibleRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &BoardView::visibleRangeChanged);
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
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &BoardView::visibleRangeChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &BoardView::visibleRangeChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &BoardView::visibleRangeChanged);
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

int BoardView::columnCount() const
{
    return qMax(1, viewport()->width() / qMax(1, m_delegate->cellSize().width()));
}

int BoardView::rowsPerPage() const
{
    return qMax(1, viewport()->height() / qMax(1, m_delegate->cellSize().height()));
}

int BoardView::firstVisibleRow() const
{
    const int count = model() ? model()->rowCount(rootIndex()) : 0;
    const int height = qMax(1, m_delegate->cellSize().height());
    const int line = (verticalScrollBar()->value() + height - 1) / height; // first whole line
    const int row = line * columnCount();
    return row < count && lastVisibleRow() >= row ? row : -1;
}

int BoardView::lastVisibleRow() const
{
    const int count = model() ? model()->rowCount(rootIndex()) : 0;
    const int height = qMax(1, m_delegate->cellSize().height());
    const int endLine = (verticalScrollBar()->value() + viewport()->height()) / height;
    const int last = qMin(count, endLine * columnCount()) - 1;
    const int firstLine = (verticalScrollBar()->value() + height - 1) / height;
    return last >= firstLine * columnCount() ? last : -1;
}

void BoardView::pageForward()
{
    pageBy(1);
}

void BoardView::pageBack()
{
    pageBy(-1);
}

void BoardView::pageBy(int pages)
{
    const int count = model() ? model()->rowCount(rootIndex()) : 0;
    if (count == 0)
        return;
    const int columns = columnCount();
    const int height = qMax(1, m_delegate->cellSize().height());
    const int lines = (count + columns - 1) / columns;
    const int maxTopLine = qMax(0, lines - rowsPerPage());
    const int topLine = (verticalScrollBar()->value() + height - 1) / height;
    const int newTop = qBound(0, topLine + pages * rowsPerPage(), maxTopLine);
    // The selection keeps its place on the screen, so the bump key acts on what is shown.
    const int current = currentIndex().isValid() ? currentIndex().row() : 0;
    const int offset = qBound(0, current - topLine * columns, rowsPerPage() * columns - 1);
    const int target = qBound(0, newTop * columns + offset, count - 1);
    selectionModel()->setCurrentIndex(model()->index(target, 0, rootIndex()),
                                      QItemSelectionModel::ClearAndSelect);
    scrollToLine(newTop);
}

void BoardView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid() || index.model() != model())
        return;
    const int height = qMax(1, m_delegate->cellSize().height());
    const int rows = rowsPerPage();
    const int line = index.row() / columnCount();
    const int top = (verticalScrollBar()->value() + height - 1) / height;
    switch (hint) {
    case PositionAtTop:
        scrollToLine(line);
        break;
    case PositionAtBottom:
        scrollToLine(line - rows + 1);
        break;
    case PositionAtCenter:
        scrollToLine(line - rows / 2);
        break;
    case EnsureVisible:
        if (line < top)
            scrollToLine(line);
        else if (line >= top + rows)
            scrollToLine(line - rows + 1);
        else
            scrollToLine(top); // already shown: just settle on a whole row
        break;
    }
}

void BoardView::scrollToLine(int line)
{
    verticalScrollBar()->setValue(qMax(0, line) * m_delegate->cellSize().height());
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
    m_pressWasSelected = pressed == currentIndex() && selectionModel()->isSelected(pressed);
    m_pressed = event->button() == Qt::LeftButton ? pressed : QModelIndex();
    m_pressPos = event->position().toPoint();
    m_swiping = false;
    m_dragged = false;
    m_pressAdvanced = false;
    QListView::mousePressEvent(event);
}

void BoardView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed.isValid()) {
        QListView::mouseMoveEvent(event);
        return;
    }
    // A drag never moves the selection to another ticket or scrolls: it is a swipe or nothing.
    const QPoint moved = event->position().toPoint() - m_pressPos;
    if (qAbs(moved.x()) >= swipeDistancePx && qAbs(moved.x()) > 2 * qAbs(moved.y()))
        m_swiping = true;
    else if (moved.manhattanLength() >= swipeDistancePx / 2)
        m_dragged = true;
    event->accept();
}

void BoardView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPersistentModelIndex pressed = m_pressed;
    m_pressed = QModelIndex();
    if (pressed.isValid() && event->button() == Qt::LeftButton && !m_pressAdvanced) {
        const bool tappedAgain =
            m_pressWasSelected && !m_dragged && indexAt(event->position().toPoint()) == pressed;
        if (m_swiping || tappedAgain) {
            m_pressAdvanced = true;
            Q_EMIT advanceRequested(orderIdAt(pressed));
        }
    }
    m_swiping = false;
    QListView::mouseReleaseEvent(event);
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
    Q_EMIT visibleRangeChanged();
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
