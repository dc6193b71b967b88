// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header only: a test that builds a hub links kc_hub; the support library does not.

#include "hubstoragebackends.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hublog.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"

#include <QHostAddress>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/**
 * A real hub in this process: its records in a temporary folder, consoles registered with their
 * secrets, and a WebSocket server on a port of 127.0.0.1 the OS picks (ws://, or wss:// when the
 * server configuration carries TLS, for example TestCertificate::serverConfiguration()).
 */
class LoopbackHub
{
public:
    explicit LoopbackHub(const Clock &clock)
        : m_clock(clock)
    { }
    Q_DISABLE_COPY_MOVE(LoopbackHub)

    /** Opens the records and the hub over them; false (with the reason as a warning) if not. */
    bool open()
    {
        m_records = HubTest::openRecords(m_backend, m_clock);
        if (!m_records)
            return false;
        m_hub = std::make_unique<Hub>(*m_records);
        return true;
    }

    /** Registers a console of storeId with its secret, and the store the first time. */
    bool addConsole(const QString &storeId, const QString &consoleId, const QByteArray &secret)
    {
        return m_records->stores().add(storeId)
                && m_records->credentials().add(storeId, consoleId, secret);
    }

    /** Starts a server on a free port, in place of any earlier one; false if it cannot listen. */
    bool listen(const HubServerConfig &config = {})
    {
        m_config = config;
        return listenOn(0);
    }

    /** Closes the server and every session on it; the log, the hub and the port number stay. */
    void stopListening() { m_server.reset(); }
    /** Listens again on the same port with the same configuration, as a restarted hub does. */
    bool listenAgain() { return listenOn(m_port); }

    /** The port it listens on, or last listened on. */
    quint16 port() const { return m_port; }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_config.ssl ? QStringLiteral("wss") : QStringLiteral("ws"))
                        .arg(m_port));
    }
    HubRecords &records() { return *m_records; }
    /** The SQLite file of the records, for a test that reaches it from outside. */
    QString databasePath() const { return m_backend.path(); }
    HubLog &log() { return m_records->log(); }
    Hub &hub() { return *m_hub; }
    HubServer &server() { return *m_server; }

private:
    bool listenOn(quint16 port)
    {
        m_server.reset();
        m_server = std::make_unique<HubServer>(*m_hub, m_config);
        if (const Result<void> listening = m_server->listen(QHostAddress::LocalHost, port);
            !listening) {
            qWarning("hub did not listen: %s", qUtf8Printable(listening.error()));
            return false;
        }
        m_port = m_server->serverPort();
        return true;
    }

    const Clock &m_clock;
    HubTest::SqliteBackend m_backend;
    std::unique_ptr<HubRecords> m_records;
    std::unique_ptr<Hub> m_hub;
    HubServerConfig m_config;
    std::unique_ptr<HubServer> m_server;
    quint16 m_port = 0;
};
