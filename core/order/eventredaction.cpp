// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventredaction.h"

#include "common/cardredaction.h"

#include <QJsonArray>

namespace {
bool isId(const QString &key)
{
    return key == QLatin1String("id") || key.endsWith(QLatin1String("_id"));
}

QJsonValue redactedText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return CardRedaction::redact(value.toString());
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = redactedText(array.at(i));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isId(it.key()))
                it.value() = redactedText(it.value());
        }
        return object;
    }
    default:
        return value;
    }
}
} // namespace

namespace EventRedaction {
OrderEvent redacted(OrderEvent event)
{
    event.reason = CardRedaction::redact(event.reason);
    event.payload = redactedText(event.payload).toObject();
    return event;
}
} // namespace EventRedaction
