// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolesession.h"

#include "archiveschedule.h"
#include "channels/channeldispatcher.h"
#include "channels/channeluptime.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "engine/storepause.h"
#include "engine/storepolicybook.h"
#include "metrics/metricsservice.h"
#include "platformconnection.h"
#include "sessionlogging.h"

ConsoleSession::ConsoleSession(SessionConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_store(m_config.storePath, &clock)
{ }

ConsoleSession::~ConsoleSession() = default;

Result<void> ConsoleSession::open()
{
    if (Result<void> opened = openStore(); !opened)
        return opened;
    m_engine = std::make_unique<OrderEngine>(m_store, m_clock, m_config.engine);
    m_uptime = std::make_unique<ChannelUptime>(m_clock);
    for (const ChannelDispatcher *dispatcher : m_engine->channels().dispatchers())
        m_uptime->watch(*dispatcher);
    QObject::connect(&m_engine->channels(), &ChannelRegistry::added, m_uptime.get(),
                     [uptime = m_uptime.get()](ChannelDispatcher *dispatcher) {
                         uptime->watch(*dispatcher);
                     });
    if (m_config.services == SessionConfig::Services::Kitchen)
        startKitchenServices();
    return {};
}

// A damaged store is set aside and replaced by what could be salvaged from it (StoreRepair); the
// events this console still owed the platform are sent again from the new one.
Result<void> ConsoleSession::openStore()
{
    StoreRepair::completeInterrupted(m_store.path());
    const Result<void> opened = m_store.open();
    if (opened || m_store.openError() != Store::OpenError::Damaged)
        return opened;
    qCCritical(lcSession).noquote() << opened.error();
    StoreRepair repair(m_store.path(), m_clock);
    repair.requeueLocal(m_config.engine.consoleId, m_config.engine.destinations);
    const Result<RepairReport> repaired = repair.repair();
    m_repaired = repaired.toOptional();
    if (!repaired)
        return Failure {opened.error() + QLatin1Char('\n') + repaired.error()};
    return m_store.open();
}

void ConsoleSession::startKitchenServices()
{
    if (hasKitchenServices())
        return;
    // Busy mode survives a restart: the pause is read back from the log (and ends now if its
    // time passed while the console was off), and again when another console's pause arrives.
    m_pause = std::make_unique<StorePause>(*m_engine, m_clock);
    m_pause->restore();
    QObject::connect(m_engine.get(), &OrderEngine::incomingDrained, m_pause.get(),
                     &StorePause::restore);
    m_feeds = std::make_unique<FeedMonitor>(m_clock);
    m_feeds->watch(*m_engine);
    m_alerts = std::make_unique<KitchenAlerts>(*m_engine, m_clock);
    m_alerts->watchFeeds(*m_feeds);
    // The store's rules likewise: from the log, again when another console's change arrives,
    // and again when the platform refuses one (the one before it holds).
    m_policyBook = std::make_unique<StorePolicyBook>(*m_engine);
    m_policyBook->restore();
    QObject::connect(m_engine.get(), &OrderEngine::incomingDrained, m_policyBook.get(),
                     &StorePolicyBook::restore);
    QObject::connect(m_engine.get(), &OrderEngine::refusedByPlatform, m_policyBook.get(),
                     &StorePolicyBook::restore);
    QObject::connect(m_policyBook.get(), &StorePolicyBook::policyChanged, m_policyBook.get(),
                     [this](const StorePolicy &policy) { applyPolicy(policy); });
    applyPolicy(m_policyBook->policy());
    m_archive = std::make_unique<ArchiveSchedule>(m_store.path(), m_clock, m_config.archive);
    m_archive->start();
}

namespace {
MetricsSettings metricsSettingsOf(const StorePolicy &policy)
{
    MetricsSettings settings;
    settings.warnAfterMs = policy.warnAfterMs();
    settings.lateAfterMs = policy.lateAfterMs();
    return settings;
}
} // namespace

void ConsoleSession::applyPolicy(const StorePolicy &policy)
{
    m_policy = policy;
    if (m_metrics)
        m_metrics->setSettings(metricsSettingsOf(policy));
    if (m_pos)
        m_pos->followPolicy(policy);
    if (!hasKitchenServices())
        return;
    m_alerts->setLateAfterMs(policy.lateAfterMs());
    m_feeds->setQuietLimitMs(policy.feedQuietMs());
    m_feeds->setExpectedSources(policy.expectedFeeds);
    m_feeds->setOpenHours(policy.opensAt, policy.closesAt);
}

// The one place that knows how this console reaches the platform.
PlatformConnection &ConsoleSession::connectPlatform(LinkConfig config)
{
    config.storeId = m_config.engine.storeId;
    config.consoleId = m_config.engine.consoleId;
    m_platform.reset(); // its sync client goes before a new one reads the same outbox
    if (hasKitchenServices())
        m_alerts->holdWhileCatchingUp(false); // a replay cut short by the change is over
    m_platform = std::make_unique<PlatformConnection>(*m_engine, m_store, std::move(config));
    if (hasKitchenServices()) {
        m_feeds->watch(m_platform->client().channel());
        const SyncClient *client = &m_platform->client();
        KitchenAlerts *alerts = m_alerts.get();
        QObject::connect(client, &SyncClient::catchingUpChanged, alerts,
                         [client, alerts](bool catchingUp) {
                             alerts->holdWhileCatchingUp(catchingUp, client->isJoining());
                         });
    }
    return *m_platform;
}

PosConnection &ConsoleSession::connectPos(PosSettings settings, PosConnection::Context context)
{
    context.storeId = m_config.engine.storeId;
    context.prepMinutes = m_policy.defaultPrepMinutes;
    context.routes = m_policy.routes;
    m_pos.reset(); // its channel leaves the engine before a new one delivers the same queue
    m_pos = std::make_unique<PosConnection>(*m_engine, m_store, m_clock, std::move(settings),
                                            std::move(context));
    return *m_pos;
}

void ConsoleSession::disconnectPos()
{
    if (!m_pos)
        return;
    qCInfo(lcSession).noquote() << "POS" << m_pos->destination() << "disconnected; its queue waits";
    m_pos.reset(); // the channel unregisters as it goes; the outbox rows are the store's
}

MetricsService &ConsoleSession::metrics()
{
    if (!m_metrics) {
        m_metrics = std::make_unique<MetricsService>(m_store.path(), m_clock,
                                                     metricsSettingsOf(m_policy));
        MetricsService *metrics = m_metrics.get();
        // Every way the log grows or an event's standing changes.
        QObject::connect(m_engine.get(), &OrderEngine::orderChanged, metrics,
                         &MetricsService::logChanged);
        QObject::connect(m_engine.get(), &OrderEngine::orderRemoved, metrics,
                         &MetricsService::logChanged);
        QObject::connect(m_engine.get(), &OrderEngine::storeEventAppended, metrics,
                         &MetricsService::logChanged);
        QObject::connect(m_engine.get(), &OrderEngine::refusedByPlatform, metrics,
                         &MetricsService::logChanged);
        // The store's older history tells no one of its orders: only that it was stored.
        QObject::connect(m_engine.get(), &OrderEngine::incomingStored, metrics,
                         [metrics](const QString &source) {
                             if (source == HistoryBackfill::source)
                                 metrics->logChanged();
                         });
        m_metrics->start();
    }
    return *m_metrics;
}
