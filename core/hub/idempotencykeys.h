// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/idempotencystorage.h"

#include <QString>

#include <optional>

class Clock;

/** The HTTP API's idempotency keys: the first response to a key is the answer for good. */
class IdempotencyKeys final
{
public:
    IdempotencyKeys(IdempotencyStorage &storage, const Clock &clock);
    Q_DISABLE_COPY_MOVE(IdempotencyKeys)

    /** The response stored for an idempotency key, if any. */
    std::optional<IdempotentResponse> response(const QString &storeId, const QString &key);
    /** Stores the first response for a key; fails if the key already has one. */
    Result<void> save(const QString &storeId, const QString &key,
                      const IdempotentResponse &response);
    /** Forgets idempotency records created before cutoffMs; returns how many. */
    int pruneBefore(qint64 cutoffMs);

private:
    IdempotencyStorage &m_storage;
    const Clock &m_clock;
};
