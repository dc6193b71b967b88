// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/protocol.h"

#include <QHash>
#include <QList>
#include <QString>

#include <variant>

class Clock;
class ConsoleCredentials;
class HubStorage;
class StoreRegistry;

/** A pairing code as issued: shown once to whoever runs the hub, kept only as a hash. */
struct IssuedPairingCode
{
    QString code; // readable form, "ABCD-EFGH"
    QString storeId;
    QString consoleId;
    qint64 expiresAtMs = 0;
};

/**
 * One-time pairing codes: whoever runs the hub issues a short code for a store's console (order-hub
 * --pair, or the HTTP admin API); the console trades it once, over the link, for its credential,
 * which it keeps in its keyring. So a new screen joins without anyone typing or seeing a secret.
 * Codes live a few minutes and are stored hashed; wrong tries are counted per address and overall,
 * and past a limit every try is refused for a while, right or wrong.
 */
class PairingDesk final
{
public:
    static constexpr qint64 defaultLifetimeMs = 10 * 60'000;
    /** Characters in a code: 40 bits from a 32-letter alphabet without 0, O, 1 and I. */
    static constexpr int codeLength = 8;
    static constexpr int maxFailuresPerPeer = 5;
    static constexpr int maxFailuresOverall = 30;
    static constexpr qint64 failureWindowMs = 10 * 60'000;
    /** Used and expired codes are remembered this long, so a late try hears why it failed. */
    static constexpr qint64 rememberEndedMs = 24 * 60 * 60'000;

    PairingDesk(HubStorage &storage, StoreRegistry &stores, ConsoleCredentials &credentials,
                const Clock &clock);
    Q_DISABLE_COPY_MOVE(PairingDesk)

    /** A new code for the console (which need not exist yet) of a registered store. */
    Result<IssuedPairingCode> issue(const QString &storeId, const QString &consoleId,
                                    qint64 lifetimeMs = defaultLifetimeMs);
    /**
     * Trades a code typed at a console (peer: its address, for the limits) for the console's new
     * credential, replacing any it had; or the refusal to send, a PairingError code.
     */
    std::variant<Protocol::Paired, Protocol::Error> redeem(const QString &typed,
                                                           const QString &peer);

    /** The code as stored and compared: upper case, without the spaces and dashes people add. */
    static QString normalised(const QString &typed);

private:
    Protocol::Error refuse(QLatin1StringView code, const QString &message, const QString &peer);
    std::optional<qint64> lockedUntil(const QString &peer);

    HubStorage &m_storage;
    StoreRegistry &m_stores;
    ConsoleCredentials &m_credentials;
    const Clock &m_clock;
    QHash<QString, QList<qint64>> m_failuresByPeer; // times of wrong tries within the window
    QList<qint64> m_failures;
};
