// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderitem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/** One change to one line of a ticket, worded for a cook. */
class ItemChange final
{
    Q_DECLARE_TR_FUNCTIONS(ItemChange)

public:
    enum class Kind {
        Added,
        Removed,
        QuantityChanged,
        ModifiersChanged,
        AllergensChanged,
        NotesChanged,
    };

    Kind kind = Kind::Added;
    OrderItem before; // the line as it was; unused for Added
    OrderItem after; // the line as it is now; unused for Removed

    /** "Added 2× Cheeseburger (seat 2): no onions", "Fries: quantity 2 → 3", … */
    QString text() const;

    /** An item on one line: "2× Cheeseburger (seat 2, course 1): no onions; allergens: gluten". */
    static QString describe(const OrderItem &item);
    /** The name with its seat and course, which is what identifies a line to a cook. */
    static QString label(const OrderItem &item);

    friend bool operator==(const ItemChange &a, const ItemChange &b)
    {
        return a.kind == b.kind && a.before == b.before && a.after == b.after;
    }
    friend bool operator!=(const ItemChange &a, const ItemChange &b) { return !(a == b); }
};

/**
 * What changed between two versions of an order's items, line by line. Lines are matched by name,
 * seat and course; among several lines with the same key, identical lines pair first, then the
 * most alike, so "one more plain burger" is not read as every burger changing. The station is
 * routing, not cooking, and is not reported.
 */
class ItemDiff final
{
public:
    /** The changes that turn before into after: additions and edits in after's order, then removals. */
    static QList<ItemChange> between(const QList<OrderItem> &before, const QList<OrderItem> &after);
    /** The changes' texts, one line each. */
    static QStringList lines(const QList<ItemChange> &changes);
};
