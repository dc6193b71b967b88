// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

class Clock;

/**
 * One real console as the product wires it: its own Store file, OrderEngine, PlatformLink and
 * SyncClient, talking to the hub over the real protocol.
 */
class BenchConsole final
{
public:
    BenchConsole(const QString &storePath, const QString &storeId, const QString &consoleId,
                 const QUrl &hubUrl, const Clock &clock);
    Q_DISABLE_COPY_MOVE(BenchConsole)

    /** The credential the hub registers for a console (bench only: not a secret). */
    static QByteArray secretOf(const QString &consoleId);

    const QString &storeId() const { return m_storeId; }
    const QString &consoleId() const { return m_consoleId; }
    Store &store() { return m_store; }
    OrderEngine &engine() { return *m_engine; }
    PlatformLink &link() { return *m_link; }
    SyncClient &client() { return *m_client; }
    bool isLive() const { return m_link->state() == PlatformLink::State::Live; }

private:
    QString m_storeId;
    QString m_consoleId;
    Store m_store;
    std::unique_ptr<OrderEngine> m_engine;
    std::unique_ptr<PlatformLink> m_link;
    std::unique_ptr<SyncClient> m_client;
};
