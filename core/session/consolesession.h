// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "engine/orderengine.h"
#include "posconnection.h"
#include "store/store.h"
#include "store/archivepolicy.h"
#include "store/storerepair.h"
#include "order/storepolicy.h"
#include "sync/platformlink.h"

#include <memory>
#include <optional>

class ArchiveSchedule;
class Clock;
class FeedMonitor;
class ChannelUptime;
class KitchenAlerts;
class MetricsService;
class PlatformConnection;
class StorePause;
class StorePolicyBook;

/** What a console session is built from. */
struct SessionConfig
{
    enum class Services {
        Kitchen, // busy mode, the feed monitor, the kitchen alerts, archiving: what a board runs
        EngineOnly, // the store and the engine (and a platform link): test beds, the fan-out bench
    };

    QString storePath;
    EngineConfig engine; // the store's and this console's ids, the outbox's destinations
    Services services = Services::Kitchen;
    ArchivePolicy archive; // when finished orders leave the store (with the kitchen services)

    /** Console consoleId of store storeId, on the store file at storePath. */
    static SessionConfig forConsole(const QString &storePath, const QString &storeId,
                                    const QString &consoleId, Services services = Services::Kitchen)
    {
        SessionConfig config;
        config.storePath = storePath;
        config.engine.storeId = storeId;
        config.engine.consoleId = consoleId;
        config.services = services;
        return config;
    }
};

/**
 * One kitchen console's services, built and wired in one place: its store (a damaged one rebuilt
 * from what can be read), the engine over it, busy mode, the feed monitor, the kitchen alerts and
 * the connection to the platform. The program's main(), the tests and the benches all build a
 * console through it; windows are handed the services, they never build one.
 */
class ConsoleSession final
{
public:
    ConsoleSession(SessionConfig config, const Clock &clock);
    ~ConsoleSession();
    Q_DISABLE_COPY_MOVE(ConsoleSession)

    /**
     * Opens the store, rebuilding a damaged one (repairReport() says what was recovered), then
     * starts the engine and the kitchen services; fails, one line per cause, if there is no store.
     */
    Result<void> open();
    /** What open() recovered from a damaged store; empty when the store opened as it was. */
    const std::optional<RepairReport> &repairReport() const { return m_repaired; }

    const SessionConfig &config() const { return m_config; }
    const Clock &clock() const { return m_clock; }
    /** The store, there before open() so that a caller may tune it (busy timeout). */
    Store &store() { return m_store; }
    const Store &store() const { return m_store; }
    /** The engine; only after open() succeeded. */
    OrderEngine &engine() { return *m_engine; }
    /** Whether busy mode, the feed monitor and the kitchen alerts run (SessionConfig). */
    bool hasKitchenServices() const { return m_feeds != nullptr; }
    /** Busy mode, read back from the log at open and after each incoming burst. */
    StorePause &storePause() { return *m_pause; }
    /**
     * The store's rules as its log has them, read back at open, after each incoming burst and
     * after a refusal; the kitchen services follow them (applyPolicy).
     */
    StorePolicyBook &storePolicy() { return *m_policyBook; }
    /** When each order feed last spoke: the engine's sources and the platform link. */
    FeedMonitor &feeds() { return *m_feeds; }
    /** New, late, changed and cancelled orders and quiet feeds, as alerts for the kitchen. */
    KitchenAlerts &kitchenAlerts() { return *m_alerts; }
    /** Archiving of finished orders, every few hours (SessionConfig::archive). */
    ArchiveSchedule &archiveSchedule() { return *m_archive; }
    /** How each destination's link has fared since open(); only after open() succeeded. */
    const ChannelUptime &uptime() const { return *m_uptime; }

    /**
     * Starts busy mode, the feed monitor and the kitchen alerts unless they run; open() does it
     * when the config asks for them. The orders open at that moment count as known, not new.
     */
    void startKitchenServices();
    /** Applies the store's policy to the services that follow it: lateness, quiet feeds, hours. */
    void applyPolicy(const StorePolicy &policy);

    /**
     * Builds this console's link to the platform and its sync client (not started), replacing an
     * earlier one; the store and console ids come from this session, the rest from config.
     */
    PlatformConnection &connectPlatform(LinkConfig config);
    /** The platform connection, or null while this console runs local only. */
    PlatformConnection *platform() const { return m_platform.get(); }

    /**
     * Builds this console's POS connection (not started), replacing an earlier one; the store id
     * comes from this session.
     */
    PosConnection &connectPos(PosSettings settings, PosConnection::Context context);
    /**
     * Tears the POS connection down ("None" chosen in the settings): its channel leaves the
     * engine, its feed and webhook listener stop. Its destination's queued events stay in the
     * store, for when a POS is connected again.
     */
    void disconnectPos();
    /** The POS connection, or null when the store runs no POS here. */
    PosConnection *pos() const { return m_pos.get(); }

    /**
     * The manager's figures over this console's log, started on first use (a worker thread reads
     * the log) and told by the engine whenever the log changes; only after open() succeeded.
     */
    MetricsService &metrics();

private:
    Result<void> openStore();

    SessionConfig m_config;
    const Clock &m_clock;
    Store m_store;
    std::optional<RepairReport> m_repaired;
    // Declared in the order they depend on each other: destroyed the other way round.
    std::unique_ptr<OrderEngine> m_engine;
    std::unique_ptr<StorePause> m_pause;
    std::unique_ptr<StorePolicyBook> m_policyBook;
    std::unique_ptr<FeedMonitor> m_feeds;
    std::unique_ptr<KitchenAlerts> m_alerts;
    std::unique_ptr<ArchiveSchedule> m_archive;
    std::unique_ptr<ChannelUptime> m_uptime;
    std::unique_ptr<PlatformConnection> m_platform;
    std::unique_ptr<PosConnection> m_pos;
    std::unique_ptr<MetricsService> m_metrics;
    StorePolicy m_policy;
};
