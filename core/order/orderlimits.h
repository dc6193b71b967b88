// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

struct OrderEvent;

/**
 * The bounds every event and order obeys, in one place, so the console and the hub accept exactly
 * the same things (docs/protocol.md, Limits). The rule behind them: whatever a reader accepts must
 * be sendable again, in any batch, to any peer; so an event is bounded in encoded size and depth,
 * every id is short and printable, and every number survives a round trip through a JSON parser
 * that reads numbers as doubles.
 *
 * The *Problem functions return an empty string when the value is fine, otherwise a sentence for
 * logs and for the submitter that names the limit.
 */
namespace OrderLimits {

/**
 * One event as OrderEvent::toJson writes it (compact UTF-8 JSON). Well under
 * Protocol::maxFrameBytes (256 KiB): one event of this size with any envelope (events entry,
 * reject's conflicting, the frame's own fields) always fits a frame by itself.
 */
constexpr qsizetype maxEventBytes = 64 * 1024;
/**
 * JSON nesting of one event, the event object being level 1. A placed order is the deepest
 * legitimate event: event, payload (the order), items, an item, its modifiers: 5 levels. 16 leaves
 * room for additions without letting a peer's parser recurse a thousand levels.
 */
constexpr int maxEventDepth = 16;
/** Ids (order, store, console, origin, actor): 1 to this many printable characters. */
constexpr qsizetype maxIdLength = 128;
/** Names people read: customer name, item name, a modifier, an allergen. */
constexpr qsizetype maxNameLength = 200;
/** Short labels: order number, table, station. */
constexpr qsizetype maxLabelLength = 64;
/** Free text: a reason, a note on the order, an item's notes. */
constexpr qsizetype maxTextLength = 2000;
/** Lines on one order. */
constexpr qsizetype maxItems = 500;
/** Modifiers, and allergens, on one item. */
constexpr qsizetype maxTagsPerItem = 50;
/**
 * The largest integer magnitude anywhere in an event: 2^53 - 1. Beyond it, parsers that hold JSON
 * numbers as doubles (JavaScript, many others) round, so the value would not survive the trip.
 */
constexpr qint64 maxSafeInteger = (qint64(1) << 53) - 1;

/** Why id (named what, e.g. "order_id") is not 1 to maxIdLength printable characters. */
QString idProblem(const QString &what, const QString &id);
/** Why text (named what) is longer than maxLength characters. */
QString textProblem(const QString &what, const QString &text, qsizetype maxLength);
/** The same for every text of a list, plus a bound on the list's length (0: unbounded). */
QString listProblem(const QString &what, const QStringList &texts, qsizetype maxLength,
                    qsizetype maxCount);
/** Why a JSON object nests deeper than maxDepth (the object itself is level 1). */
QString depthProblem(const QString &what, const QJsonObject &json, int maxDepth);
/**
 * Why JSON text nests deeper than maxDepth (the outermost value is level 1), found by scanning the
 * bytes outside strings, before any parser builds a value. Says nothing about anything else.
 */
QString textDepthProblem(const QByteArray &json, int maxDepth);
/** Why a number somewhere in json is beyond ±maxSafeInteger. */
QString numberProblem(const QString &what, const QJsonObject &json);
/**
 * Why an event would not be sendable: its ids, its reason, its payload's depth and numbers, and
 * last its encoded size. OrderEvent::fromJson checks this too; the hub checks it again for events
 * built in C++ (HTTP, simulator) before anything is logged.
 */
QString eventProblem(const OrderEvent &event);
/** The encoded size of an event: what OrderEvent::toJson writes, compact, in UTF-8. */
qsizetype encodedSize(const OrderEvent &event);

} // namespace OrderLimits
