// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeregistry.h"

#include "hublogging.h"
#include "storage/registrystorage.h"

#include "common/clock.h"

StoreRegistry::StoreRegistry(RegistryStorage &storage, const Clock &clock)
    : m_storage(storage)
    , m_clock(clock)
{ }

Result<void> StoreRegistry::add(const QString &storeId)
{
    if (storeId.trimmed().isEmpty())
        return Failure {QStringLiteral("a store id must not be empty")};
    Result<void> inserted = m_storage.insertStore(storeId, m_clock.nowMs());
    if (!inserted)
        qCWarning(lcHubLog).noquote() << "cannot add store" << storeId << ":" << inserted.error();
    return inserted;
}

bool StoreRegistry::contains(const QString &storeId)
{
    return m_storage.hasStore(storeId);
}

QStringList StoreRegistry::ids()
{
    return m_storage.storeIds();
}
