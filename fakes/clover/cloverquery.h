// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/clover/cloverorderbook.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

/**
 * Clover's list query for orders: repeated `filter=` expressions (all must hold), `orderBy`,
 * `limit` (default 100, at most 1000) and `offset`. Newest first by createdTime unless `orderBy`
 * says otherwise, so offset paging is stable while nothing new arrives.
 */
namespace CloverQuery {
/** The fields `filter=` may name; the list answer carries them in X-Clover-Allowed-Filter-Fields. */
const QStringList &orderFilterFields();

struct Page
{
    std::optional<CloverRefusal> refusal;
    QList<QJsonObject> orders;
};

/** The page of `orders` the query asks for. */
Page run(const QList<QJsonObject> &orders, const QUrlQuery &query);

/** limit and offset from a query (defaults 100 and 0), or a refusal. */
std::optional<CloverRefusal> paging(const QUrlQuery &query, int *limit, int *offset);
} // namespace CloverQuery
