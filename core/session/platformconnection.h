// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/historybackfill.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QObject>

class CredentialStore;
class OrderEngine;
class Store;

/**
 * This console's connection to the platform: a PlatformLink, a SyncClient over it and the
 * HistoryBackfill beside it, started once the credential is at hand (read from the keyring, or
 * given by the demo). Problems are reported in words for the board; the secret itself is never
 * logged or shown.
 */
class PlatformConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformConnection)

public:
    PlatformConnection(OrderEngine &engine, Store &store, LinkConfig config,
                       QObject *parent = nullptr);

    SyncClient &client() { return m_client; }
    const SyncClient &client() const { return m_client; }
    /** The store's older history, fetched in the background after a bootstrap. */
    const HistoryBackfill &history() const { return m_history; }
    PlatformLink &link() { return m_link; }
    const PlatformLink &link() const { return m_link; }
    /** Whether the hub has welcomed this console: frames flow. */
    bool isLive() const { return m_link.state() == PlatformLink::State::Live; }

    /** Reads the credential from the keyring and starts the link when it arrives. */
    void startFromKeyring(CredentialStore &credentials);
    /** Starts the link with a credential held in memory (the demo's own hub). */
    void startWithCredential(const QByteArray &credential);

Q_SIGNALS:
    /** A standing problem for the board (no credential, refused console); empty when cleared. */
    void problem(const QString &message);

private:
    void onStateChanged(PlatformLink::State state);

    PlatformLink m_link;
    SyncClient m_client;
    HistoryBackfill m_history;
    QString m_key;
};
