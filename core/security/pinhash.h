// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/**
 * A manager PIN as the keyring keeps it: PBKDF2-HMAC-SHA256 over a 16-byte random salt, written
 * as the self-describing record "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>". The record
 * carries its own iteration count, so raising the default later leaves older records readable
 * (ManagerPin rewrites one with the new count once its PIN is next entered). A PIN has so few
 * possible values that its hash is a secret too: records belong in the keyring only.
 * Deriving takes a deliberate ~225 ms: never on the GUI thread.
 */
class PinHash final
{
    Q_DECLARE_TR_FUNCTIONS(PinHash)

public:
    static constexpr int minDigits = 4;
    static constexpr int maxDigits = 8;
    /**
     * About 225 ms per hash on the target machine (Debian 12's Qt 6.4 QPasswordDigestor, whose
     * cost lives in libQt6Network whatever our build type: 120,000 rounds took 174 ms, 150,000 took
     * 226 ms): slow for a guesser, unnoticed by a manager.
     */
    static constexpr int defaultIterations = 150'000;
    /** The fewest rounds a record may name (tests use few; nothing we write has fewer). */
    static constexpr int minIterations = 1'000;
    /** The most, so a tampered record cannot stall a worker for minutes. */
    static constexpr int maxIterations = 10'000'000;
    static constexpr int saltBytes = 16;
    static constexpr int keyBytes = 32;

    /** Whether pin has the shape of a PIN: 4 to 8 digits 0–9, nothing else. */
    static bool isWellFormed(const QString &pin);
    /**
     * Why pin cannot become the manager PIN, in words for the manager; empty when it can. Besides
     * the shape, a PIN everyone tries first (one digit repeated, a run like 1234 or 9876) is
     * refused: with a handful of tries before a wait, those are the guesses that matter.
     */
    static QString refusal(const QString &pin);

    /** pin hashed under a fresh random salt; iterations are kept within min..maxIterations. */
    static PinHash create(const QString &pin, int iterations = defaultIterations);
    /** Reads a record; refuses a malformed one, saying why (never echoing the record). */
    static Result<PinHash> fromRecord(const QString &record);

    /** The record to keep: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>". */
    QString record() const;
    int iterations() const { return m_iterations; }
    /** Whether pin is the hashed PIN: same count and salt, compared in constant time. */
    bool matches(const QString &pin) const;

private:
    PinHash(int iterations, QByteArray salt, QByteArray key);
    static QByteArray derive(const QString &pin, const QByteArray &salt, int iterations);

    int m_iterations = 0;
    QByteArray m_salt;
    QByteArray m_key;
};
