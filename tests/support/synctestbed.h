// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// End-to-end sync tests start here: a real hub (log, server) on 127.0.0.1 and consoles, each a
// ConsoleSession with its own store file, engine, link and sync client, in one process. Nothing is
// faked; tests that need a broken disk or link put FaultyDisk or FaultProxy in between.

#include "convergenceaudit.h"
#include "hubtestsupport.h"
#include "loopbackhub.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "sim/ordergenerator.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace SyncTest {

inline QByteArray secretOf(const QString &consoleId)
{
    return (QStringLiteral("secret-of-") + consoleId).toUtf8();
}

/**
 * The test links' ping interval: short, so links fail and recover fast. A link that hears nothing
 * for 1.5 intervals drops; under a sanitizer everything runs several times slower, and there a
 * catch-up of hundreds of events in the same process as the hub must not look like a dead hub.
 */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr qint64 testPingMs = 1000;
#else
inline constexpr qint64 testPingMs = 200;
#endif

/** How a test console is set up; the defaults make links fail and recover fast. */
struct ConsoleOptions
{
    qint64 pingMs = testPingMs;
    int busyTimeoutMs = Store::defaultBusyTimeoutMs;
    int ackTimeoutMs = 1000;
    int replayWindow = LinkConfig().replayWindow;
    bool bootstrap = LinkConfig().bootstrap;
    int historyPageEvents = LinkConfig().historyPageEvents;
    SessionConfig::Services services = SessionConfig::Services::EngineOnly;
    int incomingBatchSize = EngineConfig().incomingBatchSize;
    RetryPolicy platformRetry; // the platform destination's
};

/** One console: its own store file, engine, link and sync client, built as a session. */
class Console
{
public:
    Console(const QString &storeId, const QString &consoleId, const QUrl &hubUrl,
            const Clock &clock, const ConsoleOptions &options = {})
        : m_session(sessionConfig(m_dir.filePath(QStringLiteral("console.sqlite")), storeId,
                                  consoleId, options),
                    clock)
    {
        m_session.store().setBusyTimeoutMs(options.busyTimeoutMs);
        if (!m_session.open())
            qFatal("cannot open a console store");
        LinkConfig linkConfig;
        linkConfig.url = hubUrl;
        linkConfig.pingIntervalMs = options.pingMs;
        linkConfig.backoffBaseMs = 50;
        linkConfig.backoffCapMs = 400;
        linkConfig.firstReconnectJitterMs = 300;
        linkConfig.seed = qHash(consoleId);
        linkConfig.replayWindow = options.replayWindow;
        linkConfig.bootstrap = options.bootstrap;
        linkConfig.historyPageEvents = options.historyPageEvents;
        PlatformConnection &platform = m_session.connectPlatform(linkConfig);
        platform.link().setCredential(secretOf(consoleId));
        platform.client().setAckTimeoutMs(options.ackTimeoutMs);
        platform.client().setRetryPolicy(options.platformRetry);
    }

    static SessionConfig sessionConfig(const QString &path, const QString &storeId,
                                       const QString &consoleId, const ConsoleOptions &options)
    {
        SessionConfig config =
                SessionConfig::forConsole(path, storeId, consoleId, options.services);
        config.engine.incomingBatchSize = options.incomingBatchSize;
        return config;
    }

    QString folder() const { return m_dir.path(); }
    /** The whole session, for a board window over this console. */
    ConsoleSession &session() { return m_session; }
    Store &store() { return m_session.store(); }
    OrderEngine &engine() { return m_session.engine(); }
    PlatformLink &link() { return m_session.platform()->link(); }
    SyncClient &client() { return m_session.platform()->client(); }
    const HistoryBackfill &history() const { return m_session.platform()->history(); }
    bool isLive() const { return m_session.platform()->isLive(); }
    std::optional<OrderState> stateOf(const QString &orderId)
    {
        const std::optional<Order> order = store().order(orderId);
        return order ? std::optional<OrderState>(order->state) : std::nullopt;
    }

private:
    QTemporaryDir m_dir;
    ConsoleSession m_session;
};

/** A LoopbackHub whose consoles are SyncTest consoles (secretOf(id)), and a way to place orders. */
class HubBed : public LoopbackHub
{
public:
    explicit HubBed(const Clock &clock)
        : LoopbackHub(clock)
        , m_clock(clock)
    { }

    /** Opens the log, registers stores and consoles (secretOf(id)), and listens. */
    bool start(const QHash<QString, QStringList> &consolesByStore)
    {
        if (!open())
            return false;
        for (auto it = consolesByStore.cbegin(); it != consolesByStore.cend(); ++it) {
            if (!records().stores().add(it.key()))
                return false;
            for (const QString &console : it.value()) {
                if (!addConsole(it.key(), console, secretOf(console)))
                    return false;
            }
        }
        return listen();
    }

    /** A new console of storeId connected to this hub, already started. */
    std::unique_ptr<Console> console(const QString &storeId, const QString &consoleId,
                                     const ConsoleOptions &options = {})
    {
        auto result = std::make_unique<Console>(storeId, consoleId, url(), m_clock, options);
        if (const Result<void> started = result->client().start(); !started)
            qFatal("the link did not start: %s", qUtf8Printable(started.error()));
        return result;
    }

    /** Places an order on the platform for storeId (as a customer would); its id, or empty. */
    QString place(OrderGenerator &generator, const QString &storeId)
    {
        Order order = generator.next(m_clock.nowMs());
        order.storeId = storeId;
        const SubmitOutcome outcome = hub().submit(OrderEvent::placed(
            order, Actor::platform(), QStringLiteral("test-platform"), m_clock.nowMs()));
        return outcome.acked() ? order.id : QString();
    }

    /**
     * A long history for storeId: finishedOrders placed and picked up three days ago (five
     * events each, none of them in a new console's snapshot), then openOrders placed now. The
     * open ones' ids, sorted.
     */
    QStringList seedHistory(const QString &storeId, int finishedOrders, int openOrders)
    {
        const qint64 then = m_clock.nowMs() - 3 * 24 * 60 * 60 * 1000;
        const Actor cook = Actor::staff(QStringLiteral("ana"));
        QList<OrderEvent> history;
        QStringList open;
        for (int i = 0; i < finishedOrders + openOrders; ++i) {
            const Order order = HubTest::order(storeId, QString::number(1000 + i));
            const bool finished = i < finishedOrders;
            history.append(HubTest::placed(order, finished ? then : m_clock.nowMs()));
            if (!finished) {
                open.append(order.id);
                continue;
            }
            OrderState from = OrderState::Placed;
            for (const OrderState to : {OrderState::Accepted, OrderState::Preparing,
                                        OrderState::Ready, OrderState::PickedUp}) {
                history.append(HubTest::transition(order, from, to, cook, then));
                from = to;
            }
        }
        for (const SubmitOutcome &outcome : hub().submitAll(history)) {
            if (!outcome.acked())
                qWarning("history refused: %s", qUtf8Printable(outcome.reason));
        }
        open.sort();
        return open;
    }

private:
    const Clock &m_clock;
};

/**
 * The console agrees with the platform: every order equal to the hub's, every hub event stored
 * exactly once with its place, no refusal of anything the hub logged, nothing left to send, the
 * cursor at the head, and the projection equal to its log.
 */
inline void checkConverged(Console &console, HubLog &log, const QString &storeId)
{
    const QStringList problems = ConvergenceAudit::problems(
            console.store(), console.client().cursor(), PlatformView::of(log, storeId));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

} // namespace SyncTest
