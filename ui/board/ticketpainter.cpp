// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketpainter.h"

#include "engine/feedmonitor.h"
#include "shared/ticketformat.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {
constexpr qreal itemGap = 10;
constexpr qreal lineGap = 2;
constexpr qreal chipPadding = 8;
constexpr qreal chipGap = 6;
constexpr int maxNameLines = 2;
constexpr int maxModifierLines = 2;
constexpr int maxNoteLines = 3;

// Black or white, whichever reads on the fill.
QColor textOn(const QColor &fill)
{
    return qGray(fill.rgb()) > 150 ? QColor(Qt::black) : QColor(Qt::white);
}

QSizeF chipSize(const QString &text, const TextMeasure &measure)
{
    return {measure.advance(text) + 2 * chipPadding, measure.height() + 6};
}

void drawChip(QPainter *painter, const QRectF &chip, const QString &text, const QFont &font,
              const QColor &fill, const QColor &textColor)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, 6, 6);
    painter->setFont(font);
    painter->setPen(textColor);
    painter->drawText(chip, Qt::AlignCenter, text);
}

// Draws text wrapped into rect (whose height came from wrappedHeight) without spilling out.
void drawWrapped(QPainter *painter, const QRectF &rect, const QString &text)
{
    painter->save();
    painter->setClipRect(rect, Qt::IntersectClip);
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    painter->restore();
}
} // namespace

TicketPainter::TicketPainter(const TicketStyle &style)
    : m_style(style)
{ }

void TicketPainter::setStyle(const TicketStyle &style)
{
    m_style = style;
    m_measures.setFonts(m_style);
}

void TicketPainter::Measures::setFonts(const TicketStyle &style)
{
    number.setFont(style.numberFont);
    age.setFont(style.ageFont);
    caption.setFont(style.captionFont);
    status.setFont(style.statusFont);
    badge.setFont(style.badgeFont);
    customer.setFont(style.customerFont);
    item.setFont(style.itemFont);
    modifier.setFont(style.modifierFont);
    allergen.setFont(style.allergenFont);
    note.setFont(style.noteFont);
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

    // Only the top corners are rounded: the header meets the body in a straight line.
    QPainterPath rounded;
    rounded.addRoundedRect(header.band.adjusted(0, 0, 0, m_style.radius), m_style.radius,
                           m_style.radius);
    QPainterPath clip;
    clip.addRect(header.band);
    painter->fillPath(rounded.intersected(clip), m_style.stateColor(ticket.order.state));
}

void TicketPainter::paintContent(QPainter *painter, const QRectF &card, const Ticket &ticket,
                                 const Header &header, bool selected) const
{
    paintHeader(painter, ticket, header);
    qreal top = header.band.bottom();
    top += paintMeta(painter, QRectF(card.left(), top, card.width(), card.bottom() - top), ticket);
    top +=
        paintStations(painter, QRectF(card.left(), top, card.width(), card.bottom() - top), ticket);

    const qreal pad = m_style.padding;
    painter->setPen(QPen(m_style.rule, 1));
    painter->drawLine(QPointF(card.left() + pad, top), QPointF(card.right() - pad, top));

    const QRectF body(card.left() + pad, top + pad * 0.75, card.width() - 2 * pad,
                      card.bottom() - top - pad * 1.75);
    const qreal notesHeight = paintNotes(painter, body, ticket.order.notes);
    paintItems(painter, body.adjusted(0, 0, 0, -notesHeight), ticket.items);

    if (selected)
        paintSelection(painter, card);
}

// The age and the due or waiting time change every tick, so they are painted over the kept
// layer, not kept in it: a tick costs each ticket two short texts rather than a whole repaint.
void TicketPainter::paintClock(QPainter *painter, const Ticket &ticket, const Header &header) const
{
    drawChip(painter, header.ageChip, header.age, m_style.ageFont, m_style.ageFill(ticket.ageMs),
             m_style.ageText(ticket.ageMs));
    paintStatus(painter, ticket, header);
}

