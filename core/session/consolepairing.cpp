// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolepairing.h"

#include "sessionlogging.h"

#include "security/credentialstore.h"

ConsolePairing::ConsolePairing(CredentialStore &keyring, QObject *parent)
    : QObject(parent)
    , m_keyring(keyring)
{
    connect(&m_exchange, &PlatformPairing::failed, this, &ConsolePairing::failed);
    connect(&m_exchange, &PlatformPairing::paired, this,
            [this](const QString &storeId, const QString &consoleId,
                   const QByteArray &credential) {
                m_storeId = storeId;
                m_consoleId = consoleId;
                m_key = CredentialStore::consoleKey(storeId, consoleId);
                m_keyring.write(m_key, credential);
            });
    connect(&m_keyring, &CredentialStore::written, this, [this](const QString &key) {
        if (m_key.isEmpty() || key != m_key)
            return;
        m_key.clear();
        qCInfo(lcSession).noquote()
            << "paired as console" << m_consoleId << "of store" << m_storeId;
        Q_EMIT paired(m_storeId, m_consoleId);
    });
    connect(&m_keyring, &CredentialStore::failed, this,
            [this](const QString &key, const QString &message) {
                if (m_key.isEmpty() || key != m_key)
                    return;
                m_key.clear();
                Q_EMIT failed(tr("Paired, but this computer's keyring could not keep the "
                                 "credential (%1). Fix the keyring, then ask for a new code.")
                                      .arg(message));
            });
}

void ConsolePairing::pair(const QUrl &url, const QString &code,
                          const std::optional<QSslConfiguration> &ssl)
{
    m_key.clear(); // a keyring answer still due is no longer this pairing's
    m_exchange.pair(url, code, ssl);
}
