// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/**
 * What in a ticket's free text a cook must not miss: a modifier that takes something away or warns
 * ("no onions", "nut allergy") reads differently from one that adds, and an allergen named in a
 * note is flagged like the item's own allergens. English and Spanish words, as the board speaks
 * both.
 */
namespace TicketWarnings {
enum class ModifierKind {
    Plain, // "well done", "extra cheese": made as asked
    Removal, // "no onions", "sin cebolla": something left out
    Warning, // "nut allergy", or any allergen named: a safety matter
};

ModifierKind kindOf(const QString &modifier);
/** The allergens text names, lower case, each once, in the order they first appear. */
QStringList allergensIn(const QString &text);
} // namespace TicketWarnings
