// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderitem.h"

#include "jsonfields.h"
#include "orderlimits.h"

#include <QJsonArray>

namespace {
constexpr int maxQuantity = 999;
}

QJsonObject OrderItem::toJson() const
{
    QJsonObject json{
            {QStringLiteral("name"), name},
            {QStringLiteral("quantity"), quantity},
    };
    if (!modifiers.isEmpty())
        json.insert(QStringLiteral("modifiers"), QJsonArray::fromStringList(modifiers));
    if (!allergens.isEmpty())
        json.insert(QStringLiteral("allergens"), QJsonArray::fromStringList(allergens));
    if (!notes.isEmpty())
        json.insert(QStringLiteral("notes"), notes);
    if (!station.isEmpty())
        json.insert(QStringLiteral("station"), station);
    if (seat != 0)
        json.insert(QStringLiteral("seat"), seat);
    if (course != 0)
        json.insert(QStringLiteral("course"), course);
    return json;
}

Result<OrderItem> OrderItem::fromJson(const QJsonObject &json)
{
    JsonFields fields(json, QStringLiteral("item"));
    OrderItem item;
    item.name = fields.requiredString(QStringLiteral("name"));
    item.quantity = fields.optionalInt(QStringLiteral("quantity"), 1);
    item.modifiers = fields.optionalStringList(QStringLiteral("modifiers"));
    item.allergens = fields.optionalStringList(QStringLiteral("allergens"));
    item.notes = fields.optionalString(QStringLiteral("notes"));
    item.station = fields.optionalString(QStringLiteral("station"));
    item.seat = fields.optionalInt(QStringLiteral("seat"), 0);
    item.course = fields.optionalInt(QStringLiteral("course"), 0);
    if (fields.ok() && item.name.trimmed().isEmpty())
        fields.fail(QStringLiteral("item name is empty"));
    if (fields.ok() && (item.quantity < 1 || item.quantity > maxQuantity))
        fields.fail(QStringLiteral("item \"%1\" has quantity %2 (allowed 1 to %3)")
                            .arg(item.name)
                            .arg(item.quantity)
                            .arg(maxQuantity));
    using namespace OrderLimits;
    for (const QString &problem :
         {textProblem(QStringLiteral("item: name"), item.name, maxNameLength),
          listProblem(QStringLiteral("item: modifiers"), item.modifiers, maxNameLength,
                      maxTagsPerItem),
          listProblem(QStringLiteral("item: allergens"), item.allergens, maxNameLength,
                      maxTagsPerItem),
          textProblem(QStringLiteral("item: notes"), item.notes, maxTextLength),
          textProblem(QStringLiteral("item: station"), item.station, maxLabelLength)}) {
        if (fields.ok() && !problem.isEmpty())
            fields.fail(problem);
    }
    if (!fields.ok())
        return Failure {fields.error()};
    return item;
}
