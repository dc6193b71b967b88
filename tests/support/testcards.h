// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The networks' published test card numbers, read from tests/data/hostile/card-numbers.json: the
// one place a tracked file holds a card-like number (the house rule's check reads every other).

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace TestCards {

/** The test number called name ("visa", "visa_spaced", "mastercard"…); empty if unknown. */
inline QString number(const char *name)
{
    QFile file(qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/hostile/card-numbers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String(name)).toString();
}

} // namespace TestCards
