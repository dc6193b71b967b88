// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardview.h"

#include "ordermodel.h"
#include "ticketdelegate.h"
#include "ticketstyle.h"

#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

BoardView::BoardView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_delegate(new TicketDelegate(this))
{
    setItemDelegate(m_delegate);
    // Screens are turned, never scrolled: the (hidden) scroll bar counts screens.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAutoScroll(false);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Kitchen board"));
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent fills what tickets leave
    viewport()->setAutoFillBackground(false);
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    m_layoutTimer.setObjectName(QStringLiteral("board layout"));
    connect(&m_layoutTimer, &QTimer::timeout, this, &BoardView::layoutNow);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &BoardView::visibleRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &BoardView::visibleRangeChanged);
}

void BoardView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr); // the base connects the new model again
    QAbstractItemView::setModel(model);
    forgetShapes();
    if (!model)
        return;
    // Keyboard use needs a selected ticket at all times: the first one to arrive, and after a
    // bump removes the selected ticket, its neighbour.
    connect(model, &QAbstractItemModel::rowsRemoved, this, &BoardView::forgetRemovedRows);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &BoardView::keepSelection);
    connect(model, &QAbstractItemModel::modelReset, this, &BoardView::keepSelection);
    connect(model, &QAbstractItemModel::modelReset, this, &BoardView::visibleRangeChanged);
    connect(model, &QAbstractItemModel::layoutChanged, this, &BoardView::visibleRangeChanged);
    // Sorted anew or rows moved: every row may hold another ticket now.
    connect(model, &QAbstractItemModel::layoutChanged, this, &BoardView::forgetShapes);
    connect(model, &QAbstractItemModel::rowsMoved, this, &BoardView::forgetShapes);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BoardView::selectCurrent);
    keepSelection();
}

void BoardView::setTicketStyle(const TicketStyle &style)
{
    m_delegate->setTicketStyle(style);
    forgetShapes();
}

void BoardView::layoutSoon(bool repaint)
{
    m_layoutDirty = true;
    m_repaintWanted = m_repaintWanted || repaint;
    m_layoutTimer.start();
}

void BoardView::layoutNow()
{
    m_layoutTimer.stop();
    const BoardLayout &layout = boardLayout(); // all of it: screenLayout() may have left the rest
    const bool moved = m_shown.isEmpty() || !layout.shows(currentPage(), m_shown);
    if (moved || m_repaintWanted)
        viewport()->update();
    m_repaintWanted = false;
    updateGeometries();
    Q_EMIT visibleRangeChanged();
}

bool BoardView::wasShown(int first, int last) const
{
    if (m_shown.isEmpty())
        return true; // nothing painted yet, or an empty board: paint
    return first <= m_shown.constLast().row && last >= m_shown.constFirst().row;
}

void BoardView::forgetShapes()
{
    m_shapes.forgetAll();
    m_layoutDirty = true;
    scheduleDelayedItemsLayout();
    viewport()->update();
}

void BoardView::relayout(int rows) const
{
    const TicketStyle &style = m_delegate->ticketStyle();
    const BoardLayout::Geometry geometry = BoardLayout::Geometry::filling(
        viewport()->size(), style.minimumColumnWidth, style.cardMargin);
    m_layout.setGeometry(geometry);
    m_layout.pack(model() ? m_shapes.shapes(*model(), rootIndex(), *m_delegate,
                                            geometry.cardWidth(), rows)
                          : QList<TicketShape>());
    m_layoutDirty = false;
}

const BoardLayout &BoardView::boardLayout() const
{
    // A layout of the first screen alone (screenLayout()) has fewer rows: this lays out all.
    if (m_layoutDirty || m_layout.rowCount() != rowCount())
        relayout(rowCount());
    return m_layout;
}

const BoardLayout &BoardView::screenLayout() const
{
    const int rows = rowCount();
    const bool firstScreen = verticalScrollBar()->value() == 0;
    const bool enough = m_layout.rowCount() == rows || (firstScreen && m_layout.pageCount() > 1);
    if (!m_layoutDirty && enough)
        return m_layout; // all of it, or enough for the first screen
    if (!firstScreen)
        return boardLayout();
    // Packing goes in row order, so once a ticket reaches the second screen the first is final.
    // A cold start with thousands of open tickets measures (and decodes) a screenful, not all.
    for (int first = qMin(rows, firstScreenRows);; first = qMin(rows, first * 4)) {
        relayout(first);
        if (first == rows || m_layout.pageCount() > 1)
            break;
    }
    if (m_layout.rowCount() != rows)
        m_layoutTimer.start(); // the rest on the next turn (layoutNow())
    return m_layout;
}

