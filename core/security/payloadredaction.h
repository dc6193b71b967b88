// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

/**
 * What a manager may read of an event's payload on a screen (the dead-letter queue): card-like
 * numbers masked (CardRedaction), the values of keys that look secret (token, secret, password,
 * authorization, signature, key, pin, cookie, credential) replaced whole, and a customer's name,
 * phone and email partly masked, enough to recognise an order without exposing the person. The
 * stored event is never changed: this is a view of it.
 */
namespace PayloadRedaction {
/** What replaces a secret value, whatever its type. */
inline const QString secretMask = QStringLiteral("••••••");

/** payload as a manager may see it (objects and arrays walked). */
QJsonObject redact(const QJsonObject &payload);
/** free text (a reason, an error) as a manager may see it: card-like numbers masked. */
QString redactText(const QString &text);

/** Whether a key's value is a secret (access_token, X-Api-Key, clientSecret, ...). */
bool isSecretKey(const QString &key);
/** "Maria Gonzalez" → "M••• G•••": each word's first letter. */
QString maskName(const QString &name);
/** "+1 555 123 4567" → "+• ••• ••• ••67": every digit but the last two. */
QString maskPhone(const QString &phone);
/** "maria@example.com" → "m•••@example.com": the mailbox's first letter and the domain. */
QString maskEmail(const QString &email);
} // namespace PayloadRedaction
