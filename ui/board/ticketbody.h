// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/itemdiff.h"
#include "order/orderitem.h"
#include "shared/shapedtext.h"
#include "shared/textmeasure.h"
#include "shared/ticketwarnings.h"
#include "ticketshape.h"
#include "ticketstyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QRectF>

#include <optional>

class QPainter;

/**
 * A ticket's content as blocks that are never split: the order's notes, then each item with its
 * quantity, modifiers, allergens and note (and the course or seat heading it starts). Measures
 * them for BoardLayout and paints any run of them, so a ticket continued in the next column
 * shows each item whole in one place. Nothing is elided: text wraps onto as many lines as it
 * needs. Removals and warnings read differently from additions, and an allergen named in a note
 * gets a chip like the item's own.
 */
class TicketBody final
{
    Q_DECLARE_TR_FUNCTIONS(TicketBody)

public:
    /** What the content is marked with besides the items themselves. */
    struct Marks
    {
        // Until a cook acknowledges them, changes made elsewhere:
        bool struck = false; // cancelled: every line struck through
        QList<ItemChange> changes; // changed: lines added or edited are tagged, removed ones
                                   // follow the items, struck through
        QList<bool> done; // per item: made (item-level bump), ticked and faded in place
        bool numbered = false; // each item shows its number: a cook is picking one by key
    };

    explicit TicketBody(const TicketStyle &style = {});
    void setStyle(const TicketStyle &style);

    /** Appends the blocks of notes and items, at width, to shape. */
    void measure(const QStringList &notes, const QList<OrderItem> &items, const Marks &marks,
                 qreal width, TicketShape *shape) const;
    /** The index into items of the item block shows; none for the notes or a removed line. */
    std::optional<int> itemOfBlock(const QStringList &notes, const QList<OrderItem> &items,
                                   const Marks &marks, int block) const;
    /** The index into items of the number-th item (from 1) as painted, top to bottom. */
    std::optional<int> itemNumbered(const QList<OrderItem> &items, const Marks &marks,
                                    int number) const;
    /** Paints blocks [firstBlock, endBlock) from the top of area, one under the other. */
    void paint(QPainter *painter, const QRectF &area, const QStringList &notes,
               const QList<OrderItem> &items, const Marks &marks, int firstBlock,
               int endBlock) const;

private:
    struct Line; // one item in painting order, with the heading it starts, if any
    QList<Line> lines(const QList<OrderItem> &items, const Marks &marks) const;
    qreal notesHeight(const QStringList &notes, qreal width) const;
    void paintNotes(QPainter *painter, const QRectF &area, const QStringList &notes) const;
    qreal lineHeight(const Line &line, qreal width) const;
    qreal itemHeight(const OrderItem &item, qreal width) const;
    void paintLine(QPainter *painter, const QRectF &area, const Line &line) const;
    void paintItem(QPainter *painter, const QRectF &area, const OrderItem &item,
                   bool struck) const;
    void paintDone(QPainter *painter, const QRectF &area) const;
    void paintBadge(QPainter *painter, const QRectF &itemArea, const QColor &fill,
                    const QString &text) const;
    QStringList chipsOf(const OrderItem &item) const;
    QList<QRectF> chips(const QStringList &allergens, qreal width) const;
    qreal chipsHeight(const QStringList &allergens, qreal width) const;
    void paintChips(QPainter *painter, const QPointF &at, const QStringList &allergens,
                    qreal width) const;

    TicketWarnings::ModifierKind kindOf(const QString &modifier) const;
    QStringList allergensIn(const QString &text) const;

    TicketStyle m_style;
    TextMeasure m_item, m_modifier, m_allergen, m_note, m_heading;
    ShapedText m_shaped; // the body's lines, drawn again after every change to the ticket
    // Reading free text takes regular expressions; menus repeat the same modifiers and notes.
    mutable QHash<QString, TicketWarnings::ModifierKind> m_kinds;
    mutable QHash<QString, QStringList> m_named;
};
