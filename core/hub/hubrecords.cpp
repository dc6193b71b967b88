// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubrecords.h"

#include "storage/hubstorage.h"

HubRecords::HubRecords(std::unique_ptr<HubStorage> storage, const Clock &clock, int hashIterations)
    : m_storage(std::move(storage))
    , m_clock(clock)
    , m_stores(*m_storage, clock)
    , m_credentials(*m_storage, m_stores, clock, hashIterations)
    , m_pairing(*m_storage, m_stores, m_credentials, clock)
    , m_log(*m_storage, m_stores, clock)
    , m_idempotency(*m_storage, clock)
{ }

HubRecords::~HubRecords() = default;

Result<void> HubRecords::open()
{
    return m_storage->open();
}

bool HubRecords::isOpen() const
{
    return m_storage->isOpen();
}

QString HubRecords::location() const
{
    return m_storage->location();
}

std::unique_ptr<HubStorage> HubRecords::anotherStorage() const
{
    return m_storage->another();
}
