// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "offscreenbar.h"

#include "boardview.h"
#include "ordermodel.h"
#include "shared/ticketformat.h"
#include "ticketstyle.h"

#include <QMouseEvent>
#include <QPainter>

OffscreenBar::OffscreenBar(BoardView *board, const TicketStyle &style, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_style(style)
{
    setAccessibleName(tr("Tickets off screen"));
    setCursor(Qt::PointingHandCursor);
    // Read from across the kitchen, like the later lane: larger than a customer's name, bold.
    setFont(style.calloutFont());
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(0);
    connect(&m_coalesce, &QTimer::timeout, this, &OffscreenBar::refresh);
    // Also when a hidden ticket is accepted: the "new" count changes without any row moving.
    connect(board, &BoardView::visibleRangeChanged, &m_coalesce, qOverload<>(&QTimer::start));
    refresh();
}

void OffscreenBar::refresh()
{
    m_coalesce.stop();
    const QAbstractItemModel *model = m_board->model();
    const int count = model ? model->rowCount() : 0;
    const int first = m_board->firstVisibleRow();
    const int last = m_board->lastVisibleRow();
    m_above = first < 0 ? 0 : first;
    m_below = last < 0 ? count : count - 1 - last;
    if (first < 0 && count > 0)
        m_above = 0;

    if (m_below > 0) {
        int fresh = 0;
        for (int row = count - m_below; row < count; ++row) {
            if (model->index(row, 0).data(OrderModel::StateRole).value<OrderState>()
                == OrderState::Placed)
                ++fresh;
        }
        const Order newest = model->index(count - 1, 0).data(OrderModel::OrderRole).value<Order>();
        m_text = tr("▼ %n more below · newest %1", nullptr, m_below)
                     .arg(TicketFormat::number(newest));
        if (fresh > 0)
            m_text += tr(" · %n new", nullptr, fresh);
    } else if (m_above > 0) {
        m_text = tr("▲ %n older above · tap for the oldest", nullptr, m_above);
    } else {
        m_text = tr("All %n on screen", nullptr, count);
    }
    setAccessibleDescription(m_text);
    update();
}

QSize OffscreenBar::sizeHint() const
{
    const int height = QFontMetrics(font()).height() + 2 * m_style.padding;
    return {200, height};
}

void OffscreenBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const bool alarm = m_below > 0; // the newest are hidden: make it loud
    painter.fillRect(rect(), alarm ? m_style.banner : m_style.card);
    painter.setPen(alarm ? m_style.bannerText : m_style.dimText);
    painter.drawText(rect().adjusted(m_style.padding, 0, -m_style.padding, 0),
                     Qt::AlignCenter | Qt::TextSingleLine, m_text);
}

void OffscreenBar::mouseReleaseEvent(QMouseEvent *event)
{
    const int count = m_board->model() ? m_board->model()->rowCount() : 0;
    if (event->button() != Qt::LeftButton || count == 0 || !rect().contains(event->position().toPoint()))
        return;
    if (m_below > 0)
        m_board->selectRow(count - 1);
    else if (m_above > 0)
        m_board->selectRow(0);
    else
        return;
    refresh();
    Q_EMIT jumped();
}
