// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemdiff.h"

#include <optional>

namespace {
bool sameLine(const OrderItem &a, const OrderItem &b)
{
    return a.name == b.name && a.seat == b.seat && a.course == b.course;
}

// Station is deliberately left out: a line moved between stations is not a change to the food.
bool sameFood(const OrderItem &a, const OrderItem &b)
{
    return sameLine(a, b) && a.quantity == b.quantity && a.modifiers == b.modifiers
            && a.allergens == b.allergens && a.notes == b.notes;
}

// How alike two lines with the same key are; modifiers weigh most because they tell lines apart.
int likeness(const OrderItem &a, const OrderItem &b)
{
    return (a.modifiers == b.modifiers ? 8 : 0) + (a.notes == b.notes ? 4 : 0)
            + (a.allergens == b.allergens ? 2 : 0) + (a.quantity == b.quantity ? 1 : 0);
}

QString listOrNone(const QStringList &list)
{
    return list.isEmpty() ? ItemChange::tr("none") : list.join(QStringLiteral(", "));
}

QString noteOrNone(const QString &note)
{
    return note.isEmpty() ? ItemChange::tr("none") : QLatin1Char('"') + note + QLatin1Char('"');
}

void appendEdits(QList<ItemChange> &changes, const OrderItem &before, const OrderItem &after)
{
    const auto add = [&](ItemChange::Kind kind) { changes.append({kind, before, after}); };
    if (before.quantity != after.quantity)
        add(ItemChange::Kind::QuantityChanged);
    if (before.modifiers != after.modifiers)
        add(ItemChange::Kind::ModifiersChanged);
    if (before.allergens != after.allergens)
        add(ItemChange::Kind::AllergensChanged);
    if (before.notes != after.notes)
        add(ItemChange::Kind::NotesChanged);
}
} // namespace

QString ItemChange::label(const OrderItem &item)
{
    if (item.seat > 0 && item.course > 0)
        return tr("%1 (seat %2, course %3)").arg(item.name).arg(item.seat).arg(item.course);
    if (item.seat > 0)
        return tr("%1 (seat %2)").arg(item.name).arg(item.seat);
    if (item.course > 0)
        return tr("%1 (course %2)").arg(item.name).arg(item.course);
    return item.name;
}

QString ItemChange::describe(const OrderItem &item)
{
    QString text = tr("%1× %2").arg(item.quantity).arg(label(item));
    QStringList extras;
    if (!item.modifiers.isEmpty())
        extras.append(item.modifiers.join(QStringLiteral(", ")));
    if (!item.allergens.isEmpty())
        extras.append(tr("allergens: %1").arg(item.allergens.join(QStringLiteral(", "))));
    if (!item.notes.isEmpty())
        extras.append(tr("note: \"%1\"").arg(item.notes));
    if (!extras.isEmpty())
        text += QStringLiteral(": ") + extras.join(QStringLiteral("; "));
    return text;
}

QString ItemChange::text() const
{
    switch (kind) {
    case Kind::Added:
        return tr("Added %1").arg(describe(after));
    case Kind::Removed:
        return tr("Removed %1").arg(describe(before));
    case Kind::QuantityChanged:
        return tr("%1: quantity %2 → %3").arg(label(after)).arg(before.quantity).arg(after.quantity);
    case Kind::ModifiersChanged:
        return tr("%1: now %2 (was %3)")
                .arg(label(after), listOrNone(after.modifiers), listOrNone(before.modifiers));
    case Kind::AllergensChanged:
        return tr("%1: allergens now %2 (were %3)")
                .arg(label(after), listOrNone(after.allergens), listOrNone(before.allergens));
    case Kind::NotesChanged:
        return tr("%1: note now %2 (was %3)")
                .arg(label(after), noteOrNone(after.notes), noteOrNone(before.notes));
    }
    return {};
}

QList<ItemChange> ItemDiff::between(const QList<OrderItem> &before, const QList<OrderItem> &after)
{
    // partner[i]: the index in before that after[i] continues, if any.
    QList<std::optional<qsizetype>> partner(after.size());
    QList<bool> taken(before.size(), false);
    // Identical lines first, so duplicates of a dish pair with their twins.
    for (qsizetype i = 0; i < after.size(); ++i) {
        for (qsizetype j = 0; j < before.size(); ++j) {
            if (!taken.at(j) && sameFood(before.at(j), after.at(i))) {
                partner[i] = j;
                taken[j] = true;
                break;
            }
        }
    }
    // Then each remaining line takes the most alike unpaired line with the same key.
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (partner.at(i))
            continue;
        std::optional<qsizetype> best;
        for (qsizetype j = 0; j < before.size(); ++j) {
            if (taken.at(j) || !sameLine(before.at(j), after.at(i)))
                continue;
            if (!best || likeness(before.at(j), after.at(i)) > likeness(before.at(*best), after.at(i)))
                best = j;
        }
        if (best) {
            partner[i] = best;
            taken[*best] = true;
        }
    }

    QList<ItemChange> changes;
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (partner.at(i))
            appendEdits(changes, before.at(*partner.at(i)), after.at(i));
        else
            changes.append({ItemChange::Kind::Added, {}, after.at(i)});
    }
    for (qsizetype j = 0; j < before.size(); ++j) {
        if (!taken.at(j))
            changes.append({ItemChange::Kind::Removed, before.at(j), {}});
    }
    return changes;
}

QStringList ItemDiff::lines(const QList<ItemChange> &changes)
{
    QStringList texts;
    texts.reserve(changes.size());
    for (const ItemChange &change : changes)
        texts.append(change.text());
    return texts;
}
