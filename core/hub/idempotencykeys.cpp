// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "idempotencykeys.h"

#include "common/clock.h"

IdempotencyKeys::IdempotencyKeys(IdempotencyStorage &storage, const Clock &clock)
    : m_storage(storage)
    , m_clock(clock)
{ }

std::optional<IdempotentResponse> IdempotencyKeys::response(const QString &storeId,
                                                            const QString &key)
{
    return m_storage.response(storeId, key);
}

Result<void> IdempotencyKeys::save(const QString &storeId, const QString &key,
                                   const IdempotentResponse &response)
{
    return m_storage.insertResponse(storeId, key, response, m_clock.nowMs());
}

int IdempotencyKeys::pruneBefore(qint64 cutoffMs)
{
    return m_storage.deleteResponsesBefore(cutoffMs);
}
