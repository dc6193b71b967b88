// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlError;

/** Why a store write failed, in the classes staff can be told about and act on. */
enum class StoreFault {
    None,
    DiskFull, // SQLITE_FULL: the disk (or the store's size limit) has no room
    Busy, // SQLITE_BUSY / SQLITE_LOCKED: another program held the file past the busy timeout
    IoError, // SQLITE_IOERR: the disk refused a read, write or sync
    Damaged, // SQLITE_CORRUPT / SQLITE_NOTADB: the file is not what SQLite wrote
    ReadOnly, // SQLITE_READONLY / SQLITE_CANTOPEN / SQLITE_PERM: the file cannot be written
    Other,
};

/** Classifies SQLite's errors and words them for the people at the screen. */
class StoreFaults final
{
    Q_DECLARE_TR_FUNCTIONS(StoreFaults)

public:
    /** The class of a driver error, from SQLite's primary result code. */
    static StoreFault classify(const QSqlError &error);
    /** The class of an SQLite result code (primary or extended). */
    static StoreFault fromSqliteCode(int code);
    /** One sentence a cook reads: what is wrong and what to do; never SQLite's own text. */
    static QString forStaff(StoreFault fault);
    /** A short word for logs and tests: "disk_full", "busy", … */
    static QString name(StoreFault fault);
};
