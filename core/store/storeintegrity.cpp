// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeintegrity.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// SQLite's primary result codes (sqlite3.h); QtSql passes them on as the native error code,
// possibly extended (the primary code is the low byte).
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;
// Enough lines to say where the damage is; a badly damaged file would list thousands.
constexpr int maxFindings = 20;
} // namespace

StoreIntegrity::Verdict StoreIntegrity::verdict(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return Verdict::Other;
    if (code == sqliteNotADatabase)
        return Verdict::NotADatabase;
    if (code == sqliteCorrupt)
        return Verdict::Damaged;
    return Verdict::Other;
}

Result<QStringList> StoreIntegrity::check(const QSqlDatabase &db, Depth depth)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString pragma =
        depth == Depth::Quick ? QStringLiteral("quick_check") : QStringLiteral("integrity_check");
    if (!query.exec(QStringLiteral("PRAGMA %1(%2)").arg(pragma).arg(maxFindings))) {
        if (verdict(query.lastError()) == Verdict::Damaged)
            return QStringList {query.lastError().databaseText()};
        return Failure {query.lastError().text()};
    }
    QStringList findings;
    while (query.next()) {
        // A row may hold several lines, headed by "*** in database main ***".
        const QStringList lines =
            query.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** in database")))
                findings.append(line);
        }
    }
    // A check that stops half-way on an unreadable page has found damage too.
    if (query.lastError().isValid()) {
        if (verdict(query.lastError()) != Verdict::Damaged)
            return Failure {query.lastError().text()};
        findings.append(query.lastError().databaseText());
    }
    return findings;
}
