// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketpainter.h"

#include "engine/feedmonitor.h"
#include "shared/ticketformat.h"
#include "ticketdrawing.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>

using namespace TicketDrawing;

TicketPainter::TicketPainter(const TicketStyle &style)
    : m_style(style)
{ }

void TicketPainter::setStyle(const TicketStyle &style)
{
    m_style = style;
    m_measures.setFonts(m_style);
    m_body.setStyle(m_style);
}

void TicketPainter::Measures::setFonts(const TicketStyle &style)
{
    number.setFont(style.numberFont);
    age.setFont(style.ageFont);
    caption.setFont(style.captionFont);
    status.setFont(style.statusFont);
    badge.setFont(style.badgeFont);
    customer.setFont(style.customerFont);
    more.setFont(style.moreFont);
}

void TicketPainter::paintBackground(QPainter *painter, const QRectF &card, const Ticket &ticket,
                                    const Header &header) const
{
    painter->setBrush(m_style.card);
    if (m_style.isAgeFlagged(ticket.ageMs))
        painter->setPen(QPen(m_style.ageFill(ticket.ageMs), 3));
    else
        painter->setPen(Qt::NoPen);
    painter->drawRoundedRect(card, m_style.radius, m_style.radius);

    // Only the top corners are rounded: the header meets the body in a straight line. (A plain
    // rectangle over the band's lower half squares it off; cheaper than intersecting paths.)
    // Past a threshold the whole header takes the age colour: readable from across the kitchen.
    const QColor band = m_style.headerFill(ticket.order.state, ticket.ageMs);
    painter->setPen(Qt::NoPen);
    painter->setBrush(band);
    painter->drawRoundedRect(header.band, m_style.radius, m_style.radius);
    painter->fillRect(header.band.adjusted(0, header.band.height() / 2, 0, 0), band);
}

TicketShape TicketPainter::shape(const Ticket &ticket, qreal width) const
{
    const qreal pad = m_style.padding;
    const qreal band = bandHeight();
    TicketShape shape;
    shape.continuedHead = slimBandHeight() + pad * 0.75;
    shape.head = band + metaHeight() + stationsHeight(ticket, width) + pad * 0.75;
    shape.footer = footerHeight();
    shape.tail = pad * 0.5;
    m_body.measure(ticket.order.notes, ticket.items, marksOf(ticket), width - 2 * pad, &shape);
    return shape;
}

void TicketPainter::paintContent(QPainter *painter, const QRectF &card, const Ticket &ticket,
                                 const Header &header, const TicketPart &part,
                                 bool selected) const
{
    paintHeader(painter, ticket, header, part);
    const qreal pad = m_style.padding;
    qreal top = header.band.bottom();
    if (part.isFirst()) {
        const QRectF rest(card.left(), top, card.width(), card.bottom() - top);
        paintMeta(painter, rest, ticket);
        top += metaHeight();
        paintStations(painter, rest.adjusted(0, metaHeight(), 0, 0), ticket);
        top += stationsHeight(ticket, card.width());
        painter->setPen(QPen(m_style.rule, 1));
        painter->drawLine(QPointF(card.left() + pad, top), QPointF(card.right() - pad, top));
    }
    const qreal bottom = part.isLast() ? card.bottom() : card.bottom() - footerHeight();
    const qreal bodyStart = bodyTop(card, ticket, header, part);
    const QRectF body(card.left() + pad, bodyStart, card.width() - 2 * pad, bottom - bodyStart);
    painter->save();
    painter->setClipRect(body.adjusted(-pad / 2, 0, pad / 2, 0), Qt::IntersectClip);
    m_body.paint(painter, body, ticket.order.notes, ticket.items, marksOf(ticket), part.firstBlock,
                 part.endBlock);
    painter->restore();
    if (!part.isLast())
        paintFooter(painter, card, part);
    if (selected)
        paintSelection(painter, card);
}

