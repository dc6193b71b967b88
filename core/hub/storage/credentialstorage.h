// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

/** Where a hub backend keeps console credentials: encoded salted hashes, never a secret. */
class CredentialStorage
{
public:
    virtual ~CredentialStorage() = default;

    /** Records or replaces the console's hash (SecretHash::toString()). */
    virtual Result<void> upsertConsole(const QString &storeId, const QString &consoleId,
                                       const QString &secretHash, qint64 createdAtMs) = 0;
    /** The console's encoded hash; empty when the console is unknown or unreadable. */
    virtual QString consoleHash(const QString &storeId, const QString &consoleId) = 0;
    /** Grants (or, granted false, withdraws) a right to a known console; refused for others. */
    virtual Result<void> setConsoleRight(const QString &storeId, const QString &consoleId,
                                         const QString &right, bool granted,
                                         qint64 changedAtMs) = 0;
    /** The rights the console holds, by name; none when it is unknown or holds none. */
    virtual QStringList consoleRights(const QString &storeId, const QString &consoleId) = 0;
};
