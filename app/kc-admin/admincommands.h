// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exitcode.h"

#include "order/order.h"

#include <QString>

#include <optional>

class Clock;
class QTextStream;
class Store;

/** Text for people, or one JSON object per line for scripts. */
enum class OutputFormat {
    Text,
    JsonLines,
};

/**
 * kc-admin's commands over an open store: each reads what it needs, prints it and returns the exit
 * code. Results go to out, problems with the request to err.
 */
class AdminCommands final
{
public:
    AdminCommands(Store &store, const Clock &clock, QTextStream &out, QTextStream &err);
    Q_DISABLE_COPY_MOVE(AdminCommands)

    /** Open orders (or all of them), oldest first. */
    ExitCode list(bool includeClosed, OutputFormat format);
    /** One order's events in log order; the order is named by id or ticket number. */
    ExitCode events(const QString &orderRef, OutputFormat format);
    /** Compares the projection with the log; ProblemsFound if they disagree. */
    ExitCode verify();
    /** Replaces the projection with the one replayed from the log. */
    ExitCode rebuild();
    /** Pending outbox entries, the oldest one's age, and the dead letters. */
    ExitCode outbox();
    /** SQLite's full integrity check of the file; StoreDamaged if it finds anything. */
    ExitCode check();
    /** Puts a dead letter back in its destination's queue, in the manager's name (reason optional). */
    ExitCode redrive(qint64 deadLetterId, const QString &managerId, const QString &reason = {});
    /** Lets a dead letter go, in the manager's name and for reason; its order's parked events go. */
    ExitCode discard(qint64 deadLetterId, const QString &managerId, const QString &reason);
    /** Moves orders finished over afterDays ago to their monthly archive files (StoreArchiver). */
    ExitCode archive(int afterDays);

private:
    std::optional<Order> findOrder(const QString &orderRef);
    /** The archived order orderRef names (its id, or its ticket number: the latest). */
    std::optional<QString> findArchivedOrder(const QString &orderRef);
    /** An archived order's events, read from its archive file. */
    ExitCode archivedEvents(const QString &orderId, OutputFormat format);
    /** Says on stderr that a ticket number matched more orders than the one shown. */
    void tellOfOthers(const QString &number, qsizetype matches, const QString &shownId);
    ExitCode decide(qint64 deadLetterId, const QString &managerId, const QString &reason,
                    bool redrive);

    Store &m_store;
    const Clock &m_clock;
    QTextStream &m_out;
    QTextStream &m_err;
};
