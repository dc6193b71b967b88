// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgreserrors.h"

#include <QSqlError>

QString PostgresErrors::describe(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    QString meaning;
    if (code == QLatin1String("23505"))
        meaning = QStringLiteral("another writer stored the same key first");
    else if (code == QLatin1String("40001") || code == QLatin1String("40P01"))
        meaning = QStringLiteral("a concurrent transaction conflicted with this one");
    else if (code == QLatin1String("55P03"))
        meaning = QStringLiteral("another process held the store's lock too long");
    else if (connectionLost(error))
        meaning = QStringLiteral("the connection to the database was lost");
    const QString text = error.text().trimmed();
    return meaning.isEmpty() ? text : QStringLiteral("%1; try again (%2)").arg(meaning, text);
}

bool PostgresErrors::connectionLost(const QSqlError &error)
{
    // Class 08 is "connection exception", 57P01-03 a server shutting down or restarting. libpq
    // reports a socket that is already gone with no code at all, only in words.
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01")
        || code == QLatin1String("57P02") || code == QLatin1String("57P03"))
        return true;
    const QString text = error.text();
    return code.isEmpty()
        && (text.contains(QLatin1String("server closed the connection"))
            || text.contains(QLatin1String("no connection to the server"))
            || text.contains(QLatin1String("terminating connection")));
}
