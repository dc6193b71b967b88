// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posvendor.h"

#include "channels/orderchannel.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

class Clock;
class QNetworkReply;
class Store;

/**
 * A POS as one of the console's destinations: each event handed to send() becomes the vendor's
 * PosWrite, whose calls go over HTTP here, a few at once (the vendor's concurrency limit), never
 * blocking the caller. How each write ended is answered as the OrderChannel signals; the
 * dispatcher of this destination does the retrying, parking and dead-lettering.
 */
class PosChannel final : public OrderChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosChannel)

public:
    static constexpr int defaultMaxInFlight = 4;
    static constexpr int defaultCallTimeoutMs = 10'000;

    PosChannel(std::unique_ptr<PosVendor> vendor, Store &store, const Clock &clock,
               QObject *parent = nullptr);
    ~PosChannel() override;

    PosVendor &vendor() const { return *m_vendor; }

    /** Where the vendor's API is ("https://connect.squareup.com", a fake on 127.0.0.1). */
    void setBaseUrl(const QUrl &url);
    /** The token every call carries; never logged. Empty: the channel is offline. */
    void setAccessToken(const QByteArray &token);
    void setMaxInFlight(int writes) { m_maxInFlight = std::max(1, writes); }
    void setCallTimeoutMs(int ms) { m_callTimeoutMs = ms; }

    QString destination() const override { return QStringLiteral("pos:") + m_vendor->name(); }
    State state() const override { return m_state; }
    qsizetype send(const QList<OrderEvent> &events) override;
    int batchLimit() const override;

    /** Writes under way: for tests and the health view. */
    int inFlight() const { return int(m_running.size()); }

private:
    struct Running
    {
        QUuid eventId;
        std::unique_ptr<PosWrite> write;
    };

    void updateState();
    void start(const OrderEvent &event);
    /** Carries on with step for the write of eventId: a call, or its end. */
    void advance(const QUuid &eventId, std::unique_ptr<PosWrite> write, const PosStep &step);
    void onFinished(QNetworkReply *reply);
    QNetworkReply *call(const PosCall &call);

    std::unique_ptr<PosVendor> m_vendor;
    Store &m_store;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    State m_state = State::Offline;
    int m_maxInFlight = defaultMaxInFlight;
    int m_callTimeoutMs = defaultCallTimeoutMs;
    QHash<QNetworkReply *, std::shared_ptr<Running>> m_running;
};
