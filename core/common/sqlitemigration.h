// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

/** The one way our SQLite files (the console's store, the hub's log) move up a schema version. */
namespace SqliteMigration {
/**
 * Runs one migration's statements and stamps the file with applicationId and version, all in one
 * transaction: a failed migration leaves the file exactly as it was.
 */
Result<void> apply(QSqlDatabase &db, int version, const QStringList &statements,
                   int applicationId);
} // namespace SqliteMigration