// The age and the due or waiting time change every tick, so they are painted over the kept
// layer, not kept in it: a tick costs each ticket two short texts rather than a whole repaint.
void TicketPainter::paintClock(QPainter *painter, const Ticket &ticket, const Header &header) const
{
    drawChip(painter, header.ageChip, header.age, header.slim ? m_style.captionFont : m_style.ageFont,
             m_style.ageChipFill(ticket.ageMs), m_style.ageChipText(ticket.ageMs));
    if (!header.slim)
        paintStatus(painter, ticket, header);
}

TicketPainter::Header TicketPainter::header(const QRectF &card, const Ticket &ticket,
                                            const TicketPart &part) const
{
    const qreal pad = m_style.padding;
    Header header;
    if (!part.isFirst()) {
        // A continued part needs the number, the age and the mark, not the whole header again:
        // one line, so large type still leaves room for items.
        header.slim = true;
        header.band = QRectF(card.topLeft(), QSizeF(card.width(), slimBandHeight()));
        const QRectF inner = header.band.adjusted(pad, pad * 0.25, -pad, -pad * 0.25);
        header.age = TicketFormat::elapsed(ticket.ageMs);
        const QSizeF ageSize(m_measures.caption.advance(header.age) + 2 * chipPadding,
                             m_measures.caption.height() + 2);
        header.ageChip = QRectF(
            QPointF(inner.right() - ageSize.width(), inner.center().y() - ageSize.height() / 2),
            ageSize);
        header.number = QRectF(inner.left(), inner.top(),
                               header.ageChip.left() - inner.left() - pad, inner.height());
        return header;
    }
    const qreal numberHeight = m_measures.number.height();
    header.band = QRectF(card.topLeft(), QSizeF(card.width(), bandHeight()));
    const QRectF inner = header.band.adjusted(pad, pad * 0.5, -pad, -pad * 0.75);
    header.age = TicketFormat::elapsed(ticket.ageMs);
    const QSizeF ageSize(m_measures.age.advance(header.age) + 2 * chipPadding,
                         m_measures.age.height() + 4);
    header.ageChip = QRectF(QPointF(inner.right() - ageSize.width(),
                                    inner.top() + (numberHeight - ageSize.height()) / 2),
                            ageSize);
    header.number =
        QRectF(inner.left(), inner.top(), header.ageChip.left() - inner.left() - pad, numberHeight);
    header.statusLine =
        QRectF(inner.left(), header.number.bottom(), inner.width(), m_measures.caption.height());
    return header;
}

TicketBody::Marks TicketPainter::marksOf(const Ticket &ticket)
{
    TicketBody::Marks marks;
    marks.struck = ticket.attention == OrderAttention::Kind::Cancelled;
    if (ticket.attention == OrderAttention::Kind::Changed)
        marks.changes = ticket.changes;
    marks.done.reserve(ticket.items.size());
    for (int i = 0; i < ticket.items.size(); ++i) {
        const int line = lineOf(ticket, i);
        marks.done.append(line < ticket.order.items.size() && ticket.order.isItemDone(line));
    }
    marks.numbered = ticket.numbered;
    return marks;
}

std::optional<int> TicketPainter::lineNumbered(const Ticket &ticket, int number) const
{
    const std::optional<int> shown = m_body.itemNumbered(ticket.items, marksOf(ticket), number);
    if (!shown || lineOf(ticket, *shown) < 0)
        return std::nullopt;
    return lineOf(ticket, *shown);
}

int TicketPainter::lineOf(const Ticket &ticket, int shown)
{
    return ticket.lines.isEmpty() ? shown : ticket.lines.value(shown, -1);
}

qreal TicketPainter::bodyTop(const QRectF &card, const Ticket &ticket, const Header &header,
                             const TicketPart &part) const
{
    qreal top = header.band.bottom();
    if (part.isFirst())
        top += metaHeight() + stationsHeight(ticket, card.width());
    return top + m_style.padding * 0.75;
}

