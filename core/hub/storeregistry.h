// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

    /** Registers a store; true if it exists afterwards, else see errorString(). */
    bool add(const QString &storeId);
    /** True when the store is registered. */
    bool contains(const QString &storeId);
    /** Every registered store, sorted. */
    QStringList ids();
    /** Why the last add() failed, for logs and people. */
    QString errorString() const { return m_error; }

private:
    RegistryStorage &m_storage;
    const Clock &m_clock;
    QString m_error;
};
