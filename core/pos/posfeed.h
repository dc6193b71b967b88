// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posdeletesweep.h"
#include "posvendor.h"

#include "common/result.h"
#include "order/storepolicy.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

class Clock;
class OrderEngine;
class PosHttp;
class Store;

/**
 * How a POS's own orders reach the board: its webhooks (read and checked by the vendor, then
 * fetched where they only name an order) and a poll by modified time, the safety net for
 * webhooks the vendor drops. Each order read is compared with what the store holds
 * (PosOrderDiff) and the difference goes to the engine as incoming events of source
 * "pos:<vendor>", with the poll's cursor in the same transaction. A replayed webhook or a poll
 * bringing what a webhook brought gives the same event ids, and the inbox drops them.
 *
 * Where the vendor's poll cannot show a deletion (PosVendor::pollMissesDeletes), a good poll is
 * followed now and then by a sweep: a few open tickets nothing brought lately are fetched again,
 * and one the POS no longer has is cancelled as its lost webhook would have.
 */
class PosFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosFeed)

public:
    struct Config
    {
        QString storeId;
        int pollIntervalMs = 60'000;
        qint64 firstPollLookbackMs = 12 * 3600 * 1000; // with no cursor yet: today's orders
        int prepMinutes = 15; // the promise of an order the POS accepts without one
        QList<StationRoute> routes; // where the store sends a counter order's lines
        // Where the poll misses deletes: how often quiet open tickets are fetched again (after a
        // good poll, on the clock) and how many a round.
        qint64 sweepIntervalMs = 5 * 60'000;
        int sweepBatch = 10;
    };

    PosFeed(PosVendor &vendor, PosHttp &http, OrderEngine &engine, const Store &store,
            const Clock &clock, Config config, QObject *parent = nullptr);

    /** "pos:<vendor>": the source of the incoming events and of the cursor. */
    QString source() const;

    /**
     * A webhook from the listener: accepted (its orders follow once read or fetched), or refused
     * with the reason, logged, when the vendor's signature does not match or it cannot be read.
     */
    Result<void> receive(const PosWebhook &webhook);

    /** Polls now and every pollIntervalMs from then on. */
    void start();
    /** Follows the store's rules from now on: the prep-time quote and the routes. */
    void followPolicy(const StorePolicy &policy);
    void stop();
    /** Polls once now, or right after the poll under way. */
    void pollNow();
    /**
     * Reads one of the POS's orders again and brings the board to what it says: the platform
     * refused what this console relayed of it, because the order moved on meanwhile.
     */
    void recheck(const QString &orderId);
    bool isPolling() const { return m_polling; }
    /** What went wrong last, in words; empty once a poll succeeds again. */
    QString problem() const { return m_problem; }

Q_SIGNALS:
    /** A poll read all its pages (ok) or stopped at a failure (see problem()). */
    void pollFinished(bool ok);
    /** A webhook was refused: reason in words, for the log and the health view. */
    void webhookRefused(const QString &reason);
    void problemChanged(const QString &problem);
    /** What was read went to the engine: changes events (0: the board had it all already). */
    void flushed(int changes);
    /** A sweep round's checks have all answered: how many, and how many orders were gone. */
    void sweepFinished(int checked, int gone);

private:
    void fetch(const QString &orderId);
    /** Reads changes' orders and queues them for the engine; fetches the ids it only names. */
    void take(const PosChanges &changes, const std::optional<QString> &cursor);
    void pollPage(const PosCall &call, const QString &cursor);
    /** Keeps the newest view of an order for the next flush; an older one arriving late is not. */
    void keep(PosOrder read);
    void scheduleFlush();
    /** After a good poll, where the poll misses deletes: fetches a round of quiet tickets. */
    void sweepIfDue();
    void check(const QString &orderId);
    /** A fetch's answer taken: true when the POS has no such order, false when it was read. */
    Result<bool> takeFetched(const QString &orderId, const PosAnswer &answer);
    /** The POS has no such order: read as deleted at the till, as its webhook would have said. */
    void takeGone(const QString &orderId);
    /** Hands what was read to the engine once it has applied what it had: diffs need its state. */
    void flush();
    void setProblem(const QString &problem);

    PosVendor &m_vendor;
    PosHttp &m_http;
    OrderEngine &m_engine;
    const Store &m_store;
    const Clock &m_clock;
    Config m_config;
    QTimer m_pollTimer;
    QHash<QString, PosOrder> m_read; // by the vendor's order id: the newest view, not yet applied
    QStringList m_readOrder; // m_read's ids in the order they were first read
    QHash<QString, QString> m_versionsTaken; // the newest change marker taken of each order
    std::optional<QString> m_readCursor; // the cursor the pending views bring the poll to
    std::optional<QString> m_cursor; // where the next poll starts, when ahead of the store's
    bool m_polling = false;
    bool m_pollAgain = false; // asked for while polling
    bool m_flushScheduled = false;
    PosDeleteSweep m_sweep;
    int m_checksOut = 0; // a round's fetches not answered yet
    int m_checked = 0;
    int m_gone = 0;
    QString m_problem;
};
