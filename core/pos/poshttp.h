// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posexchange.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

class Clock;
class PosVendor;

/**
 * How a POS is reached: its base URL, the access token every call carries (never logged) and the
 * vendor's common headers, over one QNetworkAccessManager. The channel's writes and the feed's
 * reads both go through it; each call's answer comes back to the callback, never blocking.
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
    /** Empty: not configured, calls are not made. */
    void setAccessToken(const QByteArray &token);
    bool isConfigured() const { return m_baseUrl.isValid() && !m_token.isEmpty(); }
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

private:
    const PosVendor &m_vendor;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_callTimeoutMs = defaultCallTimeoutMs;
    int m_inFlight = 0;
};
