// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historybackfill.h"

#include "engine/orderengine.h"
#include "platformchannel.h"
#include "platformlink.h"
#include "store/store.h"
#include "synclogging.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace {
// The platform's events are filed under its channel's name: inbox, cursor and outbox alike.
const QString &platformSource = PlatformChannel::name;
} // namespace

HistoryBackfill::HistoryBackfill(OrderEngine &engine, Store &store, PlatformLink &link,
                                 QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
    , m_link(link)
    , m_pageEvents(std::clamp(link.config().historyPageEvents, 0, Protocol::maxHistoryPage))
    , m_backoff(link.config().backoffBaseMs, link.config().backoffCapMs, link.config().seed)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HistoryBackfill::requestNext);
    connect(&m_link, &PlatformLink::received, this, [this](const Protocol::Message &message) {
        if (const auto *events = std::get_if<Protocol::Events>(&message.body))
            onEvents(*events);
        else if (const auto *welcome = std::get_if<Protocol::Welcome>(&message.body))
            onWelcome(*welcome);
    });
    connect(&m_link, &PlatformLink::stateChanged, this, &HistoryBackfill::reset);
    connect(&m_engine, &OrderEngine::incomingStored, this, &HistoryBackfill::onStored);
    connect(&m_engine, &OrderEngine::incomingFailed, this, &HistoryBackfill::onFailed);
    // Only with nothing else waiting to be written: the kitchen's own events go first.
    connect(&m_engine, &OrderEngine::incomingDrained, this, &HistoryBackfill::requestNext);
}

qint64 HistoryBackfill::storedThrough() const
{
    return m_store.cursor(source).toLongLong();
}

qint64 HistoryBackfill::goal() const
{
    return m_store.cursor(goalSource).toLongLong();
}

// Whatever was asked on the link that went is not coming: the next session asks again from
// the stored cursor. Events of it still being written are dropped there as duplicates.
void HistoryBackfill::reset()
{
    m_replayDone = false;
    m_asked = false;
    m_abandoned = false;
}

void HistoryBackfill::onWelcome(const Protocol::Welcome &welcome)
{
    // Without a snapshot the replay brings everything after the hello's cursor; with nothing
    // to replay (the cursor at the head) no replay frame comes to say it is over.
    m_replayDone = !welcome.snapshot && welcome.head <= m_store.cursor(platformSource).toLongLong();
    m_snapshotPrefix = 0;
    m_prefixPending = false;
    if (welcome.snapshot && m_pageEvents > 0 && welcome.head > goal()) {
        m_unsavedGoal = welcome.head;
        saveGoal();
    }
    requestNext();
}

// Saved before the snapshot's events are (they follow the welcome): a console whose snapshot is
// stored always knows the history it lacks.
void HistoryBackfill::saveGoal()
{
    if (m_unsavedGoal <= goal()) {
        m_unsavedGoal = 0;
        return;
    }
    if (!m_store.saveCursor({goalSource, QString::number(m_unsavedGoal)})) {
        qCWarning(lcSyncHistory) << "cannot save how far the history must reach yet;"
                                 << "trying again with the next frame";
        return;
    }
    qCInfo(lcSyncHistory) << "started from a snapshot: the history up to" << m_unsavedGoal
                          << "follows in the background";
    m_unsavedGoal = 0;
    m_complete = false;
    Q_EMIT progressChanged();
}

void HistoryBackfill::onEvents(const Protocol::Events &events)
{
    if (m_unsavedGoal > 0)
        saveGoal();
    if (events.history) {
        onHistory(events);
        return;
    }
    if (events.snapshotThrough > 0)
        notePrefix(events);
    // The last replay frame, or a live one: the catch-up has all arrived.
    if (!events.more && !m_replayDone) {
        m_replayDone = true;
        requestNext();
    }
}

// A snapshot that skipped no seq at its start holds that much of the history already (all of it,
// for a store whose log is within the day): none of it needs asking for.
void HistoryBackfill::notePrefix(const Protocol::Events &events)
{
    for (const Protocol::SequencedEvent &sequenced : events.events) {
        if (sequenced.seq != m_snapshotPrefix + 1)
            break;
        m_snapshotPrefix = sequenced.seq;
    }
    if (!events.more && m_snapshotPrefix > 0)
        m_prefixPending = true;
}

