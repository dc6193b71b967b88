// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolecredentials.h"

#include "hublogging.h"
#include "storage/credentialstorage.h"
#include "storeregistry.h"

#include "common/clock.h"
#include "common/randombytes.h"

ConsoleCredentials::ConsoleCredentials(CredentialStorage &storage, StoreRegistry &stores,
                                       const Clock &clock, int hashIterations)
    : m_storage(storage)
    , m_stores(stores)
    , m_clock(clock)
    , m_hashIterations(hashIterations)
{ }

QByteArray ConsoleCredentials::newSecret()
{
    return RandomBytes::generate(32).toBase64(QByteArray::Base64UrlEncoding
                                              | QByteArray::OmitTrailingEquals);
}

Result<void> ConsoleCredentials::add(const QString &storeId, const QString &consoleId,
                                     const QByteArray &secret)
{
    if (consoleId.trimmed().isEmpty() || secret.isEmpty())
        return Failure {QStringLiteral("a console needs an id and a secret")};
    if (!m_stores.contains(storeId))
        return Failure {QStringLiteral("there is no store %1").arg(storeId)};
    const SecretHash hash = SecretHasher::hash(secret, m_hashIterations);
    Result<void> stored =
        m_storage.upsertConsole(storeId, consoleId, hash.toString(), m_clock.nowMs());
    if (stored)
        qCInfo(lcHubLog).noquote()
            << "console" << consoleId << "of store" << storeId << "has a new credential";
    return stored;
}

bool ConsoleCredentials::authenticate(const QString &storeId, const QString &consoleId,
                                      const QByteArray &secret)
{
    const CredentialCheck found = check(storeId, consoleId);
    // Verified even for an unknown console, so timing does not tell which consoles exist.
    const bool matches = SecretHasher::verify(secret, found.hash);
    return found.known && matches;
}

CredentialCheck ConsoleCredentials::check(const QString &storeId, const QString &consoleId)
{
    const QString stored = m_storage.consoleHash(storeId, consoleId);
    std::optional<SecretHash> hash;
    if (!stored.isEmpty()) {
        Result<SecretHash> parsed = SecretHash::fromString(stored);
        if (!parsed)
            qCWarning(lcHubLog).noquote() << "unreadable credential hash for console" << consoleId
                                          << "of store" << storeId << ":" << parsed.error();
        hash = std::move(parsed).toOptional();
    }
    if (hash)
        return {*std::move(hash), true};
    // Made once, on the first unknown console: hashing it costs as much as a verification.
    if (!m_decoyHash)
        m_decoyHash = SecretHasher::hash(RandomBytes::generate(16), m_hashIterations);
    return {*m_decoyHash, false};
}

Result<void> ConsoleCredentials::setRight(const QString &storeId, const QString &consoleId,
                                          const QString &right, bool granted)
{
    Result<void> changed =
            m_storage.setConsoleRight(storeId, consoleId, right, granted, m_clock.nowMs());
    if (changed)
        qCInfo(lcHubLog).noquote() << "console" << consoleId << "of store" << storeId
                                   << (granted ? "holds" : "no longer holds") << "the right"
                                   << right;
    return changed;
}

QStringList ConsoleCredentials::rights(const QString &storeId, const QString &consoleId)
{
    return m_storage.consoleRights(storeId, consoleId);
}
