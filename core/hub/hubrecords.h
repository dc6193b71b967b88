// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "consolecredentials.h"
#include "hublog.h"
#include "idempotencykeys.h"
#include "pairingdesk.h"
#include "secrethasher.h"
#include "storeregistry.h"

#include <QString>

#include <memory>

class Clock;
class HubStorage;

/**
 * Everything order-hub keeps, on one storage backend: the store registry, console credentials
 * and their pairing codes, the event log and the HTTP idempotency keys, each its own class. The composition root picks
 * the backend (SqliteHubStorage) and hands the records to the Hub.
 */
class HubRecords final
{
public:
    /** hashIterations: PBKDF2 rounds for new console credentials (see ConsoleCredentials). */
    HubRecords(std::unique_ptr<HubStorage> storage, const Clock &clock,
               int hashIterations = SecretHasher::minIterations);
    ~HubRecords();
    Q_DISABLE_COPY_MOVE(HubRecords)

    /** Opens the backend (creating or migrating it); the failure's reason is for people. */
    Result<void> open();
    /** True between a successful open() and destruction. */
    bool isOpen() const;
    /** Where the records live (the SQLite file). */
    QString location() const;
    /** A second, unopened backend over the same records, for another thread. */
    std::unique_ptr<HubStorage> anotherStorage() const;
    /** The clock the records stamp their rows with. */
    const Clock &clock() const { return m_clock; }

    StoreRegistry &stores() { return m_stores; }
    ConsoleCredentials &credentials() { return m_credentials; }
    PairingDesk &pairing() { return m_pairing; }
    HubLog &log() { return m_log; }
    IdempotencyKeys &idempotency() { return m_idempotency; }

private:
    std::unique_ptr<HubStorage> m_storage;
    const Clock &m_clock;
    StoreRegistry m_stores;
    ConsoleCredentials m_credentials;
    PairingDesk m_pairing;
    HubLog m_log;
    IdempotencyKeys m_idempotency;
};
