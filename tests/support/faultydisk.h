// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * A disk that fails on demand, for tests: an SQLite VFS that wraps the default one and makes it
 * the process's default, so every connection opened afterwards (Qt's QSQLITE driver included)
 * goes through it. While a fault is set, writes and syncs of files under a path prefix fail the
 * way a real disk fails them: a full disk (SQLITE_FULL, as ENOSPC gives) or an I/O error
 * (SQLITE_IOERR_WRITE / _FSYNC, as EIO gives). Reads always work. Nothing in the product knows
 * about it: the store sees what it would see on a real failing disk.
 */
class FaultyDisk final
{
public:
    enum class Fault { None, Full, IoError };

    /** Registers the VFS as the default; call before opening any store. Idempotent. */
    static bool install();
    /** From now on, writes to files whose path starts with pathPrefix fail with fault. */
    static void fail(const QString &pathPrefix, Fault fault);
    /** Writes work again. */
    static void heal();
    /** Writes refused since install(), for tests that must see the fault was hit. */
    static int refusedWrites();
};
