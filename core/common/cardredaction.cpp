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

bool isCard(const QString &digits)
{
    return digits.size() >= minDigits && digits.size() <= maxDigits && passesLuhn(digits);
}

/** The groups of one run of digits with single separators between them, read as far as it goes. */
QList<Span> groupsFrom(const QString &text, qsizetype at)
{
    QList<Span> groups;
    Span group {at, 0, {}};
    for (qsizetype end = at; end < text.size(); ++end) {
        const QChar c = text.at(end);
        if (c.isDigit()) {
            group.digits.append(c);
            group.length = end + 1 - group.from;
            continue;
        }
        if (!isSeparator(c) || end + 1 >= text.size() || !text.at(end + 1).isDigit())
            break;
        groups.append(group);
        group = {end + 1, 0, {}};
    }
    groups.append(group);
    return groups;
}

/**
 * The card numbers in one run's groups: the whole run, or else the longest runs of whole groups
 * that are one, left to right, so a number followed by more digits ("4111 1111 1111 1111 123",
 * a card and its code) is still found.
 */
QList<Span> cardsIn(const QList<Span> &groups)
{
    const auto joined = [&groups](qsizetype first, qsizetype last) {
        Span span {groups.at(first).from, 0, {}};
        for (qsizetype i = first; i <= last; ++i)
            span.digits += groups.at(i).digits;
        span.length = groups.at(last).from + groups.at(last).length - span.from;
        return span;
    };
    const Span whole = joined(0, groups.size() - 1);
    if (isCard(whole.digits))
        return {whole};
    QList<Span> cards;
    for (qsizetype first = 0; first < groups.size(); ++first) {
        for (qsizetype last = groups.size() - 1; last >= first; --last) {
            const Span window = joined(first, last);
            if (window.digits.size() < minDigits)
                break;
            if (isCard(window.digits)) {
                cards.append(window);
                first = last;
                break;
            }
        }
    }
    return cards;
}

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
        const QList<Span> groups = groupsFrom(text, at);
        spans += cardsIn(groups);
        at = groups.constLast().from + groups.constLast().length;
    }
    return spans;
}

QString maskedOnce(const QString &text, const QList<Span> &spans)
{
    QString masked = text;
    for (auto span = spans.crbegin(); span != spans.crend(); ++span)
        masked.replace(span->from, span->length,
                       QStringLiteral("•••• ") + span->digits.right(4));
    return masked;
}

// A JSON number of 13 digits or one starting with 1 is a time (milliseconds, micro- or
// nanoseconds since 1970, until 2033) far more often than a card: card networks' numbers start
// with 2 to 6, and 13-digit cards are long gone.
bool mayBeCardNumber(const QString &digits)
{
    return digits.size() > minDigits && digits.at(0) >= u'2' && digits.at(0) <= u'6';
}
} // namespace

namespace CardRedaction {
QString redact(const QString &text)
{
    // Again until nothing is left: the four digits a mask keeps, with digits after them, could
    // make another card-like number, and redacting twice must change nothing (idempotency keys).
    QString masked = text;
    for (QList<Span> spans = cardSpans(masked); !spans.isEmpty(); spans = cardSpans(masked))
        masked = maskedOnce(masked, spans);
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
        // A card number sent as a JSON number is still a card number; a time is not.
        const double number = value.toDouble();
        if (number < 1e12 || number >= 9e18 || number != std::floor(number))
            return value;
        const QString digits = QString::number(qint64(number));
        if (!mayBeCardNumber(digits) || !containsCardNumber(digits))
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
