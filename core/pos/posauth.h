// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posexchange.h"

#include "common/result.h"

#include <QByteArray>

#include <optional>

/**
 * How a POS's calls are authorised, in words only (PosHttp makes the calls): the token to send
 * now, and the call that renews it when there is none or it is about to lapse (Toast's login,
 * Clover's OAuth refresh). A vendor with a long-lived token needs no renewal.
 */
class PosAuth
{
public:
    virtual ~PosAuth() = default;

    /** The token to send with a call made at nowMs; none when it must be renewed first. */
    virtual std::optional<QByteArray> token(qint64 nowMs) const = 0;
    /** The call that gets a new token; none when nothing can renew it (a static token). */
    virtual std::optional<PosCall> renewal() const { return std::nullopt; }
    /** Reads renewal's answer: keeps the new token, or says in words why none came. */
    virtual Result<void> renewed(const PosAnswer &answer, qint64 nowMs)
    {
        Q_UNUSED(answer)
        Q_UNUSED(nowMs)
        return Failure {QStringLiteral("this POS's token cannot be renewed")};
    }
    /** The POS refused the token (401): the next call renews it where it can. */
    virtual void forget() { }
    /**
     * What must be kept in the keychain after a renewal, for the next start (Clover's single-use
     * refresh token with its access token); empty when nothing changes.
     */
    virtual QByteArray secretToKeep() const { return {}; }
};

/** A token the store's owner generated once and that does not lapse (Square, a Clover API token). */
class PosStaticToken final : public PosAuth
{
public:
    explicit PosStaticToken(QByteArray token) : m_token(std::move(token)) { }
    std::optional<QByteArray> token(qint64) const override
    {
        return m_token.isEmpty() ? std::nullopt : std::optional<QByteArray>(m_token);
    }

private:
    QByteArray m_token;
};
