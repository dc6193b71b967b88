// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultydisk.h"

#include <QByteArray>
#include <QMutex>
#include <QMutexLocker>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace {

QMutex lock; // guards prefix: connections write from several threads
QByteArray prefix;
std::atomic<int> currentFault {int(FaultyDisk::Fault::None)};
std::atomic<int> refused {0};
sqlite3_vfs *realVfs = nullptr;
sqlite3_vfs faultyVfs;

/** The file as SQLite sees it, with the real VFS's file right behind it in the same block. */
struct FaultyFile
{
    sqlite3_file base;
    const char *name; // SQLite keeps it valid until the file is closed
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

FaultyFile *faulty(sqlite3_file *file)
{
    return reinterpret_cast<FaultyFile *>(file);
}

bool isWatched(const FaultyFile *file)
{
    const QMutexLocker locker(&lock);
    return file->name && !prefix.isEmpty()
            && std::strncmp(file->name, prefix.constData(), size_t(prefix.size())) == 0;
}

int failure(FaultyFile *file, int ioErrorCode)
{
    if (FaultyDisk::Fault(currentFault.load()) == FaultyDisk::Fault::None || !isWatched(file))
        return SQLITE_OK;
    switch (FaultyDisk::Fault(currentFault.load())) {
    case FaultyDisk::Fault::None:
        return SQLITE_OK;
    case FaultyDisk::Fault::Full:
        ++refused;
        return SQLITE_FULL;
    case FaultyDisk::Fault::IoError:
        ++refused;
        return ioErrorCode;
    }
    return SQLITE_OK;
}

int fileClose(sqlite3_file *file)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
}
int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xRead(real, buffer, amount, offset);
}
int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = failure(faulty(file), SQLITE_IOERR_WRITE))
        return rc;
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xWrite(real, buffer, amount, offset);
}
int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    if (const int rc = failure(faulty(file), SQLITE_IOERR_TRUNCATE))
        return rc;
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xTruncate(real, size);
}
int fileSync(sqlite3_file *file, int flags)
{
    // A full disk fails the write before it; a sync fails only with an I/O error.
    if (FaultyDisk::Fault(currentFault.load()) == FaultyDisk::Fault::IoError) {
        if (const int rc = failure(faulty(file), SQLITE_IOERR_FSYNC))
            return rc;
    }
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xSync(real, flags);
}
int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xFileSize(real, size);
}
int fileLock(sqlite3_file *file, int level)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xLock(real, level);
}
int fileUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xUnlock(real, level);
}
int fileCheckReservedLock(sqlite3_file *file, int *out)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xCheckReservedLock(real, out);
}
int fileControl(sqlite3_file *file, int op, void *arg)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xFileControl(real, op, arg);
}
int fileSectorSize(sqlite3_file *file)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xSectorSize(real);
}
int fileDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xDeviceCharacteristics(real);
}
int fileShmMap(sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xShmMap(real, page, size, extend, out);
}
int fileShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xShmLock(real, offset, n, flags);
}
void fileShmBarrier(sqlite3_file *file)
{
    sqlite3_file *real = faulty(file)->real();
    real->pMethods->xShmBarrier(real);
}
int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *real = faulty(file)->real();
    return real->pMethods->xShmUnmap(real, deleteFlag);
}
int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    // No memory-mapped reads: every page goes through xRead, where a test can see it.
    Q_UNUSED(file)
    Q_UNUSED(offset)
    Q_UNUSED(amount)
    *out = nullptr;
    return SQLITE_OK;
}
int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    Q_UNUSED(file)
    Q_UNUSED(offset)
    Q_UNUSED(page)
    return SQLITE_OK;
}

const sqlite3_io_methods faultyMethods = {
    3,
    fileClose,
    fileRead,
    fileWrite,
    fileTruncate,
    fileSync,
    fileSize,
    fileLock,
    fileUnlock,
    fileCheckReservedLock,
    fileControl,
    fileSectorSize,
    fileDeviceCharacteristics,
    fileShmMap,
    fileShmLock,
    fileShmBarrier,
    fileShmUnmap,
    fileFetch,
    fileUnfetch,
};

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *wrapper = faulty(file);
    std::memset(wrapper, 0, sizeof(FaultyFile));
    const int rc = realVfs->xOpen(realVfs, name, wrapper->real(), flags, outFlags);
    if (rc != SQLITE_OK)
        return rc; // base.pMethods stays null: SQLite will not call xClose
    wrapper->name = name;
    wrapper->base.pMethods = &faultyMethods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return realVfs->xDelete(realVfs, name, syncDir);
}
int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return realVfs->xAccess(realVfs, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return realVfs->xFullPathname(realVfs, name, size, out);
}
void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return realVfs->xDlOpen(realVfs, name);
}
void vfsDlError(sqlite3_vfs *, int size, char *out)
{
    realVfs->xDlError(realVfs, size, out);
}
void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return realVfs->xDlSym(realVfs, handle, symbol);
}
void vfsDlClose(sqlite3_vfs *, void *handle)
{
    realVfs->xDlClose(realVfs, handle);
}
int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return realVfs->xRandomness(realVfs, size, out);
}
int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return realVfs->xSleep(realVfs, microseconds);
}
int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return realVfs->xCurrentTime(realVfs, out);
}
int vfsGetLastError(sqlite3_vfs *, int size, char *out)
{
    return realVfs->xGetLastError ? realVfs->xGetLastError(realVfs, size, out) : 0;
}
int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return realVfs->xCurrentTimeInt64(realVfs, out);
}

} // namespace

bool FaultyDisk::install()
{
    if (realVfs)
        return true;
    sqlite3_initialize();
    realVfs = sqlite3_vfs_find(nullptr);
    if (!realVfs)
        return false;
    std::memset(&faultyVfs, 0, sizeof(faultyVfs));
    faultyVfs.iVersion = 2;
    faultyVfs.szOsFile = int(sizeof(FaultyFile)) + realVfs->szOsFile;
    faultyVfs.mxPathname = realVfs->mxPathname;
    faultyVfs.zName = "kc-faulty-disk";
    faultyVfs.xOpen = vfsOpen;
    faultyVfs.xDelete = vfsDelete;
    faultyVfs.xAccess = vfsAccess;
    faultyVfs.xFullPathname = vfsFullPathname;
    faultyVfs.xDlOpen = vfsDlOpen;
    faultyVfs.xDlError = vfsDlError;
    faultyVfs.xDlSym = vfsDlSym;
    faultyVfs.xDlClose = vfsDlClose;
    faultyVfs.xRandomness = vfsRandomness;
    faultyVfs.xSleep = vfsSleep;
    faultyVfs.xCurrentTime = vfsCurrentTime;
    faultyVfs.xGetLastError = vfsGetLastError;
    faultyVfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    return sqlite3_vfs_register(&faultyVfs, 1) == SQLITE_OK;
}

void FaultyDisk::fail(const QString &pathPrefix, Fault fault)
{
    {
        const QMutexLocker locker(&lock);
        prefix = pathPrefix.toUtf8();
    }
    currentFault = int(fault);
}

void FaultyDisk::heal()
{
    currentFault = int(Fault::None);
}

int FaultyDisk::refusedWrites()
{
    return refused.load();
}
