// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketbody.h"

#include "shared/ticketformat.h"
#include "shared/ticketwarnings.h"
#include "ticketdrawing.h"

#include <QPainter>

#include <algorithm>
#include <tuple>

using namespace TicketDrawing;
using TicketWarnings::ModifierKind;

namespace {
constexpr qreal lineGap = 2;
// Enough for any text the order limits let in; past it a line is cut rather than let a
// malformed order take the whole board.
constexpr int maxLines = 24;

QString modifierText(const QString &modifier, ModifierKind kind)
{
    switch (kind) {
    case ModifierKind::Removal:
        return QStringLiteral("✕ ") + modifier;
    case ModifierKind::Warning:
        return QStringLiteral("⚠ ") + modifier;
    case ModifierKind::Plain:
        break;
    }
    return QStringLiteral("+ ") + modifier;
}
} // namespace

struct TicketBody::Line
{
    const OrderItem *item = nullptr;
    int index = -1; // into the items; -1 for a line taken off the order
    QString heading; // "COURSE 2 · SEAT 1" when this item starts a group
    QString tag; // "NEW", "CHANGED", "REMOVED": someone else's change, not yet acknowledged
    bool struck = false;
    bool done = false;
    int number = 0; // from 1, as painted, when the marks ask for numbers
};

TicketBody::TicketBody(const TicketStyle &style)
{
    setStyle(style);
}

void TicketBody::setStyle(const TicketStyle &style)
{
    m_style = style;
    m_item.setFont(style.itemFont);
    m_modifier.setFont(style.modifierFont);
    m_allergen.setFont(style.allergenFont);
    m_note.setFont(style.noteFont);
    m_heading.setFont(style.captionFont);
}

QList<TicketBody::Line> TicketBody::lines(const QList<OrderItem> &items, const Marks &marks) const
{
    // Items grouped by course, then seat, as the pass sends them out; the platform's order
    // within a group is kept. Most tickets have neither: sort only when one does.
    QList<Line> lines;
    lines.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        const OrderItem &item = items.at(i);
        Line line{&item, i, {}, {}, marks.struck, marks.done.value(i, false)};
        for (const ItemChange &change : marks.changes) {
            if (change.kind != ItemChange::Kind::Removed && change.after == item)
                line.tag = change.kind == ItemChange::Kind::Added ? tr("NEW") : tr("CHANGED");
        }
        lines.append(line);
    }
    // What was taken away stays in sight, struck through, after what is left.
    for (const ItemChange &change : marks.changes) {
        if (change.kind == ItemChange::Kind::Removed)
            lines.append(Line{&change.before, -1, {}, tr("REMOVED"), true, false});
    }
    const bool seated = std::any_of(items.cbegin(), items.cend(), [](const OrderItem &item) {
        return item.course > 0 || item.seat > 0;
    });
    const auto numbered = [&marks](QList<Line> lines) {
        int number = 0;
        for (Line &line : lines) {
            if (marks.numbered && line.index >= 0)
                line.number = ++number;
        }
        return lines;
    };
    if (!seated)
        return numbered(lines);
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return std::tuple(a.item->course, a.item->seat, a.tag == tr("REMOVED"))
            < std::tuple(b.item->course, b.item->seat, b.tag == tr("REMOVED"));
    });
    std::optional<std::pair<int, int>> group;
    for (Line &line : lines) {
        const std::pair<int, int> lineGroup(line.item->course, line.item->seat);
        if ((lineGroup.first > 0 || lineGroup.second > 0) && group != lineGroup) {
            QStringList parts;
            if (lineGroup.first > 0)
                parts.append(tr("COURSE %1").arg(lineGroup.first));
            if (lineGroup.second > 0)
                parts.append(tr("SEAT %1").arg(lineGroup.second));
            line.heading = parts.join(QStringLiteral("  ·  "));
        }
        group = lineGroup;
    }
    return numbered(lines);
}

void TicketBody::measure(const QStringList &notes, const QList<OrderItem> &items,
                         const Marks &marks, qreal width, TicketShape *shape) const
{
    if (!notes.isEmpty())
        shape->blocks.append(notesHeight(notes, width) + m_style.itemGap);
    for (const Line &line : lines(items, marks))
        shape->blocks.append(lineHeight(line, width) + m_style.itemGap);
}

