// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

class SqliteConnection;

/**
 * The SQLite hub file's numbered migrations, private to SqliteHubStorage. Its own application id
 * keeps a console store and a hub log from ever being mistaken for each other.
 */
namespace HubSchema {
constexpr int latestVersion = 6;
/** "KCHB": marks a file as a Kitchen Console hub log. */
constexpr int applicationId = 0x4B434842;

/**
 * What the snapshot index orders an order's projection by (body: how the query names the column):
 * open orders at the top (2^53-1), the others by their last event's time.
 */
QString snapshotKey(const QString &body);
/**
 * The seqs up to the third value of the events of the first value's store whose orders'
 * snapshotKey is at least the second, rising:
 * read through the snapshot index and events_by_order.
 */
QString snapshotSeqsQuery();

/** Checks the file's identity and version, then migrates it to the latest version. */
Result<void> prepare(SqliteConnection &connection);
} // namespace HubSchema
