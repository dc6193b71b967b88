// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinhash.h"

#include "common/randombytes.h"
#include "constanttime.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace {

const QLatin1StringView scheme("pbkdf2-sha256");
constexpr int maxSaltBytes = 64;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9'; // QChar::isDigit() also takes other scripts' digits
}

// Base64 in its one canonical spelling: anything that re-encodes differently was altered.
std::optional<QByteArray> strictBase64(const QString &text)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()
        || QString::fromLatin1(decoded.decoded.toBase64()) != text)
        return std::nullopt;
    return decoded.decoded;
}

// Every step the same distance (+1 or -1) from the one before: 1234, 98765.
bool isRun(const QString &pin)
{
    const int step = pin.at(1).unicode() - pin.at(0).unicode();
    if (step != 1 && step != -1)
        return false;
    for (qsizetype i = 2; i < pin.size(); ++i) {
        if (pin.at(i).unicode() - pin.at(i - 1).unicode() != step)
            return false;
    }
    return true;
}

} // namespace

bool PinHash::isWellFormed(const QString &pin)
{
    return pin.size() >= minDigits && pin.size() <= maxDigits
        && std::all_of(pin.cbegin(), pin.cend(), isAsciiDigit);
}

QString PinHash::refusal(const QString &pin)
{
    if (pin.isEmpty())
        return tr("Enter a PIN of %1 to %2 digits.").arg(minDigits).arg(maxDigits);
    if (!std::all_of(pin.cbegin(), pin.cend(), isAsciiDigit))
        return tr("A PIN is made of digits 0 to 9 only, without letters, spaces or signs.");
    if (pin.size() < minDigits)
        return tr("A PIN needs at least %1 digits.").arg(minDigits);
    if (pin.size() > maxDigits)
        return tr("A PIN has at most %1 digits.").arg(maxDigits);
    if (pin.count(pin.at(0)) == pin.size())
        return tr("A PIN of one digit repeated is among the first guesses; choose another.");
    if (isRun(pin))
        return tr("A PIN of digits in a row is among the first guesses; choose another.");
    return {};
}

PinHash::PinHash(int iterations, QByteArray salt, QByteArray key)
    : m_iterations(iterations)
    , m_salt(std::move(salt))
    , m_key(std::move(key))
{ }

QByteArray PinHash::derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toLatin1(), salt,
                                              iterations, keyBytes);
}

PinHash PinHash::create(const QString &pin, int iterations)
{
    Q_ASSERT(isWellFormed(pin));
    const int rounds = qBound(minIterations, iterations, maxIterations);
    QByteArray salt = RandomBytes::generate(saltBytes);
    QByteArray key = derive(pin, salt, rounds);
    return PinHash(rounds, std::move(salt), std::move(key));
}

Result<PinHash> PinHash::fromRecord(const QString &record)
{
    // The reasons name the part that is wrong, never its contents: a record is a secret.
    const QStringList parts = record.split(u'$');
    if (parts.size() != 4 || parts.at(0) != scheme)
        return Failure {QStringLiteral("not a %1 record").arg(scheme)};
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || parts.at(1) != QString::number(iterations) || iterations < minIterations
        || iterations > maxIterations)
        return Failure {QStringLiteral("an iteration count that is not a number from %1 to %2")
                            .arg(minIterations)
                            .arg(maxIterations)};
    std::optional<QByteArray> salt = strictBase64(parts.at(2));
    if (!salt || salt->size() < saltBytes || salt->size() > maxSaltBytes)
        return Failure {QStringLiteral("a malformed salt")};
    std::optional<QByteArray> key = strictBase64(parts.at(3));
    if (!key || key->size() != keyBytes)
        return Failure {QStringLiteral("a malformed hash")};
    return PinHash(iterations, std::move(*salt), std::move(*key));
}

QString PinHash::record() const
{
    return scheme + u'$' + QString::number(m_iterations) + u'$'
        + QString::fromLatin1(m_salt.toBase64()) + u'$' + QString::fromLatin1(m_key.toBase64());
}

bool PinHash::matches(const QString &pin) const
{
    if (!isWellFormed(pin))
        return false; // could never have been hashed: no need to spend the rounds
    return ConstantTime::equal(derive(pin, m_salt, m_iterations), m_key);
}
