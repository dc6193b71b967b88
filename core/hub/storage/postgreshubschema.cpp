// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgreshubschema.h"

#include "hub/hublogging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <iterator>

namespace {

// Migration N takes the database from version N-1 to N, one statement per entry, all in one
// transaction (PostgreSQL's DDL is transactional). Never edit a released migration: add one.
// Version 1 is the SQLite hub's schema version 4, with the log's rules as triggers.
const QStringList migration1 {
    QStringLiteral("CREATE TABLE stores (store_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL)"),
    QStringLiteral("CREATE TABLE consoles (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "console_id TEXT NOT NULL, secret_hash TEXT NOT NULL, "
                   "created_at BIGINT NOT NULL, PRIMARY KEY (store_id, console_id))"),
    QStringLiteral("CREATE TABLE console_rights (store_id TEXT NOT NULL, "
                   "console_id TEXT NOT NULL, name TEXT NOT NULL, granted_at BIGINT NOT NULL, "
                   "PRIMARY KEY (store_id, console_id, name), "
                   "FOREIGN KEY (store_id, console_id) REFERENCES consoles(store_id, console_id))"),
    // event_id is unique across stores: the same event id from two processes is one row.
    QStringLiteral("CREATE TABLE events (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "seq BIGINT NOT NULL, event_id TEXT NOT NULL UNIQUE, order_id TEXT, "
                   "body TEXT NOT NULL, recorded_at BIGINT NOT NULL, "
                   "PRIMARY KEY (store_id, seq))"),
    QStringLiteral("CREATE INDEX events_by_order ON events(store_id, order_id, seq)"),
    QStringLiteral("CREATE INDEX store_events ON events(store_id, seq) WHERE order_id IS NULL"),
    QStringLiteral("CREATE FUNCTION kc_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$"),
    QStringLiteral("CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
                   "FOR EACH ROW EXECUTE FUNCTION kc_refuse_change('the event log is "
                   "append-only')"),
    QStringLiteral("CREATE TABLE orders (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "order_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (store_id, order_id))"),
    QStringLiteral("CREATE TABLE refusals (store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "event_id TEXT NOT NULL, body TEXT NOT NULL, reason TEXT NOT NULL, "
                   "conflicting TEXT, refused_at BIGINT NOT NULL, "
                   "PRIMARY KEY (store_id, event_id))"),
    QStringLiteral("CREATE TRIGGER refusals_final BEFORE UPDATE OR DELETE ON refusals "
                   "FOR EACH ROW EXECUTE FUNCTION kc_refuse_change('a refusal is final')"),
    // The key is the primary key: of two processes racing on one key, one insert wins.
    QStringLiteral("CREATE TABLE idempotency (store_id TEXT NOT NULL, key TEXT NOT NULL, "
                   "request_hash TEXT NOT NULL, status INTEGER NOT NULL, "
                   "response TEXT NOT NULL, created_at BIGINT NOT NULL, "
                   "PRIMARY KEY (store_id, key))"),
    QStringLiteral("CREATE INDEX idempotency_by_age ON idempotency(created_at)"),
};
// 2: a new console starts from a snapshot of the open and recent orders (HubSnapshot): found
// through the projection, without reading the whole log.
const QStringList migration2 {
    QStringLiteral("CREATE INDEX orders_for_snapshot ON orders (store_id, (%1))")
        .arg(PostgresHubSchema::snapshotKey(QStringLiteral("body"))),
};
// 3: one-time pairing codes (PairingDesk), by their hash: a console trades one for its credential.
const QStringList migration3 {
    QStringLiteral("CREATE TABLE pairing_codes (code_hash TEXT PRIMARY KEY, "
                   "store_id TEXT NOT NULL REFERENCES stores(store_id), "
                   "console_id TEXT NOT NULL, issued_at BIGINT NOT NULL, "
                   "expires_at BIGINT NOT NULL, used_at BIGINT)"),
};
const QStringList *const migrations[] = {&migration1, &migration2, &migration3};
static_assert(std::size(migrations) == PostgresHubSchema::latestVersion,
              "one migration per version");

Result<void> run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return Failure {QStringLiteral("%1 (running: %2)").arg(query.lastError().text(), sql)};
}

// The version recorded in schema_version, or -1 with *error when the database is not a hub's.
int versionOf(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL, "
                                   "(SELECT count(*) FROM pg_tables WHERE schemaname = "
                                   "current_schema())"))
        || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    const bool stamped = query.value(0).toBool();
    if (!stamped) {
        if (query.value(1).toLongLong() > 0) {
            *error = QStringLiteral("the database holds tables but not an order-hub log; "
                                    "give order-hub a database of its own");
            return -1;
        }
        return 0;
    }
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"))
        || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

Result<void> migrate(QSqlDatabase &db)
{
    // Processes starting together over a new database take turns; the later ones find it done.
    if (Result<void> locked = run(db,
                                  QStringLiteral("SELECT pg_advisory_xact_lock(%1, 0)")
                                      .arg(PostgresHubSchema::lockSpace));
        !locked)
        return locked;
    QString error;
    const int version = versionOf(db, &error);
    if (version < 0)
        return Failure {error};
    if (version > PostgresHubSchema::latestVersion) {
        return Failure {QStringLiteral("the database's schema version %1 is newer than this "
                                       "order-hub understands (%2); run a newer order-hub")
                            .arg(version)
                            .arg(PostgresHubSchema::latestVersion)};
    }
    if (version == 0) {
        if (Result<void> made = run(db,
                                    QStringLiteral("CREATE TABLE schema_version ("
                                                   "version INTEGER PRIMARY KEY, "
                                                   "applied_at TIMESTAMPTZ NOT NULL "
                                                   "DEFAULT now())"));
            !made)
            return made;
    }
    for (int next = version + 1; next <= PostgresHubSchema::latestVersion; ++next) {
        for (const QString &statement : *migrations[next - 1]) {
            if (Result<void> ran = run(db, statement); !ran)
                return ran;
        }
        if (Result<void> stamped = run(
                db, QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(next));
            !stamped)
            return stamped;
        qCInfo(lcHubStorage) << "migrated the PostgreSQL hub schema to version" << next;
    }
    return {};
}

} // namespace

// The query must spell the expression as the index does, or PostgreSQL will not use the index.
QString PostgresHubSchema::snapshotKey(const QString &body)
{
    return QStringLiteral("CASE WHEN (%1::jsonb ->> 'state') IN ('placed', 'accepted', "
                          "'preparing', 'ready') THEN 9007199254740991 "
                          "ELSE (%1::jsonb ->> 'updated_at')::bigint END")
        .arg(body);
}

QString PostgresHubSchema::snapshotSeqsQuery()
{
    return QStringLiteral("SELECT e.seq FROM orders AS o JOIN events AS e "
                          "ON e.store_id = o.store_id AND e.order_id = o.order_id "
                          "WHERE o.store_id = ? AND (%1) >= ? AND e.seq <= ? ORDER BY e.seq")
        .arg(snapshotKey(QStringLiteral("o.body")));
}

Result<void> PostgresHubSchema::prepare(QSqlDatabase &db)
{
    if (Result<void> begun = run(db, QStringLiteral("BEGIN")); !begun)
        return begun;
    Result<void> migrated = migrate(db);
    if (migrated)
        migrated = run(db, QStringLiteral("COMMIT"));
    if (!migrated)
        (void)run(db, QStringLiteral("ROLLBACK")); // a failed migration changes nothing
    return migrated;
}
