// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every engine test starts from: a console session (a real store on a temporary SQLite file
// and an engine over it, without the kitchen's services, which tests build as they need them) and
// a manual clock, also the store's; built fresh for each test function.

#include "common/clock.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "store/store.h"

#include <QTemporaryDir>

class EngineTestbed final
{
public:
    EngineTestbed(qint64 startMs, EngineConfig config)
        : m_clock(startMs)
        , m_session(sessionConfig(m_dir, std::move(config)), m_clock)
    { }
    Q_DISABLE_COPY_MOVE(EngineTestbed)

    /** Opens the store and starts the engine; false if the store would not open. */
    bool open() { return m_dir.isValid() && m_session.open(); }

    ManualClock &clock() { return m_clock; }
    Store &store() { return m_session.store(); }
    OrderEngine &engine() { return m_session.engine(); }
    ConsoleSession &session() { return m_session; }

private:
    static SessionConfig sessionConfig(const QTemporaryDir &dir, EngineConfig engine)
    {
        SessionConfig config;
        config.storePath = dir.filePath(QStringLiteral("s.sqlite"));
        config.engine = std::move(engine);
        config.services = SessionConfig::Services::EngineOnly;
        return config;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock;
    ConsoleSession m_session;
};
