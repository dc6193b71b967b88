// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** One line of a ticket: what to make, how many, and where. */
struct OrderItem
{
    QString name;
    int quantity = 1;
    QStringList modifiers; // "no onions", "extra cheese"
    QStringList allergens; // "gluten", "peanut"
    QString notes;
    QString station; // "grill", "fry", "cold", "bar" or what the store defines
    int seat = 0; // 0: not seated
    int course = 0; // 0: no course

    QJsonObject toJson() const;
    /** Parses and validates. */
    static Result<OrderItem> fromJson(const QJsonObject &json);

    friend bool operator==(const OrderItem &a, const OrderItem &b)
    {
        return a.name == b.name && a.quantity == b.quantity && a.modifiers == b.modifiers
                && a.allergens == b.allergens && a.notes == b.notes && a.station == b.station
                && a.seat == b.seat && a.course == b.course;
    }
    friend bool operator!=(const OrderItem &a, const OrderItem &b) { return !(a == b); }
};
