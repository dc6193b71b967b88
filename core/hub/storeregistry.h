// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

class Clock;
class RegistryStorage;

/** The stores the hub serves: a store must be registered before its consoles or events. */
class StoreRegistry final
{
public:
    StoreRegistry(RegistryStorage &storage, const Clock &clock);
    Q_DISABLE_COPY_MOVE(StoreRegistry)

    /** Registers a store; succeeds when it exists afterwards. */
    Result<void> add(const QString &storeId);
    /** True when the store is registered. */
    bool contains(const QString &storeId);
    /** Every registered store, sorted. */
    QStringList ids();

private:
    RegistryStorage &m_storage;
    const Clock &m_clock;
};
