// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/retrypolicy.h"
#include "order/storepolicy.h"
#include "pos/possetup.h"
#include "pos/posprobe.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class ChannelDispatcher;
class Clock;
class CredentialStore;
class OrderEngine;
class PosChannel;
class PosFeed;
class PosHttp;
class PosWebhookListener;
class Store;

/**
 * This console's POS: the vendor's adapter made from the settings and the keychain's secrets, its
 * destination (PosChannel, with its own queue and retry policy), its feed (webhooks to a small
 * listener, and the poll) and a "test connection". Renewed sign-ins (Clover's OAuth pair) go back
 * to the keychain at once. Problems are reported in words for the board, never the secrets.
 */
class PosConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosConnection)

public:
    struct Context
    {
        QString storeId;
        int prepMinutes = 15; // the promise a POS accept gets when the POS names none
        QList<StationRoute> routes; // where the store sends a counter order's lines
        RetryPolicy retry;
    };

    PosConnection(OrderEngine &engine, Store &store, const Clock &clock, PosSettings settings,
                  Context context, QObject *parent = nullptr);
    ~PosConnection() override;

    const PosSettings &settings() const { return m_settings; }
    /** "pos:<vendor>". */
    QString destination() const;
    /** Whether the adapter runs (its secrets were at hand and made sense). */
    bool isRunning() const { return m_channel != nullptr; }
    PosFeed *feed() const { return m_feed.get(); }
    PosWebhookListener *listener() const { return m_listener.get(); }

    /** Reads the secrets from the keychain and starts once they arrive; writes renewals back. */
    void startFromKeyring(CredentialStore &credentials);
    /** Starts with secrets held in memory (the demo's fake POS); false with problem() if not. */
    bool startWithSecrets(const PosSecrets &secrets);
    /**
     * Takes the POS's webhooks on 127.0.0.1 at a port of the system's choice (the demo's till);
     * the URL to give the vendor, or empty when it cannot listen or the adapter does not run.
     */
    QUrl listenLocally();
    /** Follows the store's rules from now on (the quote and the routes of the POS's orders). */
    void followPolicy(const StorePolicy &policy);
    /** Tests the running adapter, or says why it does not run. */
    void testConnection(PosProbe::Verdict verdict);

Q_SIGNALS:
    /** A standing problem for the board (no secrets, a refused sign-in); empty when cleared. */
    void problem(const QString &message);
    /** New secrets to keep (a renewed sign-in), as PosSecrets::toJson(). */
    void secretsRenewed(const QByteArray &json);

private:
    void keepRenewedSecrets();
    /** What stands in the way now, from the feed and from the delivery queue, as one text. */
    void reportProblems();
    QString deliveryProblem(const ChannelDispatcher &dispatcher) const;
    /** Listens for webhooks and routes them to the feed; false with problem() if it cannot. */
    bool listen(const QHostAddress &address, quint16 port);

    OrderEngine &m_engine;
    Store &m_store;
    const Clock &m_clock;
    PosSettings m_settings;
    Context m_context;
    PosSecrets m_secrets;
    QString m_problem; // why it does not run, until it does
    QString m_feedProblem;
    QString m_deliveryProblem;
    // Declared in the order they depend on each other: destroyed the other way round.
    std::unique_ptr<PosVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
    std::unique_ptr<PosFeed> m_feed;
    std::unique_ptr<PosWebhookListener> m_listener;
};
