// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfields.h"

#include "orderlimits.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <limits>

bool JsonFields::has(const QString &key) const
{
    const QJsonValue value = m_json.value(key);
    return !value.isUndefined() && !value.isNull();
}

void JsonFields::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void JsonFields::wrongType(const QString &key, const char *expected)
{
    fail(QStringLiteral("%1: field \"%2\" must be %3").arg(m_what, key, QLatin1String(expected)));
}

QString JsonFields::requiredString(const QString &key)
{
    if (!has(key)) {
        fail(QStringLiteral("%1: field \"%2\" is missing").arg(m_what, key));
        return {};
    }
    return optionalString(key);
}

QString JsonFields::optionalString(const QString &key)
{
    if (!has(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isString()) {
        wrongType(key, "a string");
        return {};
    }
    return value.toString();
}

qint64 JsonFields::requiredInt64(const QString &key)
{
    if (!has(key)) {
        fail(QStringLiteral("%1: field \"%2\" is missing").arg(m_what, key));
        return 0;
    }
    return optionalInt64(key, 0);
}

qint64 JsonFields::optionalInt64(const QString &key, qint64 fallback)
{
    if (!has(key))
        return fallback;
    const QJsonValue value = m_json.value(key);
    // toInteger() is exact: Qt keeps integer literals as 64-bit integers, so 2^53 + 1 is not
    // mistaken for 2^53 as a comparison of doubles would. Fractions and 1e300 give the fallback.
    constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();
    const qint64 number = value.toInteger(notAnInteger);
    if (!value.isDouble() || number == notAnInteger) {
        wrongType(key, "an integer");
        return fallback;
    }
    if (number > OrderLimits::maxSafeInteger || number < -OrderLimits::maxSafeInteger) {
        fail(QStringLiteral("%1: field \"%2\" is beyond ±(2^53-1), which JSON readers would round")
                 .arg(m_what, key));
        return fallback;
    }
    return number;
}

int JsonFields::optionalInt(const QString &key, int fallback)
{
    const qint64 value = optionalInt64(key, fallback);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        wrongType(key, "a small integer");
        return fallback;
    }
    return static_cast<int>(value);
}

QStringList JsonFields::optionalStringList(const QString &key)
{
    if (!has(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isArray()) {
        wrongType(key, "a list of strings");
        return {};
    }
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array) {
        if (!element.isString()) {
            wrongType(key, "a list of strings");
            return {};
        }
        result.append(element.toString());
    }
    return result;
}

QList<int> JsonFields::optionalIndexList(const QString &key, qsizetype size)
{
    if (!has(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isArray()) {
        wrongType(key, "a list of indexes");
        return {};
    }
    QList<int> result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array) {
        const qint64 index = element.toInteger(-1);
        if (!element.isDouble() || index < 0 || index >= size || result.contains(int(index))) {
            fail(QStringLiteral("%1: field \"%2\" must list distinct indexes from 0 to %3")
                         .arg(m_what, key)
                         .arg(size - 1));
            return {};
        }
        result.append(int(index));
    }
    std::sort(result.begin(), result.end());
    return result;
}

QJsonObject JsonFields::optionalObject(const QString &key)
{
    if (!has(key))
        return {};
    const QJsonValue value = m_json.value(key);
    if (!value.isObject()) {
        wrongType(key, "an object");
        return {};
    }
    return value.toObject();
}
