// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubschema.h"

#include "common/sqlitemigration.h"

#include "hublogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

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
const QStringList *const migrations[] = {&migration1, &migration2, &migration3};
static_assert(std::size(migrations) == HubSchema::latestVersion, "one migration per version");

int pragmaInt(QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace

bool HubSchema::prepare(QSqlDatabase &db, QString *error)
{
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !count.next()) {
        *error = QStringLiteral("not a readable SQLite file (%1)").arg(count.lastError().text());
        return false;
    }
    const bool empty = count.value(0).toInt() == 0;
    count.finish();
    const int appId = pragmaInt(db, QStringLiteral("application_id"), error);
    const int current = pragmaInt(db, QStringLiteral("user_version"), error);
    if (appId < 0 || current < 0)
        return false;
    if (!empty && appId != applicationId) {
        *error = QStringLiteral("an SQLite file but not an order-hub log");
        return false;
    }
    if (current > latestVersion) {
        *error = QStringLiteral("schema version %1 is newer than this order-hub understands (%2)")
                     .arg(current)
                     .arg(latestVersion);
        return false;
    }
    for (int next = current + 1; next <= latestVersion; ++next) {
        if (!SqliteMigration::apply(db, next, *migrations[next - 1], applicationId, error))
            return false;
        qCInfo(lcHubLog) << "migrated hub schema to version" << next;
    }
    return true;
}