std::optional<int> TicketPainter::lineAt(const QRectF &card, const Ticket &ticket,
                                         const TicketPart &part, const QPointF &point) const
{
    const qreal pad = m_style.padding;
    if (point.x() < card.left() || point.x() > card.right())
        return std::nullopt;
    qreal top = bodyTop(card, ticket, header(card, ticket, part), part);
    TicketShape measured;
    const TicketBody::Marks marks = marksOf(ticket);
    m_body.measure(ticket.order.notes, ticket.items, marks, card.width() - 2 * pad, &measured);
    for (int block = part.firstBlock; block < part.endBlock && block < measured.blocks.size();
         ++block) {
        const qreal bottom = top + measured.blocks.at(block);
        if (point.y() >= top && point.y() < bottom) {
            const std::optional<int> shown =
                m_body.itemOfBlock(ticket.order.notes, ticket.items, marks, block);
            if (!shown)
                return std::nullopt;
            const int line = lineOf(ticket, *shown);
            return line >= 0 ? std::optional<int>(line) : std::nullopt;
        }
        top = bottom;
    }
    return std::nullopt;
}

qreal TicketPainter::slimBandHeight() const
{
    return m_style.padding * 0.5 + m_measures.caption.height() + 4;
}

qreal TicketPainter::bandHeight() const
{
    return m_style.padding * 1.25 + m_measures.number.height() + m_measures.caption.height();
}

QString TicketPainter::caption(const Ticket &ticket, const TicketPart &part) const
{
    // The age in words as well as colour, for those who cannot tell amber from red.
    QString state = TicketFormat::stateCaption(ticket.order.state);
    switch (m_style.ageLevel(ticket.ageMs)) {
    case TicketStyle::AgeLevel::Late:
        state = tr("LATE · %1").arg(state);
        break;
    case TicketStyle::AgeLevel::Warn:
        state = tr("SLOW · %1").arg(state);
        break;
    case TicketStyle::AgeLevel::Fresh:
        break;
    }
    // Someone else's change waits for a cook: said in words in the header.
    if (ticket.attention == OrderAttention::Kind::Cancelled)
        state = tr("CANCELLED · STOP");
    else if (ticket.attention == OrderAttention::Kind::Changed)
        state = tr("CHANGED · %1").arg(state);
    if (part.isFirst())
        return state;
    return tr("◀ CONTINUED %1/%2 · %3").arg(part.index + 1).arg(part.count).arg(state);
}

void TicketPainter::paintHeader(QPainter *painter, const Ticket &ticket, const Header &header,
                                const TicketPart &part) const
{
    const QColor text = m_style.headerTextOn(ticket.ageMs);
    if (header.slim) {
        painter->setFont(m_style.captionFont);
        painter->setPen(text);
        const QString text = TicketFormat::number(ticket.order) + QStringLiteral("  ")
            + caption(ticket, part);
        m_shaped.draw(painter, header.number, Qt::AlignLeft | Qt::AlignVCenter,
                      m_measures.caption.elided(text, header.number.width()));
        return;
    }
    painter->setFont(m_style.numberFont);
    painter->setPen(text);
    m_shaped.draw(
        painter, header.number, Qt::AlignLeft | Qt::AlignVCenter,
        m_measures.number.elided(TicketFormat::number(ticket.order), header.number.width()));

    painter->setFont(m_style.captionFont);
    m_shaped.draw(painter, header.statusLine, Qt::AlignLeft | Qt::AlignVCenter,
                  m_measures.caption.elided(caption(ticket, part), header.statusLine.width()));
    if (m_style.ageLevel(ticket.ageMs) == TicketStyle::AgeLevel::Late) {
        // A second, shape cue: the late header is underscored by a thick bar of the text colour.
        const QRectF bar(header.band.left(), header.band.bottom() - 4, header.band.width(), 4);
        painter->fillRect(bar, text);
    }
}

qreal TicketPainter::footerHeight() const
{
    return m_measures.more.height() + m_style.padding * 0.5;
}

