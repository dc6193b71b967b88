// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialstorage.h"
#include "eventstorage.h"
#include "idempotencystorage.h"
#include "pairingstorage.h"
#include "registrystorage.h"

#include <QString>

#include <memory>

/**
 * One backend for all of the hub's records (SqliteHubStorage, PostgresHubStorage): each job sees only its own small interface, and the backend adds opening.
 */
class HubStorage : public RegistryStorage,
                   public CredentialStorage,
                   public EventStorage,
                   public IdempotencyStorage,
                   public PairingStorage
{
public:
    ~HubStorage() override = default;

    /** Connects (creating or migrating the schema); the failure's reason is for people. */
    virtual Result<void> open() = 0;
    /** True between a successful open() and destruction. */
    virtual bool isOpen() const = 0;
    /** Where the records live (a file path, a server), for logs and errors. */
    virtual QString location() const = 0;
    /**
     * A second, unopened backend over the same records, for another thread (a connection
     * belongs to the thread that opens it): the hub's commit thread writes through one.
     */
    virtual std::unique_ptr<HubStorage> another() const = 0;
};
