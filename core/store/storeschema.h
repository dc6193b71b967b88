// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

/**
 * The store's numbered migrations. The version lives in PRAGMA user_version and our files carry
 * PRAGMA application_id, so a foreign SQLite file is never mistaken for a store.
 */
namespace StoreSchema {
constexpr int latestVersion = 7;
/** "KCST": marks a file as a Kitchen Console store. */
constexpr int applicationId = 0x4B435354;

/** The file's schema version (0 for a new, empty file). */
Result<int> version(const QSqlDatabase &db);
/** Runs each migration after the current version up to target, each in its own transaction. */
Result<void> migrate(QSqlDatabase &db, int targetVersion);
} // namespace StoreSchema