void TicketPainter::paintFooter(QPainter *painter, const QRectF &card,
                                const TicketPart &part) const
{
    // The ticket goes on: a strip across the foot that cannot be taken for the end of it.
    const qreal pad = m_style.padding;
    const QRectF strip(card.left(), card.bottom() - footerHeight(), card.width(), footerHeight());
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style.rule);
    painter->drawRect(strip.adjusted(0, 0, 0, -m_style.radius / 2.0));
    painter->setFont(m_style.moreFont);
    painter->setPen(m_style.cardText);
    const QString text = tr("CONTINUED %1/%2 ▶").arg(part.index + 1).arg(part.count);
    m_shaped.draw(painter, strip.adjusted(pad, 0, -pad, 0), Qt::AlignRight | Qt::AlignVCenter,
                  m_measures.more.elided(text, strip.width() - 2 * pad));
}

void TicketPainter::paintStatus(QPainter *painter, const Ticket &ticket, const Header &header) const
{
    // On the right: when it is due while cooking, how long it has waited once ready.
    QString status;
    bool late = false;
    if (ticket.order.state == OrderState::Ready) {
        status = TicketFormat::waiting(ticket.stateAgeMs);
    } else if (ticket.dueInMs) {
        status = TicketFormat::due(*ticket.dueInMs);
        late = *ticket.dueInMs <= -60000;
    }
    if (status.isEmpty())
        return;
    const QRectF &line = header.statusLine;
    if (late) {
        const QSizeF size = chipSize(status, m_measures.status);
        const QRectF chip(
            QPointF(line.right() - size.width(), line.center().y() - size.height() / 2), size);
        // On a header already red, a dark chip; elsewhere a red one.
        const bool lateHeader = m_style.ageLevel(ticket.ageMs) == TicketStyle::AgeLevel::Late;
        drawChip(painter, chip, status, m_style.statusFont,
                 lateHeader ? m_style.board : m_style.late, m_style.lateText);
        return;
    }
    const qreal room =
        line.width() - m_measures.caption.advance(caption(ticket, TicketPart {})) - chipPadding;
    painter->setFont(m_style.statusFont);
    painter->setPen(m_style.headerTextOn(ticket.ageMs));
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                      m_measures.status.elided(status, room));
}

qreal TicketPainter::metaHeight() const
{
    return m_style.padding * 1.25 + m_measures.badge.height() + 6;
}

void TicketPainter::paintMeta(QPainter *painter, const QRectF &area, const Ticket &ticket) const
{
    const qreal pad = m_style.padding;
    const QString badge = TicketFormat::typeBadge(ticket.order);
    const QSizeF badgeSize = chipSize(badge, m_measures.badge);
    const qreal height = metaHeight();
    const QColor typeColor = m_style.typeColor(ticket.order.type);
    const QRectF badgeRect(QPointF(area.left() + pad, area.top() + pad * 0.625), badgeSize);
    drawChip(painter, badgeRect, badge, m_style.badgeFont, typeColor, textOn(typeColor), &m_shaped);
    qreal customerLeft = badgeRect.right() + pad;
    if (ticket.order.scheduledFor > 0) {
        // A scheduled order says when it is for; one that fired late says so loudly.
        const QString at = QDateTime::fromMSecsSinceEpoch(ticket.order.scheduledFor)
                               .toString(QStringLiteral("HH:mm"));
        const QString text = ticket.firedLate ? tr("LATE · FOR %1").arg(at) : tr("FOR %1").arg(at);
        const QSizeF size = chipSize(text, m_measures.badge);
        const QRectF chip(QPointF(customerLeft, badgeRect.top()), size);
        drawChip(painter, chip, text, m_style.badgeFont,
                 ticket.firedLate ? m_style.late : m_style.warn,
                 ticket.firedLate ? m_style.lateText : m_style.warnText, &m_shaped);
        customerLeft = chip.right() + pad;
    }
    if (ticket.attention == OrderAttention::Kind::Changed && ticket.promiseMovedFrom > 0
        && ticket.order.promisedAt > 0) {
        // Someone else moved the ready time: both times, until a cook acknowledges it.
        const auto hhmm = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
        };
        const QString text = tr("DUE %1 · WAS %2")
                                     .arg(hhmm(ticket.order.promisedAt),
                                          hhmm(ticket.promiseMovedFrom));
        const QRectF chip(QPointF(customerLeft, badgeRect.top()),
                          chipSize(text, m_measures.badge));
        drawChip(painter, chip, text, m_style.badgeFont, m_style.warn, m_style.warnText, &m_shaped);
        customerLeft = chip.right() + pad;
    }

    // Where the order came from (the platform, which POS), small at the right: a cook asked
    // "was that the Square order?" finds it without a lookup.
    qreal customerRight = area.right() - pad;
    if (!ticket.order.source.isEmpty()) {
        const QString source = FeedMonitor::displayName(ticket.order.source).toUpper();
        painter->setFont(m_style.badgeFont);
        painter->setPen(m_style.dimText);
        const qreal width = m_measures.badge.advance(source);
        const QRectF sourceRect(customerRight - width, area.top(), width, height);
        m_shaped.draw(painter, sourceRect, Qt::AlignRight | Qt::AlignVCenter, source);
        customerRight = sourceRect.left() - pad;
    }
    const QRectF customerRect(customerLeft, area.top(),
                              qMax<qreal>(0, customerRight - customerLeft), height);
    painter->setFont(m_style.customerFont);
    painter->setPen(m_style.dimText);
    m_shaped.draw(painter, customerRect, Qt::AlignLeft | Qt::AlignVCenter,
                  m_measures.customer.elided(ticket.order.customerName, customerRect.width()));
}

