// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kitchenalert.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/**
 * The alerts waiting for a cook's acknowledgement, merged so that a rush reads as one line:
 * alerts of one kind about orders, each raised within the merge window of the one before, are one
 * entry ("3 orders cancelled: 181, 267, 336"); a feed's alarm is one entry per feed. An entry
 * keeps its count, the first few numbers and its orders' ids, so adding an alert costs the same
 * however many it already holds, and its title names at most KitchenAlert::maxNamedOrders.
 */
class AlertDigest final
{
public:
    static constexpr qint64 defaultMergeWindowMs = 60'000;

    struct Entry
    {
        KitchenAlert::Kind kind = KitchenAlert::Kind::Cancelled;
        QString source; // the feed of a feed's alarm
        KitchenAlert latest; // the last alert merged in: a single alert's own words
        QStringList named; // the first orders' numbers, at most KitchenAlert::maxNamedOrders
        QSet<QString> orderIds; // every order merged in
        QSet<QString> unacknowledged; // those whose tickets have not been acknowledged yet
        int count = 1; // alerts merged in, one per order
        bool merged = false; // more than one alert went into it
        qint64 lastAt = 0; // UTC ms of the latest

        /**
         * One line: a single alert's own title (one about many orders included, such as a
         * replayed backlog's), or the merged one counting and naming orders.
         */
        QString title() const;
        /** A single alert's details (what changed, item by item); none for a merged entry. */
        QStringList details() const;
    };

    /** Alerts of one kind this close together merge. */
    void setMergeWindowMs(qint64 ms) { m_mergeWindowMs = ms; }
    qint64 mergeWindowMs() const { return m_mergeWindowMs; }

    /**
     * Adds an alert (at its raisedAt): merged into its kind's latest entry if close enough. An
     * alert about several orders (orderIds) merges as that many alerts would.
     */
    void add(const KitchenAlert &alert);
    /** Takes down an alarm that no longer holds (kind and source); false if there was none. */
    bool withdraw(KitchenAlert::Kind kind, const QString &source);
    /** The order's ticket was acknowledged: an entry all of whose tickets were, goes. */
    bool acknowledgeOrder(const QString &orderId);
    /**
     * The order left the kitchen's work (KitchenAlerts::settled): it leaves the entries saying
     * it is new, late or changed, and an entry left with none of its tickets goes. An entry keeps
     * its count, so the line still says how many there were.
     */
    bool orderSettled(const QString &orderId);
    /** Drops the entries last added to before utcMs: for alerts that pass by themselves. */
    void forgetBefore(qint64 utcMs);
    /** Every alert acknowledged at once. */
    void clear() { m_entries.clear(); }

    /** The entries, the most recently added to last. */
    const QList<Entry> &entries() const { return m_entries; }
    int count() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    static void takeOrders(Entry &entry, const QStringList &ids, const QStringList &numbers);

    qint64 m_mergeWindowMs = defaultMergeWindowMs;
    QList<Entry> m_entries; // few: one per kind and window, one per feed
};
