// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posauth.h"
#include "posexchange.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class Clock;
class PosVendor;

/**
 * How a POS is reached: its base URL, the token every call carries (never logged) and the vendor's
 * common headers, over one QNetworkAccessManager. The channel's writes and the feed's reads both
 * go through it; each call's answer comes back to the callback, never blocking. When the POS's
 * PosAuth has no token to give (none yet, or about to lapse), calls wait for one renewal call.
 */
class PosHttp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosHttp)

public:
    static constexpr int defaultCallTimeoutMs = 10'000;
    using Answered = std::function<void(const PosAnswer &answer)>;

    PosHttp(const PosVendor &vendor, const Clock &clock, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    /** A token that does not lapse; empty: not configured, calls are not made. */
    void setAccessToken(const QByteArray &token);
    /** How calls are authorised, for a vendor whose tokens lapse (null: not configured). */
    void setAuth(std::unique_ptr<PosAuth> auth);
    PosAuth *auth() const { return m_auth.get(); }
    bool isConfigured() const { return m_baseUrl.isValid() && m_auth; }
    void setCallTimeoutMs(int ms) { m_callTimeoutMs = ms; }

    /** Sends call; answered is called once, with the vendor's answer or why there was none. */
    void send(const PosCall &call, Answered answered);
    /** Calls on their way. */
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    /** The URL or the token changed: configured or not any more. */
    void configurationChanged();
    /** The vendor answered a call (any status): the feed is alive. */
    void heard();
    /** A renewal brought credentials to keep: PosAuth::secretToKeep() goes to the keychain. */
    void credentialsRenewed();

private:
    struct Waiting
    {
        PosCall call;
        Answered answered;
    };
    /** Sends call with authorization (empty: none, as for a renewal). */
    void transmit(const PosCall &call, const QByteArray &authorization, Answered answered);
    void renew();
    void renewalAnswered(const PosAnswer &answer);

    const PosVendor &m_vendor;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    std::unique_ptr<PosAuth> m_auth;
    QList<Waiting> m_waiting; // calls held while the token is renewed
    bool m_renewing = false;
    int m_callTimeoutMs = defaultCallTimeoutMs;
    int m_inFlight = 0;
};