TicketPainter::Header TicketPainter::header(const QRectF &card, const Ticket &ticket) const
{
    const qreal numberHeight = m_measures.number.height();
    const qreal pad = m_style.padding;
    Header header;
    header.band =
        QRectF(card.topLeft(),
               QSizeF(card.width(), pad * 1.25 + numberHeight + m_measures.caption.height()));
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

void TicketPainter::paintHeader(QPainter *painter, const Ticket &ticket, const Header &header) const
{
    painter->setFont(m_style.numberFont);
    painter->setPen(m_style.headerText);
    painter->drawText(
        header.number, Qt::AlignLeft | Qt::AlignVCenter,
        m_measures.number.elided(TicketFormat::number(ticket.order), header.number.width()));

    painter->setFont(m_style.captionFont);
    painter->drawText(header.statusLine, Qt::AlignLeft | Qt::AlignVCenter,
                      TicketFormat::stateCaption(ticket.order.state));
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
        drawChip(painter, chip, status, m_style.statusFont, m_style.late, m_style.lateText);
        return;
    }
    const QString caption = TicketFormat::stateCaption(ticket.order.state);
    const qreal room = line.width() - m_measures.caption.advance(caption) - chipPadding;
    painter->setFont(m_style.statusFont);
    painter->setPen(m_style.headerText);
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                      m_measures.status.elided(status, room));
}

qreal TicketPainter::paintMeta(QPainter *painter, const QRectF &area, const Ticket &ticket) const
{
    const qreal pad = m_style.padding;
    const QString badge = TicketFormat::typeBadge(ticket.order);
    const QSizeF badgeSize = chipSize(badge, m_measures.badge);
    const qreal height = pad * 1.25 + badgeSize.height();
    const QColor typeColor = m_style.typeColor(ticket.order.type);
    const QRectF badgeRect(QPointF(area.left() + pad, area.top() + pad * 0.625), badgeSize);
    drawChip(painter, badgeRect, badge, m_style.badgeFont, typeColor, textOn(typeColor));
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
                 ticket.firedLate ? m_style.lateText : m_style.warnText);
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
        painter->drawText(sourceRect, Qt::AlignRight | Qt::AlignVCenter, source);
        customerRight = sourceRect.left() - pad;
    }
    const QRectF customerRect(customerLeft, area.top(),
                              qMax<qreal>(0, customerRight - customerLeft), height);
    painter->setFont(m_style.customerFont);
    painter->setPen(m_style.dimText);
    painter->drawText(customerRect, Qt::AlignLeft | Qt::AlignVCenter,
                      m_measures.customer.elided(ticket.order.customerName, customerRect.width()));
    return height;
}

