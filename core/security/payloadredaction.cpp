// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadredaction.h"

#include "common/cardredaction.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace {
const QString hidden = QStringLiteral("•••");

// A key's words, lower case: "X-Api-Key" → x, api, key; "refreshToken" → refresh, token.
QStringList wordsOf(const QString &key)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (!c.isLetterOrNumber()) {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
            continue;
        }
        if (c.isUpper() && !word.isEmpty() && i > 0 && key.at(i - 1).isLower()) {
            words.append(word);
            word.clear();
        }
        word.append(c.toLower());
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

bool hasWord(const QStringList &words, std::initializer_list<const char *> wanted)
{
    for (const char *one : wanted) {
        if (words.contains(QLatin1String(one)))
            return true;
    }
    return false;
}

enum class Personal { None, Name, Phone, Email };

// Who an object under this key describes: its name, phone and email are a person's.
bool isPersonKey(const QStringList &words)
{
    return hasWord(words, {"customer", "recipient", "contact", "guest", "buyer", "person"});
}

Personal personalKind(const QStringList &words, bool inPerson)
{
    if (hasWord(words, {"phone", "mobile", "tel", "telephone", "cell"}))
        return Personal::Phone;
    if (hasWord(words, {"email", "mail"}))
        return Personal::Email;
    // A bare "name" is an item's or a station's unless a person's object holds it.
    const bool named = hasWord(words, {"name", "firstname", "lastname", "fullname"});
    if ((named && (inPerson || isPersonKey(words)))
        || (words.size() == 1 && isPersonKey(words)))
        return Personal::Name;
    return Personal::None;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return number == std::floor(number) && std::abs(number) < 1e18
                ? QString::number(qint64(number))
                : QString::number(number);
    }
    return value.toString();
}

QJsonValue walk(const QJsonValue &value, bool inPerson);

QJsonObject walkObject(const QJsonObject &object, bool inPerson)
{
    QJsonObject shown;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QStringList words = wordsOf(it.key());
        const QJsonValue &value = it.value();
        if (PayloadRedaction::isSecretKey(it.key())) {
            shown.insert(it.key(), value.isNull() ? value : QJsonValue(PayloadRedaction::secretMask));
            continue;
        }
        const bool scalar = value.isString() || value.isDouble();
        switch (scalar ? personalKind(words, inPerson) : Personal::None) {
        case Personal::Name:
            shown.insert(it.key(), PayloadRedaction::maskName(scalarText(value)));
            continue;
        case Personal::Phone:
            shown.insert(it.key(), PayloadRedaction::maskPhone(scalarText(value)));
            continue;
        case Personal::Email:
            shown.insert(it.key(), PayloadRedaction::maskEmail(scalarText(value)));
            continue;
        case Personal::None:
            break;
        }
        shown.insert(it.key(), walk(value, inPerson || isPersonKey(words)));
    }
    return shown;
}

QJsonValue walk(const QJsonValue &value, bool inPerson)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return walkObject(value.toObject(), inPerson);
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = walk(array.at(i), inPerson);
        return array;
    }
    default:
        return CardRedaction::redact(value);
    }
}
} // namespace

namespace PayloadRedaction {
QJsonObject redact(const QJsonObject &payload)
{
    return walkObject(payload, false);
}

QString redactText(const QString &text)
{
    return CardRedaction::redact(text);
}

bool isSecretKey(const QString &key)
{
    const QStringList words = wordsOf(key);
    if (hasWord(words, {"token", "secret", "password", "passwd", "passcode", "authorization",
                        "auth", "signature", "key", "pin", "cookie", "credential",
                        "credentials"}))
        return true;
    // Run together: "apikey", "accesstoken", "clientsecret".
    for (const QString &word : words) {
        for (const char *stem : {"token", "secret", "password", "apikey", "signature"}) {
            if (word.endsWith(QLatin1String(stem)))
                return true;
        }
    }
    return false;
}

QString maskName(const QString &name)
{
    QStringList masked;
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words)
        masked.append(word.left(1) + hidden);
    return masked.join(QLatin1Char(' '));
}

QString maskPhone(const QString &phone)
{
    qsizetype digits = 0;
    for (const QChar c : phone)
        digits += c.isDigit() ? 1 : 0;
    QString masked = phone;
    qsizetype seen = 0;
    for (QChar &c : masked) {
        if (c.isDigit() && ++seen <= digits - 2)
            c = QChar(0x2022);
    }
    return masked;
}

QString maskEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return maskName(email);
    return email.left(1) + hidden + email.mid(at);
}
} // namespace PayloadRedaction
