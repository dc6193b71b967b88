// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class Clock;

/**
 * One real console as the product builds it (a ConsoleSession without the kitchen's services):
 * its own Store file, OrderEngine, PlatformLink and SyncClient, talking to the hub over the real
 * protocol.
 */
class BenchConsole final
{
public:
    BenchConsole(const QString &storePath, const QString &storeId, const QString &consoleId,
                 const QUrl &hubUrl, const Clock &clock);
    Q_DISABLE_COPY_MOVE(BenchConsole)

    /** The credential the hub registers for a console (bench only: not a secret). */
    static QByteArray secretOf(const QString &consoleId);

    const QString &storeId() const { return m_session.config().engine.storeId; }
    const QString &consoleId() const { return m_session.config().engine.consoleId; }
    Store &store() { return m_session.store(); }
    OrderEngine &engine() { return m_session.engine(); }
    PlatformLink &link() { return m_session.platform()->link(); }
    SyncClient &client() { return m_session.platform()->client(); }
    bool isLive() const { return m_session.platform()->isLive(); }

private:
    ConsoleSession m_session;
};
