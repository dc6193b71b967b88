// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

/** A salted PBKDF2-HMAC-SHA256 hash of a secret, as the hub stores console credentials. */
struct SecretHash
{
    QByteArray salt;
    int iterations = 0;
    QByteArray hash;

    /** "pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>". */
    QString toString() const;
    /** Parses toString()'s form; refuses anything malformed, weak (< 10,000 rounds) or absurd. */
    static Result<SecretHash> fromString(const QString &text);
};

namespace SecretHasher {

/** The fewest rounds fromString() and verify() accept. */
inline constexpr int minIterations = 10'000;
/** The most rounds fromString() accepts, so a tampered record cannot stall the hub. */
inline constexpr int maxIterations = 10'000'000;
inline constexpr int defaultIterations = 100'000;
inline constexpr int saltBytes = 16;
inline constexpr int hashBytes = 32;

/** Hashes a secret with a fresh random salt; iterations below minIterations are raised to it. */
SecretHash hash(const QByteArray &secret, int iterations = defaultIterations);
/** True when secret matches stored; the comparison takes the same time wherever they differ. */
bool verify(const QByteArray &secret, const SecretHash &stored);

} // namespace SecretHasher