// Only once the snapshot is stored (the platform's cursor at its reach): a cursor saved earlier
// would claim events that a crash could still lose.
void HistoryBackfill::keepPrefix()
{
    if (!m_prefixPending || m_store.cursor(platformSource).toLongLong() < goal())
        return;
    m_prefixPending = false;
    if (m_snapshotPrefix <= storedThrough())
        return;
    if (!m_store.saveCursor({source, QString::number(m_snapshotPrefix)})) {
        qCWarning(lcSyncHistory) << "cannot note that the snapshot held the history up to"
                                 << m_snapshotPrefix << "; it is fetched instead";
        return;
    }
    qCInfo(lcSyncHistory) << "the snapshot held the history up to" << m_snapshotPrefix;
    Q_EMIT progressChanged();
}

void HistoryBackfill::onHistory(const Protocol::Events &events)
{
    if (!m_asked) {
        qCWarning(lcSyncHistory) << "history frame nobody asked for; dropped";
        return;
    }
    const qint64 reach = goal();
    QList<IncomingEvent> incoming;
    for (const Protocol::SequencedEvent &sequenced : events.events) {
        if (m_abandoned)
            break;
        // Stored past a hole, the history's cursor would skip the hole for good.
        if (sequenced.seq != m_received + 1 || sequenced.seq > reach) {
            qCWarning(lcSyncHistory).noquote()
                    << QStringLiteral("a history answer brought seq %1 where %2 (at most %3) was "
                                      "due; the rest of it is dropped")
                               .arg(sequenced.seq)
                               .arg(m_received + 1)
                               .arg(reach);
            m_abandoned = true;
            break;
        }
        m_received = sequenced.seq;
        incoming.append({source, sequenced.event.id.toString(QUuid::WithoutBraces),
                         sequenced.event, sequenced.seq, {}, false, true});
    }
    if (!incoming.isEmpty()) {
        m_queuedThrough = m_received;
        m_engine.applyIncoming(incoming, std::nullopt); // the store keeps the source's cursor
    }
    if (events.more)
        return;
    m_asked = false;
    if (std::exchange(m_abandoned, false))
        retryLater(QStringLiteral("the platform's answer had a gap"));
    else if (m_received == m_askedAfter)
        retryLater(QStringLiteral("the platform sent nothing after %1").arg(m_askedAfter));
    // else: the next page is asked for once this one is stored and nothing else waits
}

void HistoryBackfill::onStored(const QString &from)
{
    if (from != source)
        return;
    m_backoff.reset();
    if (!isIncomplete())
        qCInfo(lcSyncHistory) << "the store's history is complete here, up to" << goal();
    Q_EMIT progressChanged();
}

void HistoryBackfill::onFailed(const QString &from, StoreFault fault)
{
    if (from != source)
        return;
    // The engine dropped what was queued behind the failed batch: ask again from the cursor.
    m_queuedThrough = storedThrough();
    retryLater(QStringLiteral("a page could not be stored (%1)").arg(StoreFaults::name(fault)));
}

void HistoryBackfill::retryLater(const QString &why)
{
    const qint64 delayMs = m_backoff.nextDelayMs();
    qCWarning(lcSyncHistory).noquote()
            << QStringLiteral("%1; asking again for the history after %2 in %3 ms")
                       .arg(why)
                       .arg(storedThrough())
                       .arg(delayMs);
    m_retryTimer.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void HistoryBackfill::requestNext()
{
    if (m_pageEvents == 0 || m_complete || !m_replayDone || m_asked || m_retryTimer.isActive()
        || m_link.state() != PlatformLink::State::Live || m_engine.incomingBacklog() > 0)
        return;
    keepPrefix();
    const qint64 stored = storedThrough();
    const qint64 reach = goal();
    // Called whenever the engine drains: once complete, a live kitchen's batches cost nothing.
    m_complete = stored >= reach && m_unsavedGoal == 0 && !m_prefixPending;
    // A page still being written asks again when it is (incomingDrained).
    if (stored >= reach || m_queuedThrough > stored)
        return;
    m_askedAfter = stored;
    m_received = stored;
    m_asked = m_link.send(Protocol::History {stored, reach, m_pageEvents});
}