std::optional<int> TicketBody::itemOfBlock(const QStringList &notes,
                                           const QList<OrderItem> &items, const Marks &marks,
                                           int block) const
{
    const int line = notes.isEmpty() ? block : block - 1;
    const QList<Line> all = lines(items, marks);
    if (line < 0 || line >= all.size() || all.at(line).index < 0)
        return std::nullopt;
    return all.at(line).index;
}

std::optional<int> TicketBody::itemNumbered(const QList<OrderItem> &items, const Marks &marks,
                                            int number) const
{
    int count = 0;
    for (const Line &line : lines(items, marks)) {
        if (line.index >= 0 && ++count == number)
            return line.index;
    }
    return std::nullopt;
}

void TicketBody::paint(QPainter *painter, const QRectF &area, const QStringList &notes,
                       const QList<OrderItem> &items, const Marks &marks, int firstBlock,
                       int endBlock) const
{
    qreal top = area.top();
    int block = 0;
    if (!notes.isEmpty()) {
        const qreal height = notesHeight(notes, area.width());
        if (block >= firstBlock && block < endBlock) {
            paintNotes(painter, QRectF(area.left(), top, area.width(), height), notes);
            top += height + m_style.itemGap;
        }
        ++block;
    }
    const QList<Line> all = lines(items, marks);
    for (const Line &line : all) {
        if (block >= endBlock)
            break;
        if (block++ < firstBlock)
            continue;
        const qreal height = lineHeight(line, area.width());
        paintLine(painter, QRectF(area.left(), top, area.width(), height), line);
        top += height + m_style.itemGap;
    }
}

qreal TicketBody::notesHeight(const QStringList &notes, qreal width) const
{
    const QString text = notes.join(QStringLiteral(" · "));
    const qreal inner = width - 2 * chipPadding;
    const QStringList named = allergensIn(text);
    const qreal chipRows = named.isEmpty() ? 0 : lineGap * 2 + chipsHeight(named, inner);
    return m_note.wrappedHeight(text, inner, maxLines) + chipRows + 2 * chipPadding;
}

void TicketBody::paintNotes(QPainter *painter, const QRectF &box, const QStringList &notes) const
{
    const QString text = notes.join(QStringLiteral(" · "));
    const QRectF inner = box.adjusted(chipPadding, chipPadding, -chipPadding, -chipPadding);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style.noteFill);
    painter->drawRoundedRect(box, 6, 6);
    painter->setFont(m_style.noteFont);
    painter->setPen(m_style.noteText);
    const qreal textHeight = m_note.wrappedHeight(text, inner.width(), maxLines);
    drawWrapped(painter, QRectF(inner.topLeft(), QSizeF(inner.width(), textHeight)), text,
                m_shaped);
    const QStringList named = allergensIn(text);
    if (!named.isEmpty())
        paintChips(painter, inner.topLeft() + QPointF(0, textHeight + 2 * lineGap), named,
                   inner.width());
}

qreal TicketBody::lineHeight(const Line &line, qreal width) const
{
    const qreal heading = line.heading.isEmpty() ? 0 : m_heading.height() + m_style.itemGap;
    const qreal tag = line.tag.isEmpty() ? 0 : m_heading.height() + 2;
    return heading + tag + itemHeight(*line.item, width);
}

qreal TicketBody::itemHeight(const OrderItem &item, qreal width) const
{
    const qreal indent = m_item.advance(QStringLiteral("9× "));
    const qreal textWidth = width - indent;
    qreal height = m_item.wrappedHeight(item.name, textWidth, maxLines);
    for (const QString &modifier : item.modifiers) {
        const ModifierKind kind = kindOf(modifier);
        const qreal boxed = kind == ModifierKind::Warning ? 2 * lineGap : 0;
        height += lineGap + boxed
            + m_modifier.wrappedHeight(modifierText(modifier, kind), textWidth - boxed * 2,
                                       maxLines);
    }
    const QStringList allergens = chipsOf(item);
    if (!allergens.isEmpty())
        height += 2 * lineGap + chipsHeight(allergens, textWidth);
    if (!item.notes.isEmpty())
        height += lineGap + m_note.wrappedHeight(QStringLiteral("» ") + item.notes, textWidth,
                                                 maxLines);
    return height;
}

