// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderlimits.h"

#include "orderevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace {
// Control and format characters (bidi overrides, zero-width marks) and line separators make ids
// that print as something else in logs and on screens.
bool printable(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

// Walks at most maxDepth levels: a deeper value is reported, never recursed into further.
bool withinDepth(const QJsonValue &value, int levelsLeft)
{
    if (!value.isObject() && !value.isArray())
        return true;
    if (levelsLeft <= 0)
        return false;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::all_of(object.begin(), object.end(), [levelsLeft](const QJsonValue &child) {
            return withinDepth(child, levelsLeft - 1);
        });
    }
    const QJsonArray array = value.toArray();
    return std::all_of(array.begin(), array.end(), [levelsLeft](const QJsonValue &child) {
        return withinDepth(child, levelsLeft - 1);
    });
}

// toDouble() is exact up to 2^53 - 1, and every integer beyond it becomes a double beyond it.
bool safeNumbers(const QJsonValue &value)
{
    if (value.isDouble())
        return std::abs(value.toDouble()) <= double(OrderLimits::maxSafeInteger);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::all_of(object.begin(), object.end(), safeNumbers);
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(), safeNumbers);
    }
    return true;
}
} // namespace

namespace OrderLimits {

QString idProblem(const QString &what, const QString &id)
{
    if (id.isEmpty() || id.size() > maxIdLength || !id.isValidUtf16()
        || !std::all_of(id.cbegin(), id.cend(), printable))
        return QStringLiteral("%1 must be 1 to %2 printable characters").arg(what).arg(maxIdLength);
    return {};
}

QString textProblem(const QString &what, const QString &text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return QStringLiteral("%1 is %2 characters long; the limit is %3")
            .arg(what)
            .arg(text.size())
            .arg(maxLength);
    return {};
}

QString listProblem(const QString &what, const QStringList &texts, qsizetype maxLength,
                    qsizetype maxCount)
{
    if (maxCount > 0 && texts.size() > maxCount)
        return QStringLiteral("%1 has %2 entries; the limit is %3")
            .arg(what)
            .arg(texts.size())
            .arg(maxCount);
    for (const QString &text : texts) {
        if (const QString why = textProblem(what + QLatin1String(" entry"), text, maxLength);
            !why.isEmpty())
            return why;
    }
    return {};
}

QString depthProblem(const QString &what, const QJsonObject &json, int maxDepth)
{
    if (!withinDepth(json, maxDepth))
        return QStringLiteral("%1 is nested deeper than %2 levels").arg(what).arg(maxDepth);
    return {};
}

QString textDepthProblem(const QByteArray &json, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return QStringLiteral("nested deeper than %1 levels").arg(maxDepth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return {};
}

QString numberProblem(const QString &what, const QJsonObject &json)
{
    if (!safeNumbers(json))
        return QStringLiteral("%1 holds a number beyond ±(2^53-1), which JSON readers would round")
            .arg(what);
    return {};
}

namespace {
// Compact JSON writes a UTF-16 unit as at most 6 bytes (\u001f), a number in at most 32.
constexpr qsizetype maxBytesPerChar = 6;
constexpr qsizetype maxNumberBytes = 32;

qsizetype stringBound(const QString &text)
{
    return 2 + maxBytesPerChar * text.size();
}

/** At least as many bytes as the value's compact JSON takes, found without writing it. */
qsizetype sizeBound(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return stringBound(value.toString());
    case QJsonValue::Array: {
        qsizetype bound = 2;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            bound += sizeBound(element) + 1;
        return bound;
    }
    case QJsonValue::Object: {
        qsizetype bound = 2;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            bound += stringBound(it.key()) + 1 + sizeBound(it.value()) + 1;
        return bound;
    }
    case QJsonValue::Double:
        return maxNumberBytes;
    default:
        return 5; // null, true, false
    }
}

/** At least the event's encoded size: its free-form parts bounded, the rest a generous constant. */
qsizetype encodedSizeBound(const OrderEvent &event)
{
    // Field names, punctuation, the UUID, the kind, the states, the role and the time.
    constexpr qsizetype fixedParts = 512;
    return fixedParts + stringBound(event.storeId) + stringBound(event.orderId)
            + stringBound(event.actor.id) + stringBound(event.origin) + stringBound(event.reason)
            + sizeBound(event.payload);
}
} // namespace

qsizetype encodedSize(const OrderEvent &event)
{
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact).size();
}

QString eventProblem(const OrderEvent &event)
{
    const auto first = [](std::initializer_list<QString> problems) {
        for (const QString &problem : problems) {
            if (!problem.isEmpty())
                return problem;
        }
        return QString();
    };
    QString why = first({
        idProblem(QStringLiteral("event: store_id"), event.storeId),
        event.orderId.isEmpty() ? QString()
                                : idProblem(QStringLiteral("event: order_id"), event.orderId),
        idProblem(QStringLiteral("event: origin"), event.origin),
        event.actor.id.isEmpty()
            ? QString()
            : idProblem(QStringLiteral("event: the actor's id"), event.actor.id),
        textProblem(QStringLiteral("event: reason"), event.reason, maxTextLength),
        // The event object is level 1, its payload level 2.
        withinDepth(event.payload, maxEventDepth - 1)
            ? QString()
            : QStringLiteral("event is nested deeper than %1 levels").arg(maxEventDepth),
        numberProblem(QStringLiteral("event: payload"), event.payload),
    });
    if (!why.isEmpty())
        return why;
    // Last, and only when a cheap bound cannot rule it out: it serialises the event. Every
    // command and every event read would otherwise encode it once more just to measure it.
    if (encodedSizeBound(event) <= maxEventBytes)
        return {};
    if (const qsizetype size = encodedSize(event); size > maxEventBytes)
        return QStringLiteral("event is %1 bytes encoded; the limit is %2 bytes (64 KiB)")
            .arg(size)
            .arg(maxEventBytes);
    return {};
}

} // namespace OrderLimits
