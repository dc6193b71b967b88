// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "order/order.h"
#include "order/orderhistory.h"

#include <QHash>
#include <QString>
#include <QStringList>

class Store;

/** What a verify run found. */
struct VerifyReport
{
    int ordersChecked = 0;
    qint64 eventsReplayed = 0;
    QStringList problems; // one line each, for people

    bool ok() const { return problems.isEmpty(); }
};

/** Rebuilds the order projection from the event log and compares it with the stored one. */
class ProjectionVerifier final
{
public:
    explicit ProjectionVerifier(Store &store) : m_store(store) { }

    /** Replays the whole log into a fresh projection; problems lists events that do not apply. */
    QHash<QString, Order> replay(QStringList *problems) const;
    /**
     * Proves the stored projection equals the one rebuilt from the log, and that no event has two
     * answers from the platform. Reads everything in one read transaction (one WAL snapshot), so
     * it can run beside a console that is writing.
     */
    VerifyReport verify() const;
    /** Replaces the stored projection with the one replayed from the log, in one transaction. */
    Result<void> rebuild();

private:
    /** Adds a problem if what the platform said about one event cannot be true. */
    static void checkPlatformStatus(const HistoryEntry &entry, const QString &rejectedReason,
                                    QStringList *problems);

    Store &m_store;
};
