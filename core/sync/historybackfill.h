// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/backoff.h"
#include "protocol/protocol.h"
#include "store/storefault.h"

#include <QObject>
#include <QTimer>

class OrderEngine;
class PlatformLink;
class Store;

/**
 * Brings a console that started from a bootstrap snapshot the rest of its store's history, in the
 * background: the platform's log up to the snapshot's reach, a page at a time (Protocol::History),
 * each page asked for only once the catch-up is over, the previous page is stored and nothing
 * else waits to be written, so the board never waits behind more than one page. The events are
 * stored like any of the platform's (the inbox drops what the snapshot already brought) under a
 * cursor of their own, and nobody is alerted of them. How far it got and how far it must go live
 * in the store: a restart or a dropped link goes on from there.
 */
class HistoryBackfill final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryBackfill)

public:
    /** The source of the fetched events; its cursor is the last seq stored without a gap. */
    static inline const QString source = QStringLiteral("platform.history");
    /** Where the history must reach: the (latest) snapshot's head. */
    static inline const QString goalSource = QStringLiteral("platform.history.goal");

    HistoryBackfill(OrderEngine &engine, Store &store, PlatformLink &link,
                    QObject *parent = nullptr);

    /** The last seq of the history stored here, and the seq it must reach (0, 0: none wanted). */
    qint64 storedThrough() const;
    qint64 goal() const;
    /** Whether older history is still to come. */
    bool isIncomplete() const { return storedThrough() < goal(); }

Q_SIGNALS:
    /** A page was stored (or the goal moved): storedThrough() or goal() changed. */
    void progressChanged();

private:
    void onWelcome(const Protocol::Welcome &welcome);
    void onEvents(const Protocol::Events &events);
    void onHistory(const Protocol::Events &events);
    void onStored(const QString &from);
    void onFailed(const QString &from, StoreFault fault);
    void saveGoal();
    void notePrefix(const Protocol::Events &events);
    void keepPrefix();
    void requestNext();
    void retryLater(const QString &why);
    void reset();

    OrderEngine &m_engine;
    Store &m_store;
    PlatformLink &m_link;
    const int m_pageEvents; // 0: history is not fetched
    Backoff m_backoff;
    QTimer m_retryTimer;
    qint64 m_unsavedGoal = 0; // a snapshot's head that could not be saved yet
    qint64 m_snapshotPrefix = 0; // the snapshot's seqs ran 1 to this without a skip
    bool m_prefixPending = false; // the prefix counts as history once the snapshot is stored
    bool m_replayDone = false; // this session's catch-up has all arrived
    bool m_complete = false; // the stored history reached the goal: nothing to read per batch
    bool m_asked = false; // an answer is on its way (until its last frame)
    bool m_abandoned = false; // the answer on its way is unusable: its rest is dropped
    qint64 m_askedAfter = 0; // the cursor the answer on its way starts from
    qint64 m_received = 0; // the last seq received of that answer
    qint64 m_queuedThrough = 0; // the last seq handed to the engine, stored or not
};
