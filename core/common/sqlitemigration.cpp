// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitemigration.h"

#include "sqliteconnection.h"

namespace {
Result<void> runInOpenTransaction(const QSqlDatabase &db, int version,
                                  const QStringList &statements, int applicationId)
{
    for (const QString &statement : statements) {
        if (Result<void> done = SqliteConnection::exec(db, statement); !done)
            return done;
    }
    if (Result<void> stamped = SqliteConnection::exec(
            db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
        !stamped)
        return stamped;
    if (Result<void> versioned =
            SqliteConnection::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version));
        !versioned)
        return versioned;
    return SqliteConnection::exec(db, QStringLiteral("COMMIT"));
}
} // namespace

Result<void> SqliteMigration::apply(QSqlDatabase &db, int version, const QStringList &statements,
                                    int applicationId)
{
    if (Result<void> begun = SqliteConnection::exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    const Result<void> done = runInOpenTransaction(db, version, statements, applicationId);
    if (!done) {
        // The failure to report is the migration's; a rollback that fails too adds nothing.
        (void)SqliteConnection::exec(db, QStringLiteral("ROLLBACK"));
        return Failure {
            QStringLiteral("migration to schema %1 failed: %2").arg(version).arg(done.error())};
    }
    return done;
}
