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

bool StoreRegistry::add(const QString &storeId)
{
    if (storeId.trimmed().isEmpty()) {
        m_error = QStringLiteral("a store id must not be empty");
        return false;
    }
    if (!m_storage.insertStore(storeId, m_clock.nowMs(), &m_error)) {
        qCWarning(lcHubLog).noquote() << "cannot add store" << storeId << ":" << m_error;
        return false;
    }
    return true;
}

bool StoreRegistry::contains(const QString &storeId)
{
    return m_storage.hasStore(storeId);
}

QStringList StoreRegistry::ids()
{
    return m_storage.storeIds();
}
