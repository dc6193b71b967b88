// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

class Clock;
class QSqlDatabase;

/** What a repair did, for the log, the staff's banner and support. */
struct RepairReport
{
    QString setAsidePath; // the damaged file now, kept for support; its -wal and -shm beside it
    QStringList damage; // what SQLite's check found, one line each
    qint64 eventsSalvaged = 0;
    qint64 unreadableEvents =
        0; // log positions SQLite could not read (lost unless a feed has them)
    qint64 pendingSalvaged = 0; // outbox rows of events the platform had not answered
    qint64 unreadablePending = 0; // outbox rows SQLite could not read
    qint64 requeued = 0; // this console's unanswered events queued again (their rows were lost)
    qint64 deadLettersSalvaged = 0;
    qint64 ordersRebuilt = 0;

    bool startedEmpty() const { return eventsSalvaged == 0; }
};

/**
 * Replaces a damaged store with a sound one. What SQLite can still read of the damaged file (the
 * event log, what the platform said about each event, the outbox rows of events it has not
 * answered, the dead letters) goes into a fresh file, whose projection is rebuilt from the
 * salvaged log; this console's own unanswered events whose rows were lost are queued again
 * (requeueLocal()). No cursor is kept: every feed replays its whole history, and the store drops
 * what it already holds by event id. The damaged file is renamed aside with a timestamp, never
 * deleted, and never opened except by SQLite, read-only.
 *
 * Nothing may hold the store open while it runs. A crash part-way leaves the damaged file in
 * place (the next start repairs again); one between the renames that swap the files leaves a
 * complete repaired file that completeInterrupted() puts in place.
 */
class StoreRepair final
{
public:
    explicit StoreRepair(const QString &path, const Clock &clock);
    Q_DISABLE_COPY_MOVE(StoreRepair)

    /**
     * Events with this origin (the console's id) that the platform has not answered, and that have
     * neither an outbox row nor a dead letter left, are queued again to these destinations: their
     * rows may have been on a damaged page, and a second copy of an event id is harmless.
     */
    void requeueLocal(const QString &origin, const QStringList &destinations);

    /**
     * Repairs the store at the path; refuses (and changes nothing) if SQLite finds no damage or
     * the file is not an SQLite database.
     */
    Result<RepairReport> repair();

    /**
     * Finishes a repair that stopped between setting the damaged file aside and putting the
     * repaired one in its place (a power cut); true if it did. Call before opening the store.
     */
    static bool completeInterrupted(const QString &path);

private:
    /** Copies what source can give into a fresh store at freshPath, checkpointed and closed. */
    Result<void> salvage(const QSqlDatabase &source, const QString &freshPath,
                         RepairReport *report) const;
    /** Renames the damaged file set to asidePath and the fresh file into its place. */
    Result<void> swapIn(const QString &freshPath, const QString &asidePath) const;
    QString setAsidePath() const;

    QString m_path;
    const Clock &m_clock;
    QString m_localOrigin;
    QStringList m_localDestinations;
};
