// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

/**
 * Card numbers never reach a log or the store: a run of 13 to 19 digits (spaces or dashes between
 * them allowed) that passes the Luhn check is replaced by a mask keeping only its last four digits;
 * within a longer run, so is each run of whole groups that is one ("4111 1111 1111 1111 123").
 * Numbers that fail the check (order numbers, phone numbers) are left as they are. Redacting is
 * deterministic and idempotent, so the same text always stores and compares the same.
 * Every edge where text comes in applies it once (docs/reliability.md, scenario 15).
 */
namespace CardRedaction {
/** text with every card-like number masked ("•••• 1111"). */
QString redact(const QString &text);
/** Whether text holds a card-like number. */
bool containsCardNumber(const QString &text);
/**
 * Every string in value (objects and arrays walked) redacted, and a JSON number that is a card
 * number (14 to 19 digits from 2 to 6, never a time) made its mask; how many changed in found.
 */
QJsonValue redact(const QJsonValue &value, int *found = nullptr);
} // namespace CardRedaction
