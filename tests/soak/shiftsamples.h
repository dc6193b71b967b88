// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class QAbstractItemModel;
class Store;

/** One look at the console during the shift, every simulated quarter hour. */
struct ShiftSample
{
    double hours = 0; // of store time since the shift began
    qint64 rssKib = 0;
    qint64 heapKib = 0; // what the C library's allocator has handed out and not had back
    qint64 sqliteKib = 0; // of that, SQLite's (every connection's page cache, the hub's too)
    qint64 dbBytes = 0; // the store file
    qint64 walBytes = 0; // its write-ahead log
    qint64 pageBytes = 0; // the database's own pages (page_count × page_size), the WAL's included
    qint64 events = 0; // in the store's log
    int openOrders = 0; // tickets on the board

    qint64 storeBytes() const { return dbBytes + walBytes; }
};

/** The samples of a shift and the figures they give. */
class ShiftSamples final
{
public:
    /** The allocator's bytes in use (all arenas, mmapped blocks too) in KiB; 0 without glibc. */
    static qint64 heapInUseKib();
    /** A sample of the process, the store and the board now. */
    static ShiftSample now(double hours, const Store &store, const QAbstractItemModel &board);
    /** Takes a sample now and keeps it. */
    void take(double hours, const Store &store, const QAbstractItemModel &board)
    {
        m_samples.append(now(hours, store, board));
    }

    const QList<ShiftSample> &all() const { return m_samples; }
    bool isEmpty() const { return m_samples.isEmpty(); }
    /** The sample at the end of the warm-up (the first hour): the figures' baseline. */
    const ShiftSample &warm() const;
    const ShiftSample &last() const { return m_samples.constLast(); }
    /** The sample halfway between the warm-up's end and the last one. */
    const ShiftSample &middle() const;
    /**
     * The series for the summary line: hours, rss_kib, heap_kib, sqlite_kib, store_kib (file and
     * WAL), db_kib, wal_kib, pages_kib, events, open_orders.
     */
    QJsonObject series() const;

private:
    QList<ShiftSample> m_samples;
};
