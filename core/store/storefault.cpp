// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storefault.h"

#include <QSqlError>

namespace {
// SQLite's primary result codes (sqlite3.h); extended codes keep these in their low byte.
enum SqliteCode {
    sqlitePerm = 3,
    sqliteBusy = 5,
    sqliteLocked = 6,
    sqliteReadOnly = 8,
    sqliteIoErr = 10,
    sqliteCorrupt = 11,
    sqliteFull = 13,
    sqliteCantOpen = 14,
    sqliteNotADb = 26,
};
} // namespace

StoreFault StoreFaults::fromSqliteCode(int code)
{
    switch (code & 0xff) {
    case 0:
        return StoreFault::None;
    case sqliteFull:
        return StoreFault::DiskFull;
    case sqliteBusy:
    case sqliteLocked:
        return StoreFault::Busy;
    case sqliteIoErr:
        return StoreFault::IoError;
    case sqliteCorrupt:
    case sqliteNotADb:
        return StoreFault::Damaged;
    case sqliteReadOnly:
    case sqliteCantOpen:
    case sqlitePerm:
        return StoreFault::ReadOnly;
    default:
        return StoreFault::Other;
    }
}

StoreFault StoreFaults::classify(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return StoreFault::None;
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber);
    return isNumber ? fromSqliteCode(code) : StoreFault::Other;
}

QString StoreFaults::forStaff(StoreFault fault)
{
    switch (fault) {
    case StoreFault::None:
        return {};
    case StoreFault::DiskFull:
        return tr("The console's disk is full, so changes cannot be saved. Tell the manager.");
    case StoreFault::Busy:
        return tr("Another program is holding the order database, so changes cannot be saved "
                  "right now. Try again in a moment; if it keeps happening, tell the manager.");
    case StoreFault::IoError:
        return tr("The console's disk failed to save. Try again; if it keeps happening, tell "
                  "the manager.");
    case StoreFault::Damaged:
        return tr("The order database is damaged. Restart the console so it can repair it, "
                  "and tell the manager.");
    case StoreFault::ReadOnly:
        return tr("The order database cannot be written (read-only or no permission). Tell the "
                  "manager.");
    case StoreFault::Other:
        break;
    }
    return tr("The change could not be saved. Try again; if it keeps happening, tell the "
              "manager.");
}

QString StoreFaults::name(StoreFault fault)
{
    switch (fault) {
    case StoreFault::None:
        return QStringLiteral("none");
    case StoreFault::DiskFull:
        return QStringLiteral("disk_full");
    case StoreFault::Busy:
        return QStringLiteral("busy");
    case StoreFault::IoError:
        return QStringLiteral("io_error");
    case StoreFault::Damaged:
        return QStringLiteral("damaged");
    case StoreFault::ReadOnly:
        return QStringLiteral("read_only");
    case StoreFault::Other:
        break;
    }
    return QStringLiteral("other");
}
