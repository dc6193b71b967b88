// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/** What a store's history looks like for bench/catchup. */
struct HistoryShape
{
    int orders = 1000;
    int openAtEnd = 20; // the newest orders stay open: the board a console joins mid-service
    qint64 gapMs = 86'000; // between two placements: about 1,000 orders a day
    qint64 endMs = 0; // when the newest order was placed
};

/** The hub file bench/catchup serves: where it is, its store and console, its log's length. */
struct StoreHistory
{
    static inline const QString storeId = QStringLiteral("store-catchup");
    static inline const QString consoleId = QStringLiteral("catchup-console");

    QString hubPath;
    qint64 head = 0; // events in the store's log
    int orders = 0;
    int open = 0; // orders still open at the end

    /** The credential the hub holds for consoleId (bench only: not a secret). */
    static QByteArray secret();
    /**
     * Writes a hub file with shape's orders, each placed, accepted, started, finished and (most)
     * handed over in turn while the next ones arrive, committed in large batches (one fsync per
     * batch: the history's cost is not what is measured).
     */
    static StoreHistory write(const QString &hubPath, const HistoryShape &shape);
};
