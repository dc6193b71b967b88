// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutconsole.h"

#include "fanoutsupport.h"

BenchConsole::BenchConsole(const QString &storePath, const QString &storeId,
                           const QString &consoleId, const QUrl &hubUrl, const Clock &clock)
    : m_storeId(storeId)
    , m_consoleId(consoleId)
    , m_store(storePath, &clock)
{
    FanoutSupport::check(m_store.open(), m_store.errorString());
    EngineConfig engineConfig;
    engineConfig.storeId = storeId;
    engineConfig.consoleId = consoleId;
    m_engine = std::make_unique<OrderEngine>(m_store, clock, engineConfig);
    LinkConfig linkConfig;
    linkConfig.url = hubUrl;
    linkConfig.storeId = storeId;
    linkConfig.consoleId = consoleId;
    linkConfig.seed = qHash(consoleId);
    m_link = std::make_unique<PlatformLink>(linkConfig);
    m_link->setCredential(secretOf(consoleId));
    m_client = std::make_unique<SyncClient>(*m_engine, m_store, *m_link, clock);
}

QByteArray BenchConsole::secretOf(const QString &consoleId)
{
    return (QStringLiteral("bench-secret-") + consoleId).toUtf8();
}