void BoardView::updateGeometries()
{
    // Until the rest is laid out (next turn) only the screens known so far can be turned to.
    const int pages = screenLayout().pageCount();
    verticalScrollBar()->setRange(0, pages - 1);
    verticalScrollBar()->setPageStep(1);
    verticalScrollBar()->setSingleStep(1);
    QAbstractItemView::updateGeometries();
}

void BoardView::scrollContentsBy(int, int)
{
    viewport()->update(); // a screen is turned, not shifted
}

int BoardView::verticalOffset() const
{
    return currentPage() * qMax(1, viewport()->height());
}

int BoardView::columnCount() const
{
    return boardLayout().geometry().columns;
}

int BoardView::pageCount() const
{
    return boardLayout().pageCount();
}

int BoardView::currentPage() const
{
    return qBound(0, verticalScrollBar()->value(), screenLayout().pageCount() - 1);
}

int BoardView::firstVisibleRow() const
{
    return screenLayout().rowsOn(currentPage()).first;
}

int BoardView::lastVisibleRow() const
{
    return screenLayout().rowsOn(currentPage()).second;
}

QRect BoardView::viewportRect(const BoardLayout::Piece &piece) const
{
    const qreal pageTop = piece.page * screenLayout().geometry().pageHeight;
    return piece.rect.translated(0, -pageTop).toAlignedRect();
}

QRect BoardView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model() || index.row() >= rowCount())
        return {};
    const BoardLayout &shown = screenLayout(); // selecting at start asks where the ticket is
    const BoardLayout &layout = index.row() < shown.rowCount() ? shown : boardLayout();
    const BoardLayout::Piece &first = layout.pieces().at(layout.firstPieceOf(index.row()));
    const int offset = (first.page - currentPage()) * qMax(1, viewport()->height());
    return viewportRect(first).translated(0, offset);
}

const BoardLayout::Piece *BoardView::pieceUnder(const QPoint &point) const
{
    const BoardLayout &layout = boardLayout();
    const int page = currentPage();
    const int piece =
        layout.pieceAt(page, QPointF(point) + QPointF(0, page * layout.geometry().pageHeight));
    return piece < 0 ? nullptr : &layout.pieces().at(piece);
}

QModelIndex BoardView::indexAt(const QPoint &point) const
{
    const BoardLayout::Piece *piece = pieceUnder(point);
    return piece ? model()->index(piece->row, 0, rootIndex()) : QModelIndex();
}

void BoardView::scrollTo(const QModelIndex &index, ScrollHint)
{
    if (!index.isValid() || index.model() != model() || index.row() >= rowCount())
        return;
    // The first ticket always starts the first screen: selecting it at start or after a reset
    // must not lay out thousands of tickets, at a size the window may not even have yet.
    if (index.row() == 0 && verticalScrollBar()->value() == 0)
        return;
    if (!boardLayout().isOn(index.row(), currentPage())) // not even in part
        showPage(boardLayout().pageOf(index.row()));
}

void BoardView::showPage(int page)
{
    const int pages = pageCount(); // lays out all: the range may know only the first screen yet
    verticalScrollBar()->setRange(0, pages - 1);
    verticalScrollBar()->setValue(qBound(0, page, pages - 1));
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
    if (!model() || row < 0 || row >= rowCount())
        return false;
    const QModelIndex index = model()->index(row, 0, rootIndex());
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
    return true;
}

void BoardView::pageBy(int pages)
{
    if (rowCount() == 0 || pages == 0)
        return;
    const BoardLayout &layout = boardLayout();
    const int from = currentPage();
    const int to = qBound(0, from + pages, layout.pageCount() - 1);
    // The selection keeps its place among the tickets shown, so the bump key acts on what is
    // on the screen.
    const auto [firstShown, lastShown] = layout.rowsOn(from);
    const auto [first, last] = layout.rowsOn(to);
    const int current = currentIndex().isValid() ? currentIndex().row() : firstShown;
    const int target = qBound(first, first + qMax(0, current - firstShown), last);
    showPage(to);
    selectionModel()->setCurrentIndex(model()->index(target, 0, rootIndex()),
                                      QItemSelectionModel::ClearAndSelect);
}

QModelIndex BoardView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    const int count = rowCount();
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    const auto at = [&](int r) { return model()->index(qBound(0, r, count - 1), 0, rootIndex()); };
    switch (cursorAction) {
    case MoveNext:
    case MoveDown:
        return at(row + 1);
    case MovePrevious:
    case MoveUp:
        return at(row - 1);
    case MoveRight:
    case MoveLeft: {
        const int across = boardLayout().rowAcross(row, cursorAction == MoveRight ? 1 : -1);
        return at(across < 0 ? row : across);
    }
    case MovePageDown:
    case MovePageUp: {
        const int page = currentPage() + (cursorAction == MovePageDown ? 1 : -1);
        const int first = boardLayout().rowsOn(qBound(0, page, pageCount() - 1)).first;
        return at(first < 0 ? row : first);
    }
    case MoveHome:
        return at(0);
    case MoveEnd:
        return at(count - 1);
    }
    return at(row);
}

