// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/platformpairing.h"

#include <QObject>
#include <QString>

class CredentialStore;

/**
 * Pairs this console without a terminal: the exchange with the platform (PlatformPairing), then
 * the credential it brings kept in the keyring, under CredentialStore::consoleKey(), where
 * PlatformConnection::startFromKeyring() finds it. The credential is never shown, logged or
 * written elsewhere. Answers each pair() with exactly one of paired() or failed(), failed() in
 * words for the person at the screen.
 */
class ConsolePairing final : public QObject
{
    Q_OBJECT

public:
    explicit ConsolePairing(CredentialStore &keyring, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConsolePairing)

    /** Starts pairing; one still under way is abandoned without a signal. */
    void pair(const QUrl &url, const QString &code,
              const std::optional<QSslConfiguration> &ssl = std::nullopt);
    bool isBusy() const { return m_exchange.isBusy() || !m_key.isEmpty(); }
    PlatformPairing &exchange() { return m_exchange; }

Q_SIGNALS:
    /** The credential is in the keyring. */
    void paired(const QString &storeId, const QString &consoleId);
    void failed(const QString &message);

private:
    CredentialStore &m_keyring;
    PlatformPairing m_exchange;
    QString m_key; // the keyring key being written; empty when none is
    QString m_storeId;
    QString m_consoleId;
};
