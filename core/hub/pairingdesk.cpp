// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingdesk.h"

#include "consolecredentials.h"
#include "hublogging.h"
#include "storage/hubstorage.h"
#include "storeregistry.h"

#include "common/clock.h"
#include "common/randombytes.h"
#include "order/orderlimits.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace {
// 32 letters, so a random byte's low five bits pick one evenly; none that reads as another.
constexpr char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
static_assert(sizeof(alphabet) - 1 == 32, "five bits per character");

QString hashOf(const QString &normalisedCode)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(normalisedCode.toLatin1(), QCryptographicHash::Sha256)
                    .toHex());
}

QString readable(const QString &code)
{
    return code.left(PairingDesk::codeLength / 2) + QLatin1Char('-')
            + code.mid(PairingDesk::codeLength / 2);
}

// Drops the times that left the window.
void forgetBefore(QList<qint64> &times, qint64 cutoffMs)
{
    times.erase(std::remove_if(times.begin(), times.end(),
                               [cutoffMs](qint64 at) { return at <= cutoffMs; }),
                times.end());
}
} // namespace

PairingDesk::PairingDesk(HubStorage &storage, StoreRegistry &stores,
                         ConsoleCredentials &credentials, const Clock &clock)
    : m_storage(storage)
    , m_stores(stores)
    , m_credentials(credentials)
    , m_clock(clock)
{ }

QString PairingDesk::normalised(const QString &typed)
{
    QString code;
    for (const QChar c : typed) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        code.append(c.toUpper());
    }
    return code;
}

Result<IssuedPairingCode> PairingDesk::issue(const QString &storeId, const QString &consoleId,
                                             qint64 lifetimeMs)
{
    if (!m_stores.contains(storeId))
        return Failure {QStringLiteral("there is no store %1").arg(storeId)};
    if (const QString why = OrderLimits::idProblem(QStringLiteral("console id"), consoleId);
        !why.isEmpty())
        return Failure {why};
    QString code;
    for (const char byte : RandomBytes::generate(codeLength))
        code.append(QLatin1Char(alphabet[static_cast<unsigned char>(byte) & 31]));
    const qint64 now = m_clock.nowMs();
    const PairingCodeRow row {hashOf(code), storeId, consoleId, now, now + lifetimeMs, 0};
    if (const Result<void> stored = m_storage.insertPairingCode(row, now - rememberEndedMs);
        !stored)
        return Failure {QStringLiteral("cannot record the code: %1").arg(stored.error())};
    qCInfo(lcHubLog).noquote() << "pairing code issued for console" << consoleId << "of store"
                               << storeId << "until"
                               << QDateTime::fromMSecsSinceEpoch(row.expiresAtMs, Qt::UTC)
                                          .toString(Qt::ISODate);
    return IssuedPairingCode {readable(code), storeId, consoleId, row.expiresAtMs};
}

std::optional<qint64> PairingDesk::lockedUntil(const QString &peer)
{
    const qint64 cutoff = m_clock.nowMs() - failureWindowMs;
    forgetBefore(m_failures, cutoff);
    QList<qint64> &mine = m_failuresByPeer[peer];
    forgetBefore(mine, cutoff);
    if (mine.isEmpty())
        m_failuresByPeer.remove(peer);
    if (mine.size() >= maxFailuresPerPeer)
        return mine.constFirst() + failureWindowMs;
    if (m_failures.size() >= maxFailuresOverall)
        return m_failures.constFirst() + failureWindowMs;
    return std::nullopt;
}

Protocol::Error PairingDesk::refuse(QLatin1StringView code, const QString &message,
                                    const QString &peer)
{
    const qint64 now = m_clock.nowMs();
    m_failuresByPeer[peer].append(now);
    m_failures.append(now);
    return {code, message}; // the session logs it
}

std::variant<Protocol::Paired, Protocol::Error> PairingDesk::redeem(const QString &typed,
                                                                    const QString &peer)
{
    using namespace Protocol;
    if (const std::optional<qint64> until = lockedUntil(peer)) {
        const qint64 minutes = std::max<qint64>(1, (*until - m_clock.nowMs() + 59'999) / 60'000);
        return Error {PairingError::tooManyTries,
                      QStringLiteral("too many wrong pairing codes; try again in %1 min")
                              .arg(minutes)};
    }
    const QString code = normalised(typed);
    if (code.size() != codeLength)
        return refuse(PairingError::unknown, QStringLiteral("no such pairing code"), peer);

    // One transaction: the code is used exactly when the console's new credential is recorded.
    const QString hash = hashOf(code);
    if (const Result<void> begun = m_storage.beginWrite(); !begun) {
        qCWarning(lcHubLog).noquote() << "cannot pair:" << begun.error();
        return Error {PairingError::failed, QStringLiteral("the hub cannot record a pairing now")};
    }
    const auto fail = [this](const QString &why) {
        m_storage.rollback();
        qCWarning(lcHubLog).noquote() << "cannot pair:" << why;
        return Error {PairingError::failed, QStringLiteral("the hub cannot record a pairing now")};
    };
    const Result<std::optional<PairingCodeRow>> found = m_storage.findPairingCode(hash);
    if (!found)
        return fail(found.error());
    const qint64 now = m_clock.nowMs();
    const std::optional<PairingCodeRow> &row = *found;
    if (!row || row->usedAtMs > 0 || row->expiresAtMs <= now) {
        m_storage.rollback();
        if (!row)
            return refuse(PairingError::unknown, QStringLiteral("no such pairing code"), peer);
        if (row->usedAtMs > 0)
            return refuse(PairingError::used, QStringLiteral("this pairing code was used already"),
                          peer);
        return refuse(PairingError::expired, QStringLiteral("this pairing code has expired"),
                      peer);
    }
    const Result<bool> used = m_storage.usePairingCode(hash, now);
    if (!used)
        return fail(used.error());
    if (!*used) {
        m_storage.rollback();
        return refuse(PairingError::used, QStringLiteral("this pairing code was used already"),
                      peer);
    }
    const QByteArray secret = ConsoleCredentials::newSecret();
    if (const Result<void> added = m_credentials.add(row->storeId, row->consoleId, secret); !added)
        return fail(added.error());
    if (const Result<void> committed = m_storage.commit(); !committed)
        return fail(committed.error());
    qCInfo(lcHubLog).noquote() << "console" << row->consoleId << "of store" << row->storeId
                               << "paired from" << peer;
    return Paired {row->storeId, row->consoleId, QString::fromLatin1(secret)};
}
