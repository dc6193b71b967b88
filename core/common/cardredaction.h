// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

/**
 * Card numbers never reach a log or the store: a run of 13 to 19 digits (spaces or dashes between
 * them allowed) that passes the Luhn check is replaced by a mask keeping only its last four digits.
 * A vendor payload is redacted at the adapter's edge, before anything else reads it. Numbers that
 * fail the check (order numbers, phone numbers) are left as they are.
 */
namespace CardRedaction {
/** text with every card-like number masked ("•••• 1111"). */
QString redact(const QString &text);
/** Whether text holds a card-like number. */
bool containsCardNumber(const QString &text);
/** Every string in value (objects and arrays walked) redacted; how many were changed in found. */
QJsonValue redact(const QJsonValue &value, int *found = nullptr);
} // namespace CardRedaction
