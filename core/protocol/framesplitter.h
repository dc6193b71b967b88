// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol.h"

#include <QList>

/**
 * Cuts batches of events into frames that a peer accepts: at most Protocol::maxBatchEvents events
 * and at most Protocol::maxFrameBytes encoded, whatever the events' sizes. ProtocolCodec::encode
 * does not split; every sender of `events` and `submit` frames goes through here.
 *
 * Contract, for both functions:
 * - the batches together hold every event given, once, in the order given;
 * - no batch is empty, and each holds at most Protocol::maxBatchEvents events;
 * - each batch, encoded as one frame (`events` with any replay/more flags, or `submit`), is at
 *   most Protocol::maxFrameBytes long, provided every event obeys OrderLimits::maxEventBytes
 *   (readers and the hub refuse any that does not). An event over that limit still gets a batch
 *   of its own, so nothing is dropped silently and it cannot take others down with it: a peer
 *   rejects it alone, or (beyond a frame) refuses its frame.
 * Each event is serialised once to measure it. A sender that knows its events obey the limits may
 * skip measuring up to eventsThatAlwaysFit() of them.
 */
namespace FrameSplitter {

/** How many events within OrderLimits::maxEventBytes always fit one frame, envelope and all. */
constexpr qsizetype eventsThatAlwaysFit()
{
    // Generous bounds for what surrounds the events: a frame's own fields, and per event an
    // entry {"event":…,"seq":…} and a comma.
    constexpr qsizetype frameEnvelope = 256;
    constexpr qsizetype entryEnvelope = 64;
    return (Protocol::maxFrameBytes - frameEnvelope) / (OrderLimits::maxEventBytes + entryEnvelope);
}
static_assert(eventsThatAlwaysFit() >= 1, "the largest event must fit a frame by itself");

/** Sequenced events (replay or live) as `events` frames' worth, in order. */
QList<QList<Protocol::SequencedEvent>> split(const QList<Protocol::SequencedEvent> &events);
/** Local events as `submit` frames' worth, in order (the console's outbox). */
QList<QList<OrderEvent>> split(const QList<OrderEvent> &events);

} // namespace FrameSplitter
