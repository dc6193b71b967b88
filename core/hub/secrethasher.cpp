// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrethasher.h"

#include "common/randombytes.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QStringList>

namespace {

const QLatin1StringView scheme("pbkdf2-sha256");

QByteArray derive(const QByteArray &secret, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, secret, salt, iterations,
                                              SecretHasher::hashBytes);
}

std::optional<QByteArray> strictBase64(const QString &text)
{
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    // Only the canonical spelling: anything that re-encodes differently was altered.
    if (QString::fromLatin1(decoded.decoded.toBase64()) != text)
        return std::nullopt;
    return decoded.decoded;
}

// Touches every byte whatever the contents, so timing says nothing about where a mismatch is.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false; // lengths are public (always hashBytes for well-formed records)
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString SecretHash::toString() const
{
    return scheme + u'$' + QString::number(iterations) + u'$' + QString::fromLatin1(salt.toBase64())
        + u'$' + QString::fromLatin1(hash.toBase64());
}

Result<SecretHash> SecretHash::fromString(const QString &text)
{
    const QStringList parts = text.split(u'$');
    if (parts.size() != 4 || parts.at(0) != scheme)
        return Failure {QStringLiteral("not a %1 hash").arg(scheme)};
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || parts.at(1) != QString::number(iterations)
        || iterations < SecretHasher::minIterations || iterations > SecretHasher::maxIterations)
        return Failure {QStringLiteral("iterations \"%1\" outside %2..%3")
                            .arg(parts.at(1))
                            .arg(SecretHasher::minIterations)
                            .arg(SecretHasher::maxIterations)};
    const auto salt = strictBase64(parts.at(2));
    if (!salt || salt->size() < SecretHasher::saltBytes)
        return Failure {QStringLiteral("a malformed or short salt")};
    const auto hash = strictBase64(parts.at(3));
    if (!hash || hash->size() != SecretHasher::hashBytes)
        return Failure {QStringLiteral("a malformed hash")};
    return SecretHash {*salt, iterations, *hash};
}

namespace SecretHasher {

SecretHash hash(const QByteArray &secret, int iterations)
{
    SecretHash result;
    result.salt = RandomBytes::generate(saltBytes);
    result.iterations = qBound(minIterations, iterations, maxIterations);
    result.hash = derive(secret, result.salt, result.iterations);
    return result;
}

bool verify(const QByteArray &secret, const SecretHash &stored)
{
    if (stored.iterations < minIterations || stored.iterations > maxIterations
        || stored.salt.isEmpty() || stored.hash.size() != hashBytes)
        return false;
    return constantTimeEquals(derive(secret, stored.salt, stored.iterations), stored.hash);
}

} // namespace SecretHasher
