// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every engine test starts from: a real store on a temporary SQLite file, a manual clock
// (also the store's) and an engine over them, built fresh for each test function.

#include "common/clock.h"
#include "engine/orderengine.h"
#include "store/store.h"

#include <QTemporaryDir>

#include <memory>

class EngineTestbed final
{
public:
    EngineTestbed(qint64 startMs, EngineConfig config)
        : m_clock(startMs)
        , m_store(m_dir.filePath(QStringLiteral("s.sqlite")), &m_clock)
        , m_config(std::move(config))
    { }
    Q_DISABLE_COPY_MOVE(EngineTestbed)

    /** Opens the store and starts the engine; false if the store would not open. */
    bool open()
    {
        if (!m_dir.isValid() || !m_store.open())
            return false;
        m_engine = std::make_unique<OrderEngine>(m_store, m_clock, m_config);
        return true;
    }

    ManualClock &clock() { return m_clock; }
    Store &store() { return m_store; }
    OrderEngine &engine() { return *m_engine; }

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    Store m_store;
    EngineConfig m_config;
    std::unique_ptr<OrderEngine> m_engine;
};
