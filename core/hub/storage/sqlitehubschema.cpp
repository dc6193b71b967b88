// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitehubschema.h"

#include "common/sqliteconnection.h"
#include "common/sqlitemigration.h"
#include "hub/hublogging.h"

#include <QStringList>

#include <iterator>

namespace {

// Migration N takes a file from version N-1 to N, one statement per entry. Never edit a
// released migration: add one.
const QStringList migration1 {
    QStringLiteral("CREATE TABLE stores (store_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)"),
    QStringLiteral("CREATE TABLE consoles (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "console_id TEXT NOT NULL, secret_hash TEXT NOT NULL, "
                   "created_at INTEGER NOT NULL, PRIMARY KEY (store_id, console_id))"),
    QStringLiteral("CREATE TABLE events (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "seq INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, order_id TEXT, "
                   "body TEXT NOT NULL, recorded_at INTEGER NOT NULL, "
                   "PRIMARY KEY (store_id, seq)) WITHOUT ROWID"),
    QStringLiteral("CREATE INDEX events_by_order ON events(store_id, order_id, seq)"),
    QStringLiteral("CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
                   "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"),
    QStringLiteral("CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
                   "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"),
    QStringLiteral("CREATE TABLE orders (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "order_id TEXT NOT NULL, body TEXT NOT NULL, "
                   "PRIMARY KEY (store_id, order_id)) WITHOUT ROWID"),
    QStringLiteral("CREATE TABLE idempotency (store_id TEXT NOT NULL, key TEXT NOT NULL, "
                   "request_hash TEXT NOT NULL, status INTEGER NOT NULL, "
                   "response TEXT NOT NULL, created_at INTEGER NOT NULL, "
                   "PRIMARY KEY (store_id, key)) WITHOUT ROWID"),
};
// 2: idempotency records expire (HubHttpApi::keyLifetimeMs); find the old ones without a scan.
const QStringList migration2 {
    QStringLiteral("CREATE INDEX idempotency_by_age ON idempotency(created_at)"),
};
// 3: verdicts are final. A refused event id keeps its refusal (reason, the event that won) and
// the body it was refused with, so a resend gets the same answer however the order moved since.
const QStringList migration3 {
    QStringLiteral("CREATE TABLE refusals (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "event_id TEXT NOT NULL, body TEXT NOT NULL, reason TEXT NOT NULL, "
                   "conflicting TEXT, refused_at INTEGER NOT NULL, "
                   "PRIMARY KEY (store_id, event_id)) WITHOUT ROWID"),
    QStringLiteral("CREATE TRIGGER refusals_final_update BEFORE UPDATE ON refusals "
                   "BEGIN SELECT RAISE(ABORT, 'a refusal is final'); END"),
    QStringLiteral("CREATE TRIGGER refusals_final_delete BEFORE DELETE ON refusals "
                   "BEGIN SELECT RAISE(ABORT, 'a refusal is final'); END"),
};
// 4: a console's rights beyond acting for its kitchen staff, granted by whoever runs the hub
// (relaying the store's POS orders). Granted to a console, they go with it.
const QStringList migration4 {
    QStringLiteral("CREATE TABLE console_rights (store_id TEXT NOT NULL, "
                   "console_id TEXT NOT NULL, name TEXT NOT NULL, granted_at INTEGER NOT NULL, "
                   "PRIMARY KEY (store_id, console_id, name), "
                   "FOREIGN KEY (store_id, console_id) REFERENCES consoles(store_id, console_id)) "
                   "WITHOUT ROWID"),
};
// 5: a new console starts from a snapshot of the open and recent orders (HubSnapshot): found
// through the projection, without reading the whole log.
const QStringList migration5 {
    QStringLiteral("CREATE INDEX orders_for_snapshot ON orders(store_id, %1)")
        .arg(HubSchema::snapshotKey(QStringLiteral("body"))),
};
// 6: one-time pairing codes (PairingDesk), by their hash: a console trades one for its credential.
const QStringList migration6 {
    QStringLiteral("CREATE TABLE pairing_codes (code_hash TEXT PRIMARY KEY, "
                   "store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "console_id TEXT NOT NULL, issued_at INTEGER NOT NULL, "
                   "expires_at INTEGER NOT NULL, used_at INTEGER) WITHOUT ROWID"),
};
const QStringList *const migrations[] = {&migration1, &migration2, &migration3, &migration4,
                                         &migration5, &migration6};
static_assert(std::size(migrations) == HubSchema::latestVersion, "one migration per version");

} // namespace

// The query must spell the expression as the index does, or SQLite will not use the index.
QString HubSchema::snapshotKey(const QString &body)
{
    return QStringLiteral("CASE WHEN json_extract(%1, '$.state') IN ('placed', 'accepted', "
                          "'preparing', 'ready') THEN 9007199254740991 "
                          "ELSE json_extract(%1, '$.updated_at') END")
        .arg(body);
}

// Orders first (CROSS JOIN fixes the order): the snapshot index finds the few open or recent
// ones, events_by_order their events; the log's other rows are never read.
QString HubSchema::snapshotSeqsQuery()
{
    return QStringLiteral("SELECT e.seq FROM orders AS o CROSS JOIN events AS e "
                          "ON e.store_id = o.store_id AND e.order_id = o.order_id "
                          "WHERE o.store_id = ? AND %1 >= ? AND e.seq <= ? ORDER BY e.seq")
        .arg(snapshotKey(QStringLiteral("o.body")));
}

Result<void> HubSchema::prepare(SqliteConnection &connection)
{
    const Result<SqliteFileStamp> stamp = connection.stamp();
    if (!stamp)
        return Failure {QStringLiteral("not a readable SQLite file (%1)").arg(stamp.error())};
    if (!stamp->empty && stamp->applicationId != applicationId)
        return Failure {QStringLiteral("an SQLite file but not an order-hub log")};
    if (stamp->version > latestVersion) {
        return Failure {
            QStringLiteral("schema version %1 is newer than this order-hub understands (%2)")
                .arg(stamp->version)
                .arg(latestVersion)};
    }
    for (int next = stamp->version + 1; next <= latestVersion; ++next) {
        const Result<void> applied = SqliteMigration::apply(
                connection.database(), next, *migrations[next - 1], applicationId);
        if (!applied)
            return applied;
        qCInfo(lcHubStorage) << "migrated hub schema to version" << next;
    }
    return {};
}
