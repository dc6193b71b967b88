// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

class QSqlDatabase;

/**
 * The PostgreSQL hub database's numbered migrations, private to PostgresHubStorage. The versions
 * applied are rows of schema_version; several order-hub processes starting at once take turns.
 */
namespace PostgresHubSchema {
constexpr int latestVersion = 3;
/** The first key of every advisory lock the hub takes (schema, stores): "KC". */
constexpr int lockSpace = 0x4B43;

/** The NOTIFY channel on which a write to a store's log is announced; the payload: the store. */
constexpr char writtenChannel[] = "kc_hub_written";

/**
 * What the snapshot index orders an order's projection by (body: how the query names the column):
 * open orders at the top (2^53-1), the others by their last event's time.
 */
QString snapshotKey(const QString &body);
/**
 * The seqs up to the third value of the events of the first value's store whose orders'
 * snapshotKey is at least the second, rising: read through the snapshot index.
 */
QString snapshotSeqsQuery();

/** Checks that the database is a hub's (or empty) and not newer, then migrates it. */
Result<void> prepare(QSqlDatabase &db);
} // namespace PostgresHubSchema
