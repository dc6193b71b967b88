// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framesplitter.h"

#include "protocolcodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <utility>

namespace {

qsizetype compactSize(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact).size();
}

/** An event's encoded size, alone and as an entry of its frame's list. */
struct Measure
{
    qsizetype event = 0;
    qsizetype entry = 0;
};

// Compact JSON nests without whitespace, so an entry's size is its envelope with an empty event
// ("{}", 2 bytes) plus the event's own size.
Measure measure(const Protocol::SequencedEvent &entry)
{
    const qsizetype event = compactSize(entry.event.toJson());
    const QJsonObject envelope {{QStringLiteral("seq"), entry.seq},
                                {QStringLiteral("event"), QJsonObject()}};
    return {event, compactSize(envelope) - 2 + event};
}

Measure measure(const OrderEvent &event)
{
    const qsizetype size = compactSize(event.toJson());
    return {size, size};
}

// An empty frame's size is its envelope, with every optional field at its longest: "false" is
// the longer of the flags, and no frame has both a snapshot_through and history (an upper bound).
qsizetype frameEnvelope(const QList<Protocol::SequencedEvent> &)
{
    const Protocol::Events longest {{}, false, false, std::numeric_limits<qint64>::max(), true};
    return ProtocolCodec::encode(Protocol::Body {longest}).size();
}

qsizetype frameEnvelope(const QList<OrderEvent> &)
{
    return ProtocolCodec::encode(Protocol::Body {Protocol::Submit {}}).size();
}

template<typename Event> QList<QList<Event>> splitBySize(const QList<Event> &events)
{
    const qsizetype envelope = frameEnvelope(events);
    QList<QList<Event>> batches;
    QList<Event> batch;
    qsizetype batchBytes = envelope;
    const auto close = [&] {
        if (!batch.isEmpty())
            batches.append(std::exchange(batch, {}));
        batchBytes = envelope;
    };
    for (const Event &event : events) {
        const Measure size = measure(event);
        // An event over the limit travels alone: refused alone, it takes no other event with it.
        const bool oversized = size.event > OrderLimits::maxEventBytes;
        // A comma separates each entry from the one before.
        const qsizetype added = batch.isEmpty() ? size.entry : size.entry + 1;
        if (oversized || batch.size() >= Protocol::maxBatchEvents
            || batchBytes + added > Protocol::maxFrameBytes)
            close();
        batch.append(event);
        batchBytes += size.entry + (batch.size() > 1 ? 1 : 0);
        if (oversized)
            close();
    }
    close();
    return batches;
}

} // namespace

namespace FrameSplitter {

QList<QList<Protocol::SequencedEvent>> split(const QList<Protocol::SequencedEvent> &events)
{
    return splitBySize(events);
}

QList<QList<OrderEvent>> split(const QList<OrderEvent> &events)
{
    return splitBySize(events);
}

} // namespace FrameSplitter