void TicketBody::paintLine(QPainter *painter, const QRectF &area, const Line &line) const
{
    qreal top = area.top();
    if (!line.heading.isEmpty()) {
        painter->setFont(m_style.captionFont);
        painter->setPen(m_style.selection);
        m_shaped.draw(painter, QRectF(area.left(), top, area.width(), m_heading.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, line.heading);
        top += m_heading.height() + m_style.itemGap;
    }
    if (!line.tag.isEmpty()) {
        // A tag above the line, and a bar down its side: what to look at again.
        const QColor mark = line.struck ? m_style.dimText : m_style.warn;
        painter->fillRect(QRectF(area.left() - m_style.padding / 2.0, top, 4, area.bottom() - top),
                          mark);
        painter->setFont(m_style.captionFont);
        painter->setPen(mark);
        m_shaped.draw(painter, QRectF(area.left(), top, area.width(), m_heading.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, line.tag);
        top += m_heading.height() + 2;
    }
    const QRectF itemArea(area.left(), top, area.width(), area.bottom() - top);
    paintItem(painter, itemArea, *line.item, line.struck || line.done);
    if (line.done && !line.struck)
        paintDone(painter, area);
    // Numbered for the item key: the number takes the tick's place.
    if (line.number > 0)
        paintBadge(painter, itemArea, m_style.selection, QString::number(line.number));
    else if (line.done && !line.struck)
        paintBadge(painter, itemArea, m_style.stateColor(OrderState::Ready), QStringLiteral("✓"));
}

void TicketBody::paintDone(QPainter *painter, const QRectF &area) const
{
    // Made: the line stays where it was (nothing else on the ticket moves under a cook's finger),
    // faded under the card's colour, with a tick in the colour of a ready ticket.
    QColor veil = m_style.card;
    veil.setAlphaF(0.6);
    painter->fillRect(area.adjusted(-2, 0, 2, 0), veil);
}

void TicketBody::paintBadge(QPainter *painter, const QRectF &itemArea, const QColor &fill,
                            const QString &text) const
{
    // At the right of the name's first line, where a name rarely reaches.
    const qreal size = m_item.height();
    const QRectF badge(itemArea.right() - size, itemArea.top(), size, size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawEllipse(badge.adjusted(1, 1, -1, -1));
    QFont font = m_style.itemFont;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(TicketStyle::readableOn(fill));
    m_shaped.draw(painter, badge, Qt::AlignCenter, text);
}

void TicketBody::paintItem(QPainter *painter, const QRectF &area, const OrderItem &item,
                           bool struck) const
{
    // Names line up after the quantity, and everything about an item indents under its name.
    const qreal indent = m_item.advance(QStringLiteral("9× "));
    const qreal textWidth = area.width() - indent;
    const qreal left = area.left() + indent;

    // Struck through: cancelled, or taken off the order. Everything about the line, not only
    // its name, so nobody cooks from a modifier left standing.
    const auto struckFont = [struck](QFont font) {
        font.setStrikeOut(struck);
        return font;
    };
    painter->setFont(struckFont(m_style.itemFont));
    painter->setPen(item.quantity > 1 ? m_style.warn : m_style.dimText);
    m_shaped.draw(painter, QRectF(area.left() - 2, area.top(), indent, m_item.height()),
                  Qt::AlignLeft | Qt::AlignVCenter, tr("%1×").arg(item.quantity));
    painter->setPen(m_style.cardText);
    const qreal nameHeight = m_item.wrappedHeight(item.name, textWidth, maxLines);
    drawWrapped(painter, QRectF(left, area.top(), textWidth, nameHeight), item.name, m_shaped);
    qreal top = area.top() + nameHeight;

    for (const QString &modifier : item.modifiers) {
        const ModifierKind kind = kindOf(modifier);
        const QString text = modifierText(modifier, kind);
        QFont font = struckFont(m_style.modifierFont);
        if (kind == ModifierKind::Warning) {
            // A safety matter reads like an allergen chip: white on the allergen red.
            const qreal inset = 2 * lineGap;
            const qreal height = m_modifier.wrappedHeight(text, textWidth - 2 * inset, maxLines);
            const QRectF box(left, top + lineGap, textWidth, height + inset);
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_style.allergenFill);
            painter->drawRoundedRect(box, 4, 4);
            font.setBold(true);
            painter->setFont(font);
            painter->setPen(m_style.allergenText);
            drawWrapped(painter,
                        QRectF(left + inset, top + lineGap + inset / 2, textWidth - 2 * inset,
                               height),
                        text, m_shaped);
            top += lineGap + height + inset;
            continue;
        }
        // A removal is what a cook most easily gets wrong: bold, in the warning colour.
        font.setBold(kind == ModifierKind::Removal || font.bold());
        painter->setFont(font);
        painter->setPen(kind == ModifierKind::Removal ? m_style.warn : m_style.dimText);
        const qreal height = m_modifier.wrappedHeight(text, textWidth, maxLines);
        drawWrapped(painter, QRectF(left, top + lineGap, textWidth, height), text, m_shaped);
        top += lineGap + height;
    }
    const QStringList allergens = chipsOf(item);
    if (!allergens.isEmpty()) {
        paintChips(painter, QPointF(left, top + 2 * lineGap), allergens, textWidth);
        top += 2 * lineGap + chipsHeight(allergens, textWidth);
    }
    if (!item.notes.isEmpty()) {
        const QString text = QStringLiteral("» ") + item.notes;
        painter->setFont(struckFont(m_style.noteFont));
        painter->setPen(m_style.noteText);
        drawWrapped(painter,
                    QRectF(left, top + lineGap, textWidth,
                           m_note.wrappedHeight(text, textWidth, maxLines)),
                    text, m_shaped);
    }
}

ModifierKind TicketBody::kindOf(const QString &modifier) const
{
    if (m_kinds.size() > 4096)
        m_kinds.clear();
    const auto kept = m_kinds.constFind(modifier);
    if (kept != m_kinds.cend())
        return *kept;
    return *m_kinds.insert(modifier, TicketWarnings::kindOf(modifier));
}

QStringList TicketBody::allergensIn(const QString &text) const
{
    if (text.isEmpty())
        return {};
    if (m_named.size() > 4096)
        m_named.clear();
    const auto kept = m_named.constFind(text);
    if (kept != m_named.cend())
        return *kept;
    return *m_named.insert(text, TicketWarnings::allergensIn(text));
}

QStringList TicketBody::chipsOf(const OrderItem &item) const
{
    // The item's allergens, and any its note names that the platform did not list.
    QStringList allergens = item.allergens;
    for (const QString &named : allergensIn(item.notes)) {
        if (!allergens.contains(named, Qt::CaseInsensitive))
            allergens.append(named);
    }
    return allergens;
}

QList<QRectF> TicketBody::chips(const QStringList &allergens, qreal width) const
{
    // Allergens are never elided: chips flow onto as many lines as they need.
    QList<QRectF> chips;
    QPointF at(0, 0);
    for (const QString &allergen : allergens) {
        QSizeF size = chipSize(TicketFormat::allergen(allergen), m_allergen);
        size.setWidth(qMin(size.width(), width));
        if (at.x() > 0 && at.x() + size.width() > width)
            at = QPointF(0, chips.constLast().bottom() + chipGap / 2);
        chips.append(QRectF(at, size));
        at.rx() += size.width() + chipGap;
    }
    return chips;
}

qreal TicketBody::chipsHeight(const QStringList &allergens, qreal width) const
{
    return chips(allergens, width).constLast().bottom();
}

void TicketBody::paintChips(QPainter *painter, const QPointF &at, const QStringList &allergens,
                            qreal width) const
{
    const QList<QRectF> placed = chips(allergens, width);
    for (int i = 0; i < placed.size(); ++i) {
        drawChip(painter, placed.at(i).translated(at), TicketFormat::allergen(allergens.at(i)),
                 m_style.allergenFont, m_style.allergenFill, m_style.allergenText, &m_shaped);
    }
}
