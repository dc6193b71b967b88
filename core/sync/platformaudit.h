// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QList>
#include <QStringList>

class Store;

/** What comparing a console with the platform found. */
struct PlatformAuditReport
{
    qint64 eventsChecked = 0; // the platform's events up to this console's cursor
    int ordersChecked = 0; // orders with no local event still waiting for a verdict
    QStringList problems; // one line each, for people

    bool ok() const { return problems.isEmpty(); }
};

/**
 * Compares a console's store with the platform's log, the authority on every order's history:
 * every platform event up to the console's cursor is stored here once, at the platform's place;
 * nothing refused here is in the platform's log and nothing logged there is refused here; and
 * every order with no local change still in flight looks here as the platform's log folds it;
 * and nothing here claims a place (or a cursor) beyond what the platform logged.
 * Log against projection is ProjectionVerifier's job; this is the console against its authority.
 */
class PlatformAudit final
{
public:
    explicit PlatformAudit(Store &store) : m_store(store) { }

    /** platformLog: the store's whole log as the platform has it, in sequence order from 1. */
    PlatformAuditReport compare(const QList<Protocol::SequencedEvent> &platformLog) const;

private:
    Store &m_store;
};
