// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

/** Where a hub backend keeps the stores it serves. StoreRegistry holds the rules. */
class RegistryStorage
{
public:
    virtual ~RegistryStorage() = default;

    /** Records a store unless it is there already; fails on a write failure. */
    virtual Result<void> insertStore(const QString &storeId, qint64 createdAtMs) = 0;
    /** True when the store is recorded. */
    virtual bool hasStore(const QString &storeId) = 0;
    /** Every recorded store id, sorted. */
    virtual QStringList storeIds() = 0;
};
