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
    m_coalesce.setObjectName(QStringLiteral("offscreen bar"));
    connect(&m_coalesce, &QTimer::timeout, this, &OffscreenBar::refresh);
    // Also on every tick of the clock: the oldest hidden ticket's age is shown.
    connect(board, &BoardView::visibleRangeChanged, &m_coalesce, qOverload<>(&QTimer::start));
    refresh();
}

QString OffscreenBar::text() const
{
    if (m_aboveText.isEmpty() || m_belowText.isEmpty())
        return m_aboveText + m_belowText;
    return m_aboveText + QStringLiteral("   ") + m_belowText;
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
    // A ticket cut between this screen and another is not all on screen either. Both are on the
    // screen shown, so the first screen's layout will do (at start, the rest is not laid out yet).
    const BoardLayout &layout = m_board->screenLayout();
    const int page = m_board->currentPage();
    const bool firstStartsEarlier = first >= 0 && layout.pageOf(first) < page;
    const bool lastGoesOn = last >= 0
        && layout.pieces().at(layout.firstPieceOf(last) + layout.pieceCountOf(last) - 1).page > page;
    if (firstStartsEarlier)
        ++m_above;
    if (lastGoesOn)
        ++m_below;

    // Tickets run oldest first, yet a scheduled order fires later than it was placed: look
    // at every hidden ticket for the oldest and for new ones.
    m_oldestHidden = -1;
    qint64 oldestAge = -1;
    int fresh = 0;
    const auto look = [&](int row, bool below) {
        const QModelIndex index = model->index(row, 0);
        const qint64 age = index.data(OrderModel::AgeMsRole).toLongLong();
        // A cancelled ticket waiting to be acknowledged is not one to cook.
        const bool cancelled = index.data(OrderModel::AttentionRole).value<OrderAttention::Kind>()
            == OrderAttention::Kind::Cancelled;
        if (age > oldestAge && !cancelled) {
            oldestAge = age;
            m_oldestHidden = row;
        }
        if (below && index.data(OrderModel::StateRole).value<OrderState>() == OrderState::Placed)
            ++fresh;
    };
    for (int row = 0; row < m_above; ++row)
        look(row, false);
    for (int row = count - m_below; row < count; ++row)
        look(row, true);

    QString oldest;
    if (m_oldestHidden >= 0) {
        const Order order = model->index(m_oldestHidden, 0).data(OrderModel::OrderRole).value<Order>();
        oldest = tr("oldest %1, %2").arg(TicketFormat::number(order), TicketFormat::elapsed(oldestAge));
    }
    m_aboveText.clear();
    m_belowText.clear();
    if (m_above > 0) {
        m_aboveText = tr("▲ %n above", nullptr, m_above);
        if (m_oldestHidden >= 0 && m_oldestHidden < m_above)
            m_aboveText += QStringLiteral(" · ") + oldest;
    }
    if (m_below > 0) {
        const Order newest = model->index(count - 1, 0).data(OrderModel::OrderRole).value<Order>();
        m_belowText = tr("▼ %n below · newest %1", nullptr, m_below).arg(TicketFormat::number(newest));
        if (fresh > 0)
            m_belowText += tr(" · %n new", nullptr, fresh);
        if (m_oldestHidden >= count - m_below)
            m_belowText += QStringLiteral(" · ") + oldest;
        if (lastGoesOn) {
            const Order cut = model->index(last, 0).data(OrderModel::OrderRole).value<Order>();
            m_belowText += tr(" · %1 goes on").arg(TicketFormat::number(cut));
        }
    }
    if (m_above == 0 && m_below == 0)
        m_belowText = tr("All %n on screen", nullptr, count);
    m_alarm = fresh > 0 || (m_oldestHidden >= 0 && m_style.isAgeFlagged(oldestAge));
    setAccessibleDescription(text());
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
    painter.fillRect(rect(), m_alarm ? m_style.banner : m_style.card);
    painter.setPen(m_alarm ? m_style.bannerText : m_style.dimText);
    const QRect inner = rect().adjusted(m_style.padding, 0, -m_style.padding, 0);
    const QFontMetrics metrics(font());
    const auto draw = [&](const QRect &area, const QString &text, Qt::Alignment align) {
        painter.drawText(area, align | Qt::AlignVCenter | Qt::TextSingleLine,
                         metrics.elidedText(text, Qt::ElideRight, area.width()));
    };
    if (m_aboveText.isEmpty() || m_belowText.isEmpty()) {
        draw(inner, text(), Qt::AlignHCenter);
        return;
    }
    // Both sides: earlier screens on the left, later ones on the right, as the taps go.
    const int half = inner.width() / 2;
    draw(QRect(inner.left(), inner.top(), half - m_style.padding, inner.height()), m_aboveText,
         Qt::AlignLeft);
    draw(QRect(inner.left() + half + m_style.padding, inner.top(), half - m_style.padding,
               inner.height()),
         m_belowText, Qt::AlignRight);
}

void OffscreenBar::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !rect().contains(event->position().toPoint()))
        return;
    const bool leftHalf = event->position().x() < width() / 2.0;
    // One side hidden: the whole bar goes that way.
    if (m_above > 0 && (leftHalf || m_below == 0))
        m_board->pageBack();
    else if (m_below > 0)
        m_board->pageForward();
    else
        return;
    refresh();
    Q_EMIT jumped();
}
