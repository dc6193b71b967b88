// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitemigration.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified());
        return false;
    }
    return true;
}
} // namespace

bool SqliteMigration::apply(QSqlDatabase &db, int version, const QStringList &statements,
                            int applicationId, QString *error)
{
    if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    bool ok = true;
    for (const QString &statement : statements) {
        ok = exec(db, statement, error);
        if (!ok)
            break;
    }
    ok = ok && exec(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId), error);
    ok = ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error);
    ok = ok && exec(db, QStringLiteral("COMMIT"), error);
    if (!ok) {
        QString ignored;
        exec(db, QStringLiteral("ROLLBACK"), &ignored);
        *error = QStringLiteral("migration to schema %1 failed: %2").arg(version).arg(*error);
    }
    return ok;
}
