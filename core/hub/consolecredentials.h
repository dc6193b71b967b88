// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrethasher.h"

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

class Clock;
class CredentialStorage;
class StoreRegistry;

/** What ConsoleCredentials::check() found: verify the secret against hash (a decoy if !known). */
struct CredentialCheck
{
    SecretHash hash;
    bool known = false;
};

/** Each console's credential, kept as a salted hash only, that a hello's secret must match. */
class ConsoleCredentials final
{
public:
    /**
     * hashIterations: PBKDF2 rounds for new console credentials. Console secrets are 32 random
     * bytes, which no number of rounds makes easier to guess; the rounds only cost the hub's event
     * loop at every hello (about 2 ms per 1,000 here), so the minimum is the default. Human-chosen
     * secrets (manager PINs) are hashed elsewhere with SecretHasher's slow default.
     */
    ConsoleCredentials(CredentialStorage &storage, StoreRegistry &stores, const Clock &clock,
                       int hashIterations = SecretHasher::minIterations);
    Q_DISABLE_COPY_MOVE(ConsoleCredentials)

    /** A new console secret: 32 random bytes, as URL-safe base64 text. */
    static QByteArray newSecret();
    /** Registers or replaces a console's credential. */
    Result<void> add(const QString &storeId, const QString &consoleId, const QByteArray &secret);
    /** True when the console exists in the store and the secret matches its stored hash. */
    bool authenticate(const QString &storeId, const QString &consoleId, const QByteArray &secret);
    /**
     * The hash a hello's secret must be verified against: the console's own, or a decoy that
     * matches nothing (same cost) when the console is unknown. Reads only; verify elsewhere.
     */
    CredentialCheck check(const QString &storeId, const QString &consoleId);
    /** Grants or withdraws a right (Submitter::posRelayRight, managerRight) to a console. */
    Result<void> setRight(const QString &storeId, const QString &consoleId, const QString &right,
                          bool granted);
    /** The rights a console holds, for the Submitter its session makes. */
    QStringList rights(const QString &storeId, const QString &consoleId);

private:
    CredentialStorage &m_storage;
    StoreRegistry &m_stores;
    const Clock &m_clock;
    int m_hashIterations;
    std::optional<SecretHash> m_decoyHash; // verified against for unknown consoles
};
