// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketwarnings.h"

#include <QRegularExpression>

namespace TicketWarnings {
namespace {
// The major allergens of EU and US labelling law, with the words kitchens write for them.
const QRegularExpression &allergenWords()
{
    static const QRegularExpression words(
        QStringLiteral("\\b(gluten|wheat|peanuts?|tree ?nuts?|nuts?|almonds?|walnuts?|cashews?|"
                       "pecans?|hazelnuts?|pistachios?|milk|dairy|lactose|eggs?|fish|shellfish|"
                       "shrimps?|prawns?|crabs?|lobsters?|molluscs?|mollusks?|soy|soya|sesame|"
                       "mustard|celery|lupin|sulphites?|sulfites?|trigo|cacahuetes?|man[ií]|"
                       "frutos secos|nuez|nueces|almendras?|leche|l[aá]cteos?|lactosa|huevos?|"
                       "pescado|mariscos?|soja|s[eé]samo|mostaza|apio|altramuz|sulfitos?)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return words;
}

const QRegularExpression &warningWords()
{
    static const QRegularExpression words(
        QStringLiteral("\\b(allerg\\w*|al[eé]rg\\w*|anaphyla\\w*|celiac|coeliac|cel[ií]ac\\w*|"
                       "epipen)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return words;
}

const QRegularExpression &removalWords()
{
    static const QRegularExpression words(
        QStringLiteral("^\\s*(no|without|hold|remove|minus|nothing|sin|quitar|quita)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return words;
}
} // namespace

ModifierKind kindOf(const QString &modifier)
{
    // A removal that names an allergen ("no peanuts") is still a safety matter: warn.
    if (warningWords().match(modifier).hasMatch() || allergenWords().match(modifier).hasMatch())
        return ModifierKind::Warning;
    if (removalWords().match(modifier).hasMatch())
        return ModifierKind::Removal;
    return ModifierKind::Plain;
}

QStringList allergensIn(const QString &text)
{
    QStringList found;
    QRegularExpressionMatchIterator matches = allergenWords().globalMatch(text);
    while (matches.hasNext()) {
        const QString word = matches.next().captured(1).toLower();
        if (!found.contains(word))
            found.append(word);
    }
    return found;
}
} // namespace TicketWarnings
