// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

/**
 * The store's numbered migrations. The version lives in PRAGMA user_version and our files carry
 * PRAGMA application_id, so a foreign SQLite file is never mistaken for a store.
 */
namespace StoreSchema {
constexpr int latestVersion = 4;
/** "KCST": marks a file as a Kitchen Console store. */
constexpr int applicationId = 0x4B435354;

/** The file's schema version (0 for a new, empty file). */
int version(const QSqlDatabase &db, QString *error);
/** The file's application id (0 for a new file). */
int fileApplicationId(const QSqlDatabase &db, QString *error);
/** True when the file holds no tables yet. */
bool isEmpty(const QSqlDatabase &db, QString *error);
/** Runs each migration after the current version up to target, each in its own transaction. */
bool migrate(QSqlDatabase &db, int targetVersion, QString *error);
} // namespace StoreSchema
