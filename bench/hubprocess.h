// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

/**
 * A real order-hub process for a bench, on ports the OS picks; killed when this goes. Its info
 * logs are quieted; its errors go to the bench's stderr.
 */
class HubProcess final
{
public:
    /** Starts program with arguments and waits until it says where it listens (or throws). */
    HubProcess(const QString &program, const QStringList &arguments);
    ~HubProcess();
    Q_DISABLE_COPY_MOVE(HubProcess)

    quint16 wsPort() const { return m_wsPort; }
    quint16 httpPort() const { return m_httpPort; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort)); }

private:
    QProcess m_process;
    quint16 m_wsPort = 0;
    quint16 m_httpPort = 0;
};