void BoardView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    const BoardLayout &layout = boardLayout();
    const auto [first, end] = layout.piecesOn(currentPage());
    QItemSelection selection;
    for (int piece = first; piece < end; ++piece) {
        const BoardLayout::Piece &p = layout.pieces().at(piece);
        if (!viewportRect(p).intersects(rect.normalized()))
            continue;
        const QModelIndex index = model()->index(p.row, 0, rootIndex());
        selection.select(index, index);
        if (selectionMode() == SingleSelection)
            break;
    }
    selectionModel()->select(selection, command);
}

QRegion BoardView::visualRegionForSelection(const QItemSelection &selection) const
{
    // Every part of a ticket shows it selected; one not laid out yet is not on this screen.
    const BoardLayout &layout = screenLayout();
    const int margin = m_delegate->ticketStyle().cardMargin;
    QRegion region;
    for (const QModelIndex &index : selection.indexes()) {
        if (index.row() >= layout.rowCount())
            continue;
        const int first = layout.firstPieceOf(index.row());
        for (int piece = first; piece < first + layout.pieceCountOf(index.row()); ++piece) {
            const BoardLayout::Piece &p = layout.pieces().at(piece);
            if (p.page == currentPage())
                region += viewportRect(p).adjusted(-margin, -margin, margin, margin);
        }
    }
    return region;
}

void BoardView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                            const QList<int> &roles)
{
    // A change may make a ticket taller or shorter: measure those rows again. The clock's
    // tick changes no size.
    if (OrderModel::isClockTick(roles)) {
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
        Q_EMIT visibleRangeChanged();
        return;
    }
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    m_shapes.forgetRows(topLeft.row(), bottomRight.row());
    // Laid out once for a whole batch of changes. The base class is not told: it would ask
    // where each changed ticket is, laying out the board once per change.
    layoutSoon(wasShown(topLeft.row(), bottomRight.row()));
}

void BoardView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    if (!parent.isValid())
        m_shapes.insertRows(start, end - start + 1);
    // New tickets after the last one shown move nothing on the screen.
    layoutSoon(wasShown(start, start));
    QAbstractItemView::rowsInserted(parent, start, end);
    keepSelection();
}

// After the rows went (until then the model still has them, and a query lays out those).
void BoardView::forgetRemovedRows(const QModelIndex &parent, int start, int end)
{
    if (!parent.isValid())
        m_shapes.removeRows(start, end - start + 1);
    layoutSoon(wasShown(start, start));
}

void BoardView::reset()
{
    m_shapes.forgetAll();
    m_layoutDirty = true;
    QAbstractItemView::reset();
}

void BoardView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    for (int row = start; row <= end; ++row)
        m_delegate->forgetTicket(orderIdAt(model()->index(row, 0, parent)));
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
}

void BoardView::paintEvent(QPaintEvent *event)
{
    const BoardLayout &layout = screenLayout();
    QPainter painter(viewport());
    const auto [first, end] = layout.piecesOn(currentPage());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex current = currentIndex();
    m_shown = layout.pieces().mid(first, end - first);
    // Each ticket covers its cell, margin included (TicketDelegate): only the board between and
    // below them is filled here, not the whole screen again under every ticket.
    QRegion gaps = event->region();
    for (int piece = first; piece < end; ++piece) {
        const BoardLayout::Piece &p = layout.pieces().at(piece);
        option.rect = viewportRect(p);
        const int margin = m_delegate->ticketStyle().cardMargin;
        const QRect cell = option.rect.adjusted(-margin, -margin, margin, margin);
        if (!event->region().intersects(cell))
            continue;
        gaps -= cell;
        const QModelIndex index = model()->index(p.row, 0, rootIndex());
        option.state.setFlag(QStyle::State_Selected, selectionModel()->isSelected(index));
        option.state.setFlag(QStyle::State_HasFocus, index == current && hasFocus());
        m_delegate->paintPart(&painter, option, index, p.part);
    }
    for (const QRect &gap : gaps)
        painter.fillRect(gap, palette().base());
}

void BoardView::resizeEvent(QResizeEvent *event)
{
    m_layoutDirty = true;
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
    Q_EMIT visibleRangeChanged();
}

void BoardView::keepSelection()
{
    if (rowCount() == 0)
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
