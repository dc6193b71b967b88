// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeschema.h"

#include "common/sqlitemigration.h"
#include "storelogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <iterator>

namespace {

// Migration N takes a file from version N-1 to N. Never edit a released migration: add one.
const char *const migrations[] = {
    // 1: the append-only event log and the order projection.
    R"sql(
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        order_id TEXT,
        store_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        actor TEXT NOT NULL,
        origin TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        reason TEXT,
        payload TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
    );
    CREATE INDEX events_by_order ON events(order_id, seq);
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TABLE orders (
        order_id TEXT PRIMARY KEY,
        store_id TEXT NOT NULL,
        number TEXT NOT NULL,
        type TEXT NOT NULL,
        state TEXT NOT NULL,
        placed_at INTEGER NOT NULL,
        state_since INTEGER NOT NULL,
        promised_at INTEGER,
        updated_at INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX orders_by_state ON orders(state, placed_at);
    )sql",
    // 2: the outbox (one row per event and destination) and the inbox (dedupe by message id).
    R"sql(
    CREATE TABLE outbox (
        event_id TEXT NOT NULL REFERENCES events(event_id),
        destination TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (event_id, destination)
    );
    CREATE INDEX outbox_due ON outbox(destination, next_attempt_at);
    CREATE TABLE inbox (
        source TEXT NOT NULL,
        message_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (source, message_id)
    );
    )sql",
    // 3: stream cursors and the dead-letter queue.
    R"sql(
    CREATE TABLE cursors (
        source TEXT PRIMARY KEY,
        position TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE TABLE dead_letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL REFERENCES events(event_id),
        destination TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT,
        dead_at INTEGER NOT NULL
    );
    )sql",
    // 4: what the platform said about each event: its position in the platform's log, or why it
    // refused it. Kept beside the log, which stays append-only.
    R"sql(
    CREATE TABLE event_status (
        event_id TEXT PRIMARY KEY REFERENCES events(event_id),
        hub_seq INTEGER,
        rejected_reason TEXT,
        updated_at INTEGER NOT NULL
    );
    )sql",
    // 5: the first failure's words and time beside the last's, for the manager who decides on a
    // dead letter. Rows from before stay NULL: not recorded.
    R"sql(
    ALTER TABLE outbox ADD COLUMN first_error TEXT;
    ALTER TABLE outbox ADD COLUMN first_error_at INTEGER;
    ALTER TABLE dead_letters ADD COLUMN first_error TEXT;
    ALTER TABLE dead_letters ADD COLUMN first_error_at INTEGER;
    )sql",
    // 6: the platform's refusals by when they were learned, so the manager's figures find the new
    // ones without reading every verdict (a month holds hundreds of thousands, refusals a few).
    R"sql(
    CREATE INDEX event_status_refused ON event_status(updated_at) WHERE rejected_reason IS NOT NULL;
    )sql",
    // 7: finished orders moved to monthly archive files (StoreArchiver). What moved is recorded
    // here, and an event leaves the log only once its id is: the log stays append-only for
    // everything else, and a replayed event of an archived order is still known as a duplicate.
    R"sql(
    CREATE TABLE archived_orders (
        order_id TEXT PRIMARY KEY,
        archive_file TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        archived_at INTEGER NOT NULL
    );
    CREATE INDEX archived_orders_by_time ON archived_orders(archived_at);
    CREATE TABLE archived_events (
        event_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL
    ) WITHOUT ROWID;
    DROP TRIGGER events_append_only_delete;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        WHEN NOT EXISTS (SELECT 1 FROM archived_events WHERE event_id = OLD.event_id)
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    )sql",
};
static_assert(std::size(migrations) == StoreSchema::latestVersion,
              "one migration per schema version");

// QSqlQuery runs one statement at a time; the migrations are written as scripts.
QStringList statements(const char *script)
{
    QStringList result;
    QString current;
    const QStringList lines = QString::fromUtf8(script).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        current += line + QLatin1Char('\n');
        const QString trimmed = line.trimmed();
        // A trigger body holds inner semicolons; it ends with "END;".
        const bool inTrigger = current.contains(QLatin1String("CREATE TRIGGER"))
                && !trimmed.endsWith(QLatin1String("END;"));
        if (trimmed.endsWith(QLatin1Char(';')) && !inTrigger) {
            result.append(current.trimmed());
            current.clear();
        }
    }
    return result;
}

} // namespace

Result<int> StoreSchema::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return Failure {query.lastError().text()};
    return query.value(0).toInt();
}

Result<void> StoreSchema::migrate(QSqlDatabase &db, int targetVersion)
{
    const Result<int> current = version(db);
    if (!current)
        return Failure {current.error()};
    for (int next = *current + 1; next <= targetVersion; ++next) {
        const Result<void> applied =
                SqliteMigration::apply(db, next, statements(migrations[next - 1]), applicationId);
        if (!applied)
            return applied;
        qCInfo(lcStore) << "migrated store schema to version" << next;
    }
    return {};
}
