// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench/lockwait: how long a write waits for another connection's lock, beyond the lock itself.
//
// The board's staff commands and the incoming writer's batches write one store file through two
// connections; a bump that comes while a batch commits waits for it, on the GUI thread. The holder
// here (a thread with a connection of its own) takes the write lock for 1 to 20 ms, as a batch's
// commit does; the waiter asks for the lock right after and is timed until it has it.
//
// lock_wait_ms: the mean wait of a SqliteConnection (the console's connections), against
//   lock_still_held_ms: the mean time the holder still held the lock after the waiter asked,
//   which is what a waiter that knew the moment of release would wait.
// sqlite_busy_timeout_wait_ms: the same for a connection with SQLite's own busy_timeout, which
//   sleeps 1, 2, 5, 10, 15, 20, 25 ms and longer between looks (what the console used before).
//   Context for the first figure, against the same baseline.
#include "benchfigure.h"

#include "common/sqliteconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QList<int> holdsMs = {1, 2, 5, 10, 20};
constexpr int busyTimeoutMs = 5000;

/** One wait: when the waiter asked, when the holder let go, when the waiter had the lock. */
struct Wait
{
    qint64 askedNs = 0;
    qint64 releasedNs = 0;
    qint64 acquiredNs = 0;
};

/** Takes the file's write lock for the hold it is given, once per round, on its own thread. */
class Holder final : public QThread
{
public:
    Holder(QString path, const QElapsedTimer &clock, const QList<int> &holds)
        : m_path(std::move(path)), m_clock(clock), m_holds(holds)
    {
    }

    QSemaphore go; // the waiter is ready for the next round
    QSemaphore held; // the lock is taken
    QList<qint64> releasedNs;
    QString error;

protected:
    void run() override
    {
        SqliteConnection connection(QStringLiteral("bench-holder"));
        if (Result<void> opened = connection.open(m_path, SqliteConnection::Access::ReadWrite,
                                                   busyTimeoutMs);
            !opened) {
            error = opened.error();
        }
        for (const int holdMs : m_holds) {
            go.acquire();
            if (error.isEmpty()) {
                if (Result<void> begun = connection.exec(QStringLiteral("BEGIN IMMEDIATE"));
                    !begun)
                    error = begun.error();
            }
            held.release();
            if (!error.isEmpty()) {
                releasedNs.append(0);
                continue;
            }
            QThread::usleep(holdMs * 1000UL);
            if (Result<void> ended = connection.exec(QStringLiteral("ROLLBACK")); !ended)
                error = ended.error();
            releasedNs.append(m_clock.nsecsElapsed());
        }
    }

private:
    QString m_path;
    const QElapsedTimer &m_clock;
    QList<int> m_holds;
};

/** Runs every hold once against the waiter's connection and returns the waits. */
QList<Wait> measure(const QString &path, const QSqlDatabase &waiter, const QList<int> &holds)
{
    QElapsedTimer clock;
    clock.start();
    Holder holder(path, clock, holds);
    holder.start();
    QList<Wait> waits;
    // A failure is checked once the holder has run every round: a QThread must not be destroyed
    // while it runs, and it waits for each round's go.
    QString waiterError;
    for (qsizetype i = 0; i < holds.size(); ++i) {
        holder.go.release();
        holder.held.acquire();
        Wait wait;
        wait.askedNs = clock.nsecsElapsed();
        const Result<void> taken =
                SqliteConnection::exec(waiter, QStringLiteral("BEGIN IMMEDIATE"));
        wait.acquiredNs = clock.nsecsElapsed();
        if (!taken) {
            waiterError = taken.error();
            continue;
        }
        if (const Result<void> let = SqliteConnection::exec(waiter, QStringLiteral("ROLLBACK"));
            !let)
            waiterError = let.error();
        waits.append(wait);
    }
    holder.wait();
    check(waiterError.isEmpty(), QStringLiteral("the waiter failed: ") + waiterError);
    check(holder.error.isEmpty(), holder.error);
    for (qsizetype i = 0; i < waits.size(); ++i)
        waits[i].releasedNs = holder.releasedNs.at(i);
    return waits;
}

double meanMs(const QList<Wait> &waits, qint64 Wait::*end)
{
    double totalNs = 0;
    for (const Wait &wait : waits)
        totalNs += double(wait.*end - wait.askedNs);
    return totalNs / 1e6 / double(waits.size());
}

QList<BenchFigure> measureAll(const QTemporaryDir &dir, int repeats)
{
    const QString path = dir.filePath(QStringLiteral("lockwait.sqlite"));
    SqliteConnection ours(QStringLiteral("bench-waiter"));
    Result<void> opened =
            ours.open(path, SqliteConnection::Access::ReadWrite, busyTimeoutMs);
    check(opened.ok(), opened.error());
    check(ours.useWriteAheadLog().ok(), QStringLiteral("no write-ahead log"));

    // SQLite's own busy_timeout, as QtSql and the console set it before.
    const QString bareName = QStringLiteral("bench-bare-waiter");
    {
        QSqlDatabase bare = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), bareName);
        bare.setDatabaseName(path);
        check(bare.open(), QStringLiteral("the bare waiter could not open the file"));
        check(SqliteConnection::exec(bare, QStringLiteral("PRAGMA busy_timeout = %1")
                                                   .arg(busyTimeoutMs))
                      .ok(),
              QStringLiteral("no busy_timeout"));
    }

    QList<int> holds;
    for (int i = 0; i < repeats; ++i)
        holds += holdsMs;
    QList<Wait> oursWaits;
    QList<Wait> bareWaits;
    // Rounds alternate which waiter goes first, so the machine's moods land on both.
    for (int round = 0; round < 4; ++round) {
        const QSqlDatabase bare = QSqlDatabase::database(bareName, false);
        if (round % 2 == 0) {
            oursWaits += measure(path, ours.database(), holds);
            bareWaits += measure(path, bare, holds);
        } else {
            bareWaits += measure(path, bare, holds);
            oursWaits += measure(path, ours.database(), holds);
        }
        progress() << "round " << round + 1 << " of 4\n";
        progress().flush();
    }
    QSqlDatabase::removeDatabase(bareName);

    const double oursHeld = meanMs(oursWaits, &Wait::releasedNs);
    const double bareHeld = meanMs(bareWaits, &Wait::releasedNs);
    return {
        {QStringLiteral("lockwait"), QStringLiteral("lock_wait_ms"), BenchFigure::Kind::Cost,
         meanMs(oursWaits, &Wait::acquiredNs), QStringLiteral("lock_still_held_ms"), oursHeld,
         std::nullopt},
        {QStringLiteral("lockwait"), QStringLiteral("sqlite_busy_timeout_wait_ms"),
         BenchFigure::Kind::Cost, meanMs(bareWaits, &Wait::acquiredNs),
         QStringLiteral("lock_still_held_ms"), bareHeld, std::nullopt},
    };
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = BenchRun::isQuickRun(
            QStringLiteral("How long a write waits for another connection's write lock, beyond "
                           "the lock itself: the console's busy handler against SQLite's own."),
            QStringLiteral("one pass of each hold instead of ten"));
    const int repeats = quick ? 1 : 10;
    return BenchRun::printFigures(QStringLiteral("lockwait"), [repeats](const QTemporaryDir &dir) {
        return measureAll(dir, repeats);
    });
}
