// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"
#include "store/outbox.h"

#include <QJsonObject>
#include <QString>

/**
 * How kc-admin shows orders, events and dead letters: fixed-width text lines for people and one
 * JSON object per line for scripts. Times are UTC, ISO 8601 with Z (CONVENTIONS.md).
 */
namespace AdminFormat {
/** "2026-03-01T12:00:00Z" */
QString isoTime(qint64 utcMs);
/** "2026-03-01T12:00:00.250Z", for JSON. */
QString isoTimeMs(qint64 utcMs);
/** A short duration for people: "45s", "12m", "1h 05m", "2d 03h". */
QString age(qint64 durationMs);
/** Items to make, counting quantities. */
int itemCount(const Order &order);

QString orderHeader();
QString orderLine(const Order &order, qint64 nowMs);
QJsonObject orderJson(const Order &order);

QString eventHeader();
QString eventLine(const OrderEvent &event);
QJsonObject eventJson(const OrderEvent &event);

QString deadLetterLine(const DeadLetter &letter);

/** A JSON object on one line, for JSON-lines output. */
QString jsonLine(const QJsonObject &object);
} // namespace AdminFormat
