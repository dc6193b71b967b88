// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformconnection.h"

#include "sessionlogging.h"
#include "security/credentialstore.h"

PlatformConnection::PlatformConnection(OrderEngine &engine, Store &store, LinkConfig config,
                                       QObject *parent)
    : QObject(parent)
    , m_link(std::move(config))
    , m_client(engine, store, m_link)
    , m_history(engine, store, m_link)
{
    connect(&m_link, &PlatformLink::problem, this, &PlatformConnection::problem);
    connect(&m_link, &PlatformLink::stateChanged, this, &PlatformConnection::onStateChanged);
}

void PlatformConnection::startFromKeyring(CredentialStore &credentials)
{
    const LinkConfig &config = m_link.config();
    m_key = CredentialStore::consoleKey(config.storeId, config.consoleId);
    connect(&credentials, &CredentialStore::readDone, this,
            [this](const QString &key, const QByteArray &secret) {
                if (key == m_key)
                    startWithCredential(secret);
            });
    connect(&credentials, &CredentialStore::failed, this,
            [this](const QString &key, const QString &message) {
                if (key != m_key)
                    return;
                const LinkConfig &config = m_link.config();
                // The keyring's own words go to the log; the board says what to do.
                qCWarning(lcSession).noquote() << "no platform link:" << message;
                Q_EMIT problem(tr("No credential for console %1 of store %2: a manager pairs "
                                  "this screen again (dashboard, Connections)")
                                   .arg(config.consoleId, config.storeId));
            });
    qCInfo(lcSession).noquote() << "reading the platform credential" << m_key;
    credentials.read(m_key);
}

void PlatformConnection::startWithCredential(const QByteArray &credential)
{
    m_link.setCredential(credential);
    qCInfo(lcSession).noquote() << "connecting to the platform at"
                                << m_link.config().url.toDisplayString();
    // A refused URL reaches the board through PlatformLink::problem, which this passes on.
    [[maybe_unused]] const Result<void> started = m_client.start();
}

void PlatformConnection::onStateChanged(PlatformLink::State state)
{
    if (state == PlatformLink::State::Live)
        Q_EMIT problem(QString()); // whatever stood in the way is gone
}