qreal TicketPainter::paintStations(QPainter *painter, const QRectF &area,
                                   const Ticket &ticket) const
{
    if (ticket.stations.isEmpty())
        return 0;
    // Expo's question is "what is still missing?": done stations are ticked and filled, open
    // ones stay outlined and dim, so the gap stands out.
    const qreal pad = m_style.padding;
    const QFont &font = m_style.captionFont;
    QPointF at(area.left() + pad, area.top());
    qreal bottom = area.top();
    for (const QString &station : ticket.stations) {
        const bool done = ticket.stationsDone.contains(station);
        const QString text = done ? tr("✓ %1").arg(station.toUpper()) : station.toUpper();
        QSizeF size = chipSize(text, m_measures.caption);
        size.setWidth(qMin(size.width(), area.width() - 2 * pad));
        if (at.x() > area.left() + pad && at.x() + size.width() > area.right() - pad)
            at = QPointF(area.left() + pad, bottom + chipGap / 2);
        const QRectF chip(at, size);
        if (done) {
            const QColor fill = m_style.stateColor(OrderState::Ready);
            drawChip(painter, chip, text, font, fill, textOn(fill));
        } else {
            painter->setPen(QPen(m_style.dimText, 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(chip.adjusted(0.75, 0.75, -0.75, -0.75), 6, 6);
            painter->setFont(font);
            painter->setPen(m_style.dimText);
            painter->drawText(chip, Qt::AlignCenter, text);
        }
        at.rx() += size.width() + chipGap;
        bottom = chip.bottom();
    }
    return bottom - area.top() + pad * 0.625;
}

qreal TicketPainter::paintNotes(QPainter *painter, const QRectF &area,
                                const QStringList &notes) const
{
    if (notes.isEmpty())
        return 0;
    const QString text = notes.join(QStringLiteral(" · "));
    const qreal textWidth = area.width() - 2 * chipPadding;
    const qreal textHeight = m_measures.note.wrappedHeight(text, textWidth, maxNoteLines);
    const qreal boxHeight = textHeight + 2 * chipPadding;
    const QRectF box(area.left(), area.bottom() - boxHeight, area.width(), boxHeight);

    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style.noteFill);
    painter->drawRoundedRect(box, 6, 6);
    painter->setFont(m_style.noteFont);
    painter->setPen(m_style.noteText);
    drawWrapped(painter, box.adjusted(chipPadding, chipPadding, -chipPadding, -chipPadding), text);
    return boxHeight + itemGap;
}

void TicketPainter::paintItems(QPainter *painter, const QRectF &area,
                               const QList<OrderItem> &items) const
{
    const qreal moreHeight = m_measures.more.height();
    const qreal groupHeight = m_measures.caption.height();
    // Items grouped by course, then seat, as the pass sends them out; the platform's order
    // within a group is kept.
    // (Most tickets have neither, and this runs on every repaint: sort only when there is one.)
    QList<OrderItem> grouped = items;
    const bool seated = std::any_of(items.cbegin(), items.cend(), [](const OrderItem &item) {
        return item.course > 0 || item.seat > 0;
    });
    if (seated) {
        std::stable_sort(grouped.begin(), grouped.end(),
                         [](const OrderItem &a, const OrderItem &b) {
                             return std::pair(a.course, a.seat) < std::pair(b.course, b.seat);
                         });
    }
    qreal top = area.top();
    std::optional<std::pair<int, int>> group;
    for (int i = 0; i < grouped.size(); ++i) {
        const OrderItem &item = grouped.at(i);
        const std::pair<int, int> itemGroup(item.course, item.seat);
        const bool newGroup = (item.course > 0 || item.seat > 0) && group != itemGroup;
        const qreal heading = newGroup ? groupHeight + itemGap : 0;
        const qreal height = itemHeight(item, area.width());
        const bool last = i == grouped.size() - 1;
        const qreal limit = last ? area.bottom() : area.bottom() - moreHeight;
        if (i > 0 && top + heading + height > limit) {
            // Never drop lines silently: say how many did not fit.
            painter->setFont(m_style.moreFont);
            painter->setPen(m_style.warn);
            painter->drawText(QRectF(area.left(), top, area.width(), moreHeight),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              tr("+%n more…", nullptr, int(grouped.size() - i)));
            return;
        }
        if (newGroup) {
            QStringList parts;
            if (item.course > 0)
                parts.append(tr("COURSE %1").arg(item.course));
            if (item.seat > 0)
                parts.append(tr("SEAT %1").arg(item.seat));
            painter->setFont(m_style.captionFont);
            painter->setPen(m_style.selection);
            painter->drawText(QRectF(area.left(), top, area.width(), groupHeight),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              parts.join(QStringLiteral("  ·  ")));
            top += heading;
        }
        group = itemGroup;
        painter->save();
        painter->setClipRect(QRectF(area.left() - 4, top, area.width() + 8, area.bottom() - top),
                             Qt::IntersectClip);
        paintItem(painter, QRectF(area.left(), top, area.width(), height), item);
        painter->restore();
        top += height + itemGap;
    }
}

qreal TicketPainter::itemHeight(const OrderItem &item, qreal width) const
{
    const qreal indent = m_measures.item.advance(QStringLiteral("9× "));
    const qreal textWidth = width - indent;
    qreal height = m_measures.item.wrappedHeight(item.name, textWidth, maxNameLines);
    for (const QString &modifier : item.modifiers) {
        height += lineGap
            + m_measures.modifier.wrappedHeight(QStringLiteral("– ") + modifier, textWidth,
                                                maxModifierLines);
    }
    if (!item.allergens.isEmpty())
        height += 2 * lineGap + allergenChips(item.allergens, textWidth).constLast().bottom();
    if (!item.notes.isEmpty()) {
        height += lineGap
            + m_measures.note.wrappedHeight(QStringLiteral("» ") + item.notes, textWidth,
                                            maxModifierLines);
    }
    return height;
}

void TicketPainter::paintItem(QPainter *painter, const QRectF &area, const OrderItem &item) const
{
    // Names line up after the quantity, and everything about an item indents under its name.
    const qreal indent = m_measures.item.advance(QStringLiteral("9× "));
    const qreal textWidth = area.width() - indent;
    const qreal left = area.left() + indent;

    painter->setFont(m_style.itemFont);
    painter->setPen(item.quantity > 1 ? m_style.warn : m_style.dimText);
    painter->drawText(QRectF(area.left() - 2, area.top(), indent, m_measures.item.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("%1×").arg(item.quantity));
    painter->setPen(m_style.cardText);
    const qreal nameHeight = m_measures.item.wrappedHeight(item.name, textWidth, maxNameLines);
    drawWrapped(painter, QRectF(left, area.top(), textWidth, nameHeight), item.name);
    qreal top = area.top() + nameHeight;

    painter->setFont(m_style.modifierFont);
    painter->setPen(m_style.dimText);
    for (const QString &modifier : item.modifiers) {
        const QString text = QStringLiteral("– ") + modifier;
        const qreal height = m_measures.modifier.wrappedHeight(text, textWidth, maxModifierLines);
        drawWrapped(painter, QRectF(left, top + lineGap, textWidth, height), text);
        top += lineGap + height;
    }
    if (!item.allergens.isEmpty()) {
        const QList<QRectF> chips = allergenChips(item.allergens, textWidth);
        for (int i = 0; i < chips.size(); ++i) {
            drawChip(painter, chips.at(i).translated(left, top + 2 * lineGap),
                     TicketFormat::allergen(item.allergens.at(i)), m_style.allergenFont,
                     m_style.allergenFill, m_style.allergenText);
        }
        top += 2 * lineGap + chips.constLast().bottom();
    }
    if (!item.notes.isEmpty()) {
        const QString text = QStringLiteral("» ") + item.notes;
        painter->setFont(m_style.noteFont);
        painter->setPen(m_style.noteText);
        drawWrapped(painter,
                    QRectF(left, top + lineGap, textWidth,
                           m_measures.note.wrappedHeight(text, textWidth, maxModifierLines)),
                    text);
    }
}

QList<QRectF> TicketPainter::allergenChips(const QStringList &allergens, qreal width) const
{
    // Allergens are never elided: chips flow onto as many lines as they need.
    QList<QRectF> chips;
    QPointF at(0, 0);
    for (const QString &allergen : allergens) {
        QSizeF size = chipSize(TicketFormat::allergen(allergen), m_measures.allergen);
        size.setWidth(qMin(size.width(), width));
        if (at.x() > 0 && at.x() + size.width() > width)
            at = QPointF(0, chips.constLast().bottom() + chipGap / 2);
        chips.append(QRectF(at, size));
        at.rx() += size.width() + chipGap;
    }
    return chips;
}

void TicketPainter::paintSelection(QPainter *painter, const QRectF &card) const
{
    const qreal inset = -m_style.cardMargin / 2.0;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(m_style.selection, 4));
    painter->drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), m_style.radius + 3,
                             m_style.radius + 3);
}
