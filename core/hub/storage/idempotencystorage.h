// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

/** A stored HTTP response for an idempotency key (reliability.md §1). */
struct IdempotentResponse
{
    QByteArray requestHash; // hex SHA-256 of the request that created it
    int status = 0;
    QByteArray body;
};

/** Where a hub backend keeps the HTTP API's idempotency records. */
class IdempotencyStorage
{
public:
    virtual ~IdempotencyStorage() = default;

    /** The response recorded for the store's key, if any. */
    virtual std::optional<IdempotentResponse> response(const QString &storeId,
                                                       const QString &key) = 0;
    /** Records the first response for a key; fails if the key has one already. */
    virtual Result<void> insertResponse(const QString &storeId, const QString &key,
                                        const IdempotentResponse &response, qint64 createdAtMs) = 0;
    /** Deletes the records created before cutoffMs; how many, or 0 after logging a failure. */
    virtual int deleteResponsesBefore(qint64 cutoffMs) = 0;
};
