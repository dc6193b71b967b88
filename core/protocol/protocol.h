// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"
#include "order/orderlimits.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>
#include <variant>

/**
 * The platform protocol (docs/protocol.md): JSON text frames over a WebSocket, each with a type, the
 * protocol version and a message id. These are its messages as values; ProtocolCodec turns them
 * into frames and back.
 */
namespace Protocol {

constexpr int version = 1;
/** Frames and messages above this size are refused (and the hub closes with 1009). */
constexpr qint64 maxFrameBytes = 256 * 1024;
/** Events per replay or submit batch. FrameSplitter also cuts batches by encoded size. */
constexpr int maxBatchEvents = 200;
/** The bounds of a replay window the hub grants: at least one batch, at most 50. */
constexpr int minReplayWindow = maxBatchEvents;
constexpr int maxReplayWindow = 50 * maxBatchEvents;
/** Events one history answer holds at most (History::limit): a few batches, read at once. */
constexpr int maxHistoryPage = 5 * maxBatchEvents;
/**
 * JSON nesting of a frame, the frame object being level 1: an events frame holds its list (2), an
 * entry {seq, event} (3) and then an event of up to OrderLimits::maxEventDepth levels. Deeper
 * frames are refused (bad_json) before they are parsed.
 */
constexpr int maxFrameDepth = 3 + OrderLimits::maxEventDepth;
/** The hub's close reason (with 1008) for a console too far behind: retry now, not a refusal. */
constexpr QLatin1StringView slowConsumerReason {"slow_consumer"};

/** An event as the hub's log holds it: with its per-store sequence number. */
struct SequencedEvent
{
    qint64 seq = 0;
    OrderEvent event;
};

// Console → hub.
struct Hello
{
    QString storeId;
    QString consoleId;
    QString credential; // the console's secret; never logged
    qint64 cursor = 0; // the last hub sequence number this console applied (0: none)
    // Replayed events this console takes ahead of what it has stored (progress), so that a long
    // catch-up waits in the hub's log, not in the console's memory; 0 (absent): no bound.
    int replayWindow = 0;
    // A fresh console (cursor 0) asks for a snapshot of what it needs (open and recent orders,
    // the store's state) instead of the whole log; a hub that does not know it replays it all.
    bool bootstrap = false;
};
struct Submit
{
    QList<OrderEvent> events; // local events, in local order
};
struct Progress
{
    qint64 cursor = 0; // the last hub sequence number this console has stored
};
// A console that started from a snapshot fetches the log before it a page at a time, in the
// background: the events with after < seq <= through, at most limit of them (one page in flight).
struct History
{
    qint64 after = 0;
    qint64 through = 0; // at least after + 1: the snapshot's reach
    int limit = 0; // 1 to maxHistoryPage
};

// A console without a credential trades a one-time pairing code (PairingCode) for one; the hub
// answers Paired or an error and closes. Sent instead of a hello, as the first frame.
struct Pair
{
    QString code; // as the person typed it; never logged
};

// Hub → console.
struct Welcome
{
    qint64 head = 0; // the store's latest sequence number when the session began
    bool posRelay = false; // this console may relay the store's POS orders (absent: false)
    bool manager = false; // this console may act as the store's manager (absent: false)
    // The replay window the hub keeps to (the hello's, within its bounds); 0 (absent): none, and
    // the console need not send progress.
    int replayWindow = 0;
    // The replay that follows starts with a snapshot up to head (the hello asked for bootstrap
    // and the hub honours it): its frames skip the seqs a new console does not need.
    bool snapshot = false;
};
struct Events
{
    QList<SequencedEvent> events; // in sequence order
    bool replay = false; // part of catching up from the hello's cursor
    bool more = false; // more replay batches follow
    // A snapshot frame: its events are a selection of the log, which they cover up to this seq
    // (≥ the last event's); the seqs between them are not for this console. 0: a plain frame.
    qint64 snapshotThrough = 0;
    // Part of the answer to a History request (never with replay): the log's events in order,
    // without gaps; more is set on every frame of the answer but its last.
    bool history = false;
};
struct Ack
{
    QUuid eventId;
    qint64 seq = 0; // where the hub logged it (the first time, for a duplicate)
};
struct Reject
{
    QUuid eventId;
    QString reason; // for people: what happened instead
    std::optional<OrderEvent> conflicting; // the authoritative event that got there first
};
struct Error
{
    QString code; // "bad_frame", "unsupported_version", "unauthorized", "wrong_store", ...
    QString message;
};

// The answer to Pair: who the console now is, and the secret it says hello with from now on.
struct Paired
{
    QString storeId;
    QString consoleId;
    QString credential; // never logged, never shown
};

/** The error codes of a refused Pair: the console words each for people in their language. */
namespace PairingError {
inline constexpr QLatin1StringView unknown {"pairing_code_unknown"};
inline constexpr QLatin1StringView expired {"pairing_code_expired"};
inline constexpr QLatin1StringView used {"pairing_code_used"};
inline constexpr QLatin1StringView tooManyTries {"pairing_too_many_tries"};
inline constexpr QLatin1StringView failed {"pairing_failed"}; // the hub could not record it
} // namespace PairingError

// Both ways.
struct Ping
{
    qint64 sentAt = 0; // UTC ms
};
struct Pong
{
    qint64 sentAt = 0; // echoed from the ping
};

using Body = std::variant<Hello, Submit, Welcome, Events, Ack, Reject, Error, Ping, Pong, Progress,
                          History, Pair, Paired>;

/** One frame: its message id and what it carries. */
struct Message
{
    QUuid id;
    Body body;
};

} // namespace Protocol
