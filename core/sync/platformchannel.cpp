// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformchannel.h"

#include "protocol/framesplitter.h"
#include "synclogging.h"

PlatformChannel::PlatformChannel(PlatformLink &link, QObject *parent)
    : OrderChannel(parent), m_link(link)
{
    connect(&m_link, &PlatformLink::stateChanged, this, [this](PlatformLink::State state) {
        Q_EMIT stateChanged(stateOf(state));
        if (state == PlatformLink::State::Live)
            Q_EMIT heard();
    });
    connect(&m_link, &PlatformLink::received, this, &PlatformChannel::onReceived);
}

PlatformChannel::State PlatformChannel::stateOf(PlatformLink::State state)
{
    switch (state) {
    case PlatformLink::State::Offline:
        return State::Offline;
    case PlatformLink::State::Connecting:
        return State::Connecting;
    case PlatformLink::State::Live:
        return State::Live;
    }
    return State::Offline;
}

int PlatformChannel::batchLimit() const
{
    return Protocol::maxBatchEvents;
}

qsizetype PlatformChannel::send(const QList<OrderEvent> &events)
{
    // Cut by encoded size as well as count: a frame over the protocol's limit would be refused
    // whole, and sent again, forever.
    qsizetype sent = 0;
    const QList<QList<OrderEvent>> frames = FrameSplitter::split(events);
    for (const QList<OrderEvent> &frame : frames) {
        if (!m_link.send(Protocol::Submit {frame}))
            break;
        sent += frame.size();
    }
    if (sent > 0)
        qCDebug(lcSyncDispatch) << "sent" << sent << "events in" << frames.size() << "frames";
    return sent;
}

void PlatformChannel::onReceived(const Protocol::Message &message)
{
    Q_EMIT heard(); // every frame from the hub, a pong included, says the feed is alive
    if (const auto *ack = std::get_if<Protocol::Ack>(&message.body))
        Q_EMIT accepted(ack->eventId, ack->seq);
    else if (const auto *reject = std::get_if<Protocol::Reject>(&message.body))
        Q_EMIT refused(reject->eventId, reject->reason);
}
