// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitemigration.h"

#include "sqliteconnection.h"

bool SqliteMigration::apply(QSqlDatabase &db, int version, const QStringList &statements,
                            int applicationId, QString *error)
{
    const auto exec = [&db, error](const QString &sql) {
        return SqliteConnection::exec(db, sql, error);
    };
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    bool ok = true;
    for (const QString &statement : statements) {
        ok = exec(statement);
        if (!ok)
            break;
    }
    ok = ok && exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
    ok = ok && exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    ok = ok && exec(QStringLiteral("COMMIT"));
    if (!ok) {
        QString ignored;
        SqliteConnection::exec(db, QStringLiteral("ROLLBACK"), &ignored);
        *error = QStringLiteral("migration to schema %1 failed: %2").arg(version).arg(*error);
    }
    return ok;
}
