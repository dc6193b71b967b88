// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "protocol/framesplitter.h"
#include "store/outbox.h"
#include "store/store.h"
#include "synclogging.h"

namespace {
const QString platformSource = QStringLiteral("platform");
constexpr int defaultAckTimeoutMs = 15'000;
} // namespace

SyncClient::SyncClient(OrderEngine &engine, Store &store, PlatformLink &link, const Clock &clock,
                       QObject *parent)
    : QObject(parent), m_engine(engine), m_store(store), m_link(link), m_clock(clock)
{
    m_link.setCursorProvider([this] { return cursor(); });
    connect(&m_link, &PlatformLink::received, this, &SyncClient::onReceived);
    connect(&m_link, &PlatformLink::stateChanged, this, [this](PlatformLink::State state) {
        // Whatever was in flight on a lost link is sent again on the next one: the platform
        // acknowledges a duplicate with the sequence number it gave the first.
        if (state != PlatformLink::State::Live)
            m_inFlight.clear();
        else
            m_lastSeq = cursor(); // the hello asked for everything after it
        Q_EMIT statusChanged();
    });
    // A new local event is committed with its outbox row: send it soon, coalesced.
    m_dispatchSoon.setSingleShot(true);
    m_dispatchSoon.setInterval(0);
    connect(&m_dispatchSoon, &QTimer::timeout, this, &SyncClient::dispatch);
    connect(&m_engine, &OrderEngine::orderChanged, this, &SyncClient::scheduleDispatch);
    connect(&m_engine, &OrderEngine::storeEventAppended, this, &SyncClient::scheduleDispatch);
    connect(&m_engine, &OrderEngine::incomingFailed, this, &SyncClient::onIncomingFailed);
    connect(&m_engine, &OrderEngine::incomingStored, this, [this](const QString &source) {
        if (source == platformSource && m_notSaving) {
            m_notSaving = false;
            qCInfo(lcSyncDispatch) << "the platform's events are stored again";
            Q_EMIT statusChanged();
        }
    });
    connect(&m_engine, &OrderEngine::verdictRecorded, this, &SyncClient::onVerdictRecorded);
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(defaultAckTimeoutMs);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSyncDispatch) << m_inFlight.size() << "events unacknowledged; sending again";
        m_inFlight.clear();
        dispatch();
        Q_EMIT statusChanged();
    });
}

bool SyncClient::start()
{
    return m_link.start();
}

void SyncClient::stop()
{
    m_link.stop();
}

qint64 SyncClient::cursor() const
{
    return m_store.cursor(platformSource).toLongLong();
}

int SyncClient::pendingCount() const
{
    return Outbox(m_store).pendingCount(destination);
}

std::optional<qint64> SyncClient::oldestPendingAt() const
{
    return Outbox(m_store).oldestPendingAt();
}

void SyncClient::onReceived(const Protocol::Message &message)
{
    if (std::holds_alternative<Protocol::Welcome>(message.body)) {
        scheduleDispatch();
    } else if (const auto *events = std::get_if<Protocol::Events>(&message.body)) {
        onEvents(*events);
    } else if (const auto *ack = std::get_if<Protocol::Ack>(&message.body)) {
        // Until the engine has recorded the verdict (it may wait behind incoming events), the
        // event is neither in flight nor due: sending it again would ask for a second verdict.
        m_inFlight.remove(ack->eventId);
        m_awaitingRecord.insert(ack->eventId);
        Outbox(m_store).acknowledge(ack->eventId, destination);
        m_engine.confirmByPlatform(ack->eventId, ack->seq);
        Q_EMIT statusChanged();
        scheduleDispatch();
    } else if (const auto *reject = std::get_if<Protocol::Reject>(&message.body)) {
        m_inFlight.remove(reject->eventId);
        m_awaitingRecord.insert(reject->eventId);
        qCWarning(lcSyncDispatch).noquote()
                << "platform refused" << reject->eventId.toString(QUuid::WithoutBraces) << ":"
                << reject->reason;
        m_engine.rejectByPlatform(reject->eventId, reject->reason);
        Q_EMIT statusChanged();
        scheduleDispatch();
    }
}

void SyncClient::onEvents(const Protocol::Events &events)
{
    QList<IncomingEvent> incoming;
    incoming.reserve(events.events.size());
    for (const Protocol::SequencedEvent &sequenced : events.events) {
        if (sequenced.seq <= m_lastSeq)
            continue; // already received on this link
        if (sequenced.seq != m_lastSeq + 1) {
            // A cursor saved past a hole would skip those events forever: take what came
            // before the hole, then reconnect to have the rest replayed from the cursor.
            qCWarning(lcSyncDispatch) << "gap in the platform's sequence: expected"
                                      << m_lastSeq + 1 << "got" << sequenced.seq
                                      << "; reconnecting to replay";
            m_link.reconnect();
            break;
        }
        m_lastSeq = sequenced.seq;
        // The event id is the message id: a replay of the same event is dropped by the inbox.
        incoming.append({platformSource, sequenced.event.id.toString(QUuid::WithoutBraces),
                         sequenced.event, sequenced.seq});
    }
    if (incoming.isEmpty())
        return;
    const SourceCursor after{platformSource, QString::number(m_lastSeq)};
    m_engine.applyIncoming(incoming, after);
}

void SyncClient::onIncomingFailed(const QString &source, StoreFault fault)
{
    if (source != platformSource)
        return;
    // Nothing after the stored cursor was kept: take the stream up again from there, on a new
    // session, so the platform replays what could not be stored.
    const qint64 stored = cursor();
    qCWarning(lcSyncDispatch).noquote()
            << "the platform's events after" << stored << "could not be stored ("
            << StoreFaults::name(fault) << "); reconnecting to have them replayed";
    m_lastSeq = stored;
    m_notSaving = true;
    m_link.reconnect();
    Q_EMIT statusChanged();
}

void SyncClient::onVerdictRecorded(const QUuid &eventId, bool recorded)
{
    if (!m_awaitingRecord.remove(eventId))
        return;
    if (!recorded) {
        // Its outbox row stays; it goes again after the ack timeout, not in a tight loop
        // against a store that cannot write.
        m_inFlight.insert(eventId);
        if (!m_ackTimer.isActive())
            m_ackTimer.start();
    }
}

void SyncClient::scheduleDispatch()
{
    if (!m_dispatchSoon.isActive())
        m_dispatchSoon.start();
}

void SyncClient::dispatch()
{
    if (m_link.state() != PlatformLink::State::Live)
        return;
    const QList<OutboxEntry> due =
            Outbox(m_store).due(destination, m_clock.nowMs(), Protocol::maxBatchEvents);
    QList<OrderEvent> sendable;
    for (const OutboxEntry &entry : due) {
        if (!m_inFlight.contains(entry.event.id) && !m_awaitingRecord.contains(entry.event.id))
            sendable.append(entry.event);
    }
    // Cut by encoded size as well as count: a frame over the protocol's limit would be refused
    // whole, and sent again, forever.
    qsizetype sent = 0;
    const QList<QList<OrderEvent>> frames = FrameSplitter::split(sendable);
    for (const QList<OrderEvent> &frame : frames) {
        if (!m_link.send(Protocol::Submit {frame}))
            break;
        for (const OrderEvent &event : frame)
            m_inFlight.insert(event.id);
        sent += frame.size();
    }
    if (sent == 0)
        return;
    m_ackTimer.start();
    qCDebug(lcSyncDispatch) << "sent" << sent << "events in" << frames.size() << "frames";
}
