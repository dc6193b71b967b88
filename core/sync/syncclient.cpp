// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "engine/orderengine.h"
#include "store/store.h"
#include "synclogging.h"

#include <QScopeGuard>

namespace {
// The platform's events are filed under its channel's name: inbox, cursor and outbox alike.
const QString &platformSource = PlatformChannel::name;
} // namespace

SyncClient::SyncClient(OrderEngine &engine, Store &store, PlatformLink &link, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
    , m_link(link)
    , m_channel(link)
    , m_channels(&engine.channels())
{
    m_link.setCursorProvider([this] { return cursor(); });
    connect(&m_link, &PlatformLink::received, this, [this](const Protocol::Message &message) {
        if (const auto *events = std::get_if<Protocol::Events>(&message.body))
            onEvents(*events);
        else if (const auto *welcome = std::get_if<Protocol::Welcome>(&message.body)) {
            m_progressWanted = welcome->replayWindow > 0;
            m_snapshotSession = welcome->snapshot;
            keepRights(*welcome);
        }
    });
    connect(&m_link, &PlatformLink::stateChanged, this, [this](PlatformLink::State state) {
        if (state == PlatformLink::State::Live) {
            m_lastSeq = cursor(); // the hello asked for everything after it
            m_joining = m_lastSeq == 0;
            m_snapshotSession = false; // until the welcome says otherwise
        } else {
            setCatchingUp(false);
        }
        Q_EMIT statusChanged();
    });
    connect(&m_engine, &OrderEngine::incomingFailed, this, &SyncClient::onIncomingFailed);
    connect(&m_engine, &OrderEngine::incomingStored, this, [this](const QString &source) {
        if (source != platformSource)
            return;
        reportProgress();
        if (m_notSaving) {
            m_notSaving = false;
            qCInfo(lcSyncDispatch) << "the platform's events are stored again";
            Q_EMIT statusChanged();
        }
    });
    m_dispatcher = &m_channels->add(m_channel);
    connect(m_dispatcher, &ChannelDispatcher::healthChanged, this, &SyncClient::statusChanged);
}

SyncClient::~SyncClient()
{
    if (m_channels)
        m_channels->remove(m_channel);
}

Result<void> SyncClient::start()
{
    return m_link.start();
}

void SyncClient::stop()
{
    m_link.stop();
}

void SyncClient::setAckTimeoutMs(int ms)
{
    if (m_dispatcher)
        m_dispatcher->setAnswerTimeoutMs(ms);
}

void SyncClient::setRetryPolicy(const RetryPolicy &policy)
{
    if (m_dispatcher)
        m_dispatcher->setRetryPolicy(policy);
}

qint64 SyncClient::cursor() const
{
    return m_store.cursor(platformSource).toLongLong();
}

ChannelHealth SyncClient::health() const
{
    if (m_dispatcher)
        return m_dispatcher->health();
    // The engine (and its dispatcher) went first: nothing delivers the platform's queue now.
    ChannelHealth unregistered;
    unregistered.destination = destination;
    unregistered.state = m_channel.state();
    return unregistered;
}

void SyncClient::setCatchingUp(bool catchingUp)
{
    if (catchingUp == m_catchingUp)
        return;
    m_catchingUp = catchingUp;
    Q_EMIT catchingUpChanged(catchingUp);
}

void SyncClient::onEvents(const Protocol::Events &events)
{
    if (events.history)
        return; // older history, outside this stream's sequence: HistoryBackfill's
    // Held from before the first of a replay's events reaches the engine until after its last
    // one has: a listener then waits for the engine to apply it. A snapshot is history too.
    const bool snapshot = events.snapshotThrough > 0;
    if (events.replay && (events.more || snapshot))
        setCatchingUp(true);
    const auto lastOfReplay = qScopeGuard([this, &events] {
        if (events.replay && !events.more)
            setCatchingUp(false);
    });
    if (snapshot && !m_snapshotSession) {
        // Only a hub that said so at welcome may skip seqs; anything else is a gap.
        qCWarning(lcSyncDispatch) << "a snapshot frame the hub did not announce; reconnecting";
        m_link.reconnect();
        return;
    }
    // A frame carrying another store's event is a hub's mistake (or a forgery): storing it
    // would put that store's order on this board and move the cursor past it. Nothing of the
    // frame is stored; the replay from the cursor asks again.
    const QString storeId = m_link.config().storeId;
    for (const Protocol::SequencedEvent &sequenced : events.events) {
        if (sequenced.event.storeId != storeId) {
            qCWarning(lcSyncDispatch).noquote()
                << "the platform sent event" << sequenced.event.id.toString(QUuid::WithoutBraces)
                << "of store" << sequenced.event.storeId << "to store" << storeId
                << "; nothing of its frame is stored, reconnecting";
            m_link.reconnect();
            return;
        }
    }
    QList<IncomingEvent> incoming;
    incoming.reserve(events.events.size());
    bool hole = false;
    for (const Protocol::SequencedEvent &sequenced : events.events) {
        if (sequenced.seq <= m_lastSeq)
            continue; // already received on this link
        // A snapshot leaves out, by design, the seqs a new console does not need.
        if (sequenced.seq != m_lastSeq + 1 && !snapshot) {
            hole = true;
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
                         sequenced.event, sequenced.seq, {}, snapshot});
    }
    // The frame stands for the log up to snapshotThrough: the cursor goes there with its events.
    if (snapshot && !hole)
        m_lastSeq = qMax(m_lastSeq, events.snapshotThrough);
    const SourceCursor after{platformSource, QString::number(m_lastSeq)};
    if (incoming.isEmpty()) {
        // An empty snapshot moves the cursor alone; with events still being written, the next
        // batch carries it instead (a restart before that only asks for the snapshot again).
        if (snapshot && m_lastSeq > cursor() && m_engine.incomingBacklog() == 0
            && !m_store.saveCursor(after))
            qCWarning(lcSyncDispatch) << "the snapshot's cursor is saved with the next event";
        return;
    }
    m_engine.applyIncoming(incoming, after);
}

// A hub that keeps a replay window sends more of a catch-up as this console stores it.
void SyncClient::reportProgress()
{
    if (m_progressWanted && m_link.state() == PlatformLink::State::Live)
        m_link.send(Protocol::Progress {cursor()});
}

// Kept in the store, so that a POS order that comes while the platform is out of reach is
// relayed (or not) as the platform last said, and its steps follow the same way.
void SyncClient::keepRights(const Protocol::Welcome &welcome)
{
    QStringList held;
    if (welcome.manager)
        held.append(ChannelRegistry::managerRight);
    if (welcome.posRelay)
        held.append(ChannelRegistry::posRelayRight);
    // Empty, never null: the store keeps a position as NOT NULL text, so a null one fails to
    // save, and the console would go on using the last right the platform took back.
    const QString rights =
            held.isEmpty() ? QString(QLatin1String("")) : held.join(QLatin1Char(','));
    if (m_store.cursor(ChannelRegistry::platformRightsSource) == rights)
        return;
    qCInfo(lcSyncDispatch).noquote()
            << "the platform" << (welcome.posRelay ? "lets" : "does not let")
            << "this console relay its POS's orders, and"
            << (welcome.manager ? "lets" : "does not let") << "it act as the store's manager";
    if (!m_store.saveCursor({ChannelRegistry::platformRightsSource, rights})) {
        qCWarning(lcSyncDispatch) << "what the platform allows is kept at its next welcome";
        return;
    }
    Q_EMIT statusChanged();
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
