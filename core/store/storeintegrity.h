// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QSqlError;

/**
 * SQLite's own checks of a store file. Only SQLite reads the file: opening it any other way while
 * a connection holds it would drop the process's locks on it (DESIGN.md).
 */
namespace StoreIntegrity {

enum class Depth {
    Quick, // PRAGMA quick_check: every page and row readable, in time linear in the file's size
    Full, // PRAGMA integrity_check: also every index against its table
};

/** What SQLite says of an error: the file is not a database at all, or one that is damaged. */
enum class Verdict {
    Other,
    NotADatabase, // SQLITE_NOTADB: the file is something else (or its header is gone)
    Damaged, // SQLITE_CORRUPT: a database whose pages or rows cannot be read as written
};

/** Classifies an error that QtSql reported from SQLite. */
Verdict verdict(const QSqlError &error);

/**
 * Runs the check; returns what it found, one line each, empty when the file is sound. A check
 * that cannot run because the file is damaged reports that as damage; any other failure to run
 * it (a file that is not a database at all among them) is a failure.
 */
Result<QStringList> check(const QSqlDatabase &db, Depth depth);

} // namespace StoreIntegrity