QList<QRectF> TicketPainter::stationChips(const Ticket &ticket, qreal width) const
{
    const qreal pad = m_style.padding;
    QList<QRectF> chips;
    QPointF at(pad, 0);
    qreal bottom = 0;
    for (const QString &station : ticket.stations) {
        const bool done = ticket.stationsDone.contains(station);
        const QString text = done ? tr("✓ %1").arg(station.toUpper()) : station.toUpper();
        QSizeF size = chipSize(text, m_measures.caption);
        size.setWidth(qMin(size.width(), width - 2 * pad));
        if (at.x() > pad && at.x() + size.width() > width - pad)
            at = QPointF(pad, bottom + chipGap / 2);
        chips.append(QRectF(at, size));
        at.rx() += size.width() + chipGap;
        bottom = chips.constLast().bottom();
    }
    return chips;
}

qreal TicketPainter::stationsHeight(const Ticket &ticket, qreal width) const
{
    if (ticket.stations.isEmpty())
        return 0;
    return stationChips(ticket, width).constLast().bottom() + m_style.padding * 0.625;
}

void TicketPainter::paintStations(QPainter *painter, const QRectF &area,
                                  const Ticket &ticket) const
{
    // Expo's question is "what is still missing?": done stations are ticked and filled, open
    // ones stay outlined and dim, so the gap stands out.
    const QList<QRectF> chips = stationChips(ticket, area.width());
    const QFont &font = m_style.captionFont;
    for (int i = 0; i < chips.size(); ++i) {
        const QString &station = ticket.stations.at(i);
        const bool done = ticket.stationsDone.contains(station);
        const QString text = done ? tr("✓ %1").arg(station.toUpper()) : station.toUpper();
        const QRectF chip = chips.at(i).translated(area.topLeft());
        if (done) {
            const QColor fill = m_style.stateColor(OrderState::Ready);
            drawChip(painter, chip, text, font, fill, textOn(fill), &m_shaped);
        } else {
            painter->setPen(QPen(m_style.dimText, 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(chip.adjusted(0.75, 0.75, -0.75, -0.75), 6, 6);
            painter->setFont(font);
            painter->setPen(m_style.dimText);
            m_shaped.draw(painter, chip, Qt::AlignCenter, text);
        }
    }
}

void TicketPainter::paintSelection(QPainter *painter, const QRectF &card) const
{
    const qreal inset = -m_style.cardMargin / 2.0;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(m_style.selection, 4));
    painter->drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), m_style.radius + 3,
                             m_style.radius + 3);
}
