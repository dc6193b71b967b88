// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutconsole.h"

#include "benchfigure.h"

BenchConsole::BenchConsole(const QString &storePath, const QString &storeId,
                           const QString &consoleId, const QUrl &hubUrl, const Clock &clock)
    // The bench measures the store, the engine and the link: no kitchen services.
    : m_session(SessionConfig::forConsole(storePath, storeId, consoleId,
                                          SessionConfig::Services::EngineOnly),
                clock)
{
    const Result<void> opened = m_session.open();
    BenchRun::check(opened.ok(), opened.error());
    LinkConfig linkConfig;
    linkConfig.url = hubUrl;
    linkConfig.seed = qHash(consoleId);
    m_session.connectPlatform(linkConfig).link().setCredential(secretOf(consoleId));
}

QByteArray BenchConsole::secretOf(const QString &consoleId)
{
    return (QStringLiteral("bench-secret-") + consoleId).toUtf8();
}
