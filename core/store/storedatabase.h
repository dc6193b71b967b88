// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include <QSqlDatabase>

/**
 * The store's raw SQLite connection, for the store's own collaborators (outbox, verifier, repair)
 * and for tests that look under the API. Nothing in ui/ or app/ may include this header
 * (scripts/check-arrows): they go through Store's API, which keeps every write one transaction.
 */
class StoreDatabase final
{
public:
    static QSqlDatabase of(const Store &store);
};
