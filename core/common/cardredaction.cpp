// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cardredaction.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace {
constexpr int minDigits = 13;
constexpr int maxDigits = 19;

bool passesLuhn(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype at = digits.size() - 1; at >= 0; --at) {
        int digit = digits.at(at).digitValue();
        if (twice) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        twice = !twice;
    }
    return sum % 10 == 0;
}

bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-';
}

struct Span
{
    qsizetype from = 0;
    qsizetype length = 0;
    QString digits;
};

/** The card-like spans of text, left to right. */
QList<Span> cardSpans(const QString &text)
{
    QList<Span> spans;
    qsizetype at = 0;
    while (at < text.size()) {
        if (!text.at(at).isDigit() || (at > 0 && text.at(at - 1).isDigit())) {
            ++at;
            continue;
        }
        // A run of digits with single separators between them, read as far as it goes.
        Span span {at, 0, {}};
        qsizetype end = at;
        qsizetype lastDigit = at;
        while (end < text.size()) {
            const QChar c = text.at(end);
            if (c.isDigit()) {
                span.digits.append(c);
                lastDigit = end;
            } else if (!isSeparator(c) || end + 1 >= text.size() || !text.at(end + 1).isDigit()) {
                break;
            }
            ++end;
        }
        span.length = lastDigit + 1 - at;
        const qsizetype count = span.digits.size();
        if (count >= minDigits && count <= maxDigits && passesLuhn(span.digits))
            spans.append(span);
        at = lastDigit + 1;
    }
    return spans;
}
} // namespace

namespace CardRedaction {
QString redact(const QString &text)
{
    const QList<Span> spans = cardSpans(text);
    if (spans.isEmpty())
        return text;
    QString masked = text;
    for (auto span = spans.crbegin(); span != spans.crend(); ++span)
        masked.replace(span->from, span->length,
                       QStringLiteral("•••• ") + span->digits.right(4));
    return masked;
}

bool containsCardNumber(const QString &text)
{
    return !cardSpans(text).isEmpty();
}

QJsonValue redact(const QJsonValue &value, int *found)
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        const QString masked = redact(text);
        if (found && masked != text)
            ++*found;
        return masked;
    }
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = redact(array.at(i), found);
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = redact(it.value(), found);
        return object;
    }
    case QJsonValue::Double: {
        // A card number sent as a JSON number is still a card number.
        const double number = value.toDouble();
        if (number < 1e12 || number >= 9e18 || number != std::floor(number))
            return value;
        const QString digits = QString::number(qint64(number));
        if (!containsCardNumber(digits))
            return value;
        if (found)
            ++*found;
        return redact(digits);
    }
    default:
        return value;
    }
}
} // namespace CardRedaction
