// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutreplay.h"

#include "baresqlite.h"
#include "benchfigure.h"
#include "fanoutconsole.h"

#include "common/clock.h"
#include "common/result.h"
#include "hub/hub.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"
#include "hub/storage/sqlitehubstorage.h"
#include "order/projector.h"
#include "sim/ordergenerator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QString storeId = QStringLiteral("store-replay");
const QString consoleId = QStringLiteral("replay-console");
const QString platformSource = QStringLiteral("platform"); // what SyncClient records as source
constexpr int hashIterations = 1000;
constexpr int batchSize = 100; // EngineConfig::incomingBatchSize's default
constexpr int stepsPerOrder = 4; // placed, accepted, preparing, ready

/** The log a console catches up on, and the rows the store writes for it, for the baseline. */
struct ReplayLog
{
    QList<BareIncomingRow> bareRows;
    QList<qint64> seqs; // the hub's sequence number of each row
    qint64 head = 0;
};

OrderEvent bump(const QString &orderId, OrderState from, OrderState to, qint64 at)
{
    OrderEvent event = OrderEvent::transition(orderId, storeId, from, to,
                                              Actor::staff(QStringLiteral("ben")),
                                              QStringLiteral("console-2"), at);
    if (to == OrderState::Accepted)
        event.payload.insert(QStringLiteral("promised_at"), at + 20 * 60'000);
    return event;
}

// A busy service as the hub logs it: each new ticket arrives while the three before it are
// accepted, started and finished, so the events of several orders interleave.
ReplayLog preload(Hub &hub, int eventCount, const Clock &clock)
{
    const int orderCount = eventCount / stepsPerOrder;
    OrderGenerator generator(storeId, 7);
    QStringList ids;
    const OrderState steps[] = {OrderState::Placed, OrderState::Accepted, OrderState::Preparing,
                                OrderState::Ready};
    const auto submit = [&hub](const OrderEvent &event) {
        const SubmitOutcome outcome = hub.submit(event);
        check(outcome.status == SubmitOutcome::Status::Accepted,
              QStringLiteral("preloading the hub: %1").arg(outcome.reason));
    };
    for (int k = 0; k < orderCount + stepsPerOrder - 1; ++k) {
        const qint64 now = clock.nowMs();
        if (k < orderCount) {
            const Order order = generator.next(now);
            ids.append(order.id);
            submit(OrderEvent::placed(order, Actor::platform(), QStringLiteral("bench-platform"),
                                      now));
        }
        for (int step = 1; step < stepsPerOrder; ++step) {
            const int index = k - step;
            if (index >= 0 && index < orderCount)
                submit(bump(ids.at(index), steps[step - 1], steps[step], now));
        }
    }

    // The rows the console's store will write: each event, the order after it, its inbox row.
    ReplayLog log;
    log.head = hub.log().head(storeId);
    QHash<QString, Order> orders;
    qint64 cursor = 0;
    for (;;) {
        const QList<Protocol::SequencedEvent> page = hub.log().eventsAfter(storeId, cursor, 1000);
        if (page.isEmpty())
            break;
        for (const Protocol::SequencedEvent &logged : page) {
            const OrderEvent &event = logged.event;
            const auto it = orders.constFind(event.orderId);
            const Projection next = Projector::apply(
                it == orders.constEnd() ? std::nullopt : std::optional<Order>(*it), event);
            check(next.ok(), next.error());
            orders.insert(event.orderId, *next);
            log.bareRows.append({BareEventRow::from(event), BareOrderRow::from(*next),
                                 platformSource, event.id.toString(QUuid::WithoutBraces)});
            log.seqs.append(logged.seq);
        }
        cursor = page.constLast().seq;
    }
    check(log.bareRows.size() == log.head, QStringLiteral("the hub's log has gaps"));
    return log;
}

// From link start until the cursor reaches the hub's head and the engine's queue is empty.
double measuredReplay(const QString &path, const QUrl &url, qint64 head, const Clock &clock,
                      int timeoutMs)
{
    BenchConsole console(path, storeId, consoleId, url, clock);
    int refusals = 0;
    qint64 doneNs = -1;
    QElapsedTimer timer;
    QObject scope;
    QObject::connect(&console.engine(), &OrderEngine::refused, &scope, [&] { ++refusals; });
    QObject::connect(&console.engine(), &OrderEngine::incomingDrained, &scope, [&] {
        if (doneNs < 0 && console.client().cursor() == head)
            doneNs = timer.nsecsElapsed();
    });
    timer.start();
    const Result<void> started = console.client().start();
    check(started.ok(), QStringLiteral("link refused: ") + started.error());
    check(FanoutSupport::waitUntil([&] { return doneNs >= 0; }, timeoutMs),
          QStringLiteral("the console did not catch up in time"));
    console.client().stop();
    check(refusals == 0, QStringLiteral("%1 replayed events were refused").arg(refusals));
    check(console.store().eventCount() == head, QStringLiteral("not every event was stored"));
    return double(head) * 1e9 / double(doneNs);
}

double baselineReplay(const QString &path, const ReplayLog &log, const Clock &clock)
{
    BareSqlite bare(path);
    QString error;
    check(bare.open(&error), QStringLiteral("bare file: %1").arg(error));
    QElapsedTimer timer;
    timer.start();
    for (qsizetype first = 0; first < log.bareRows.size(); first += batchSize) {
        const QList<BareIncomingRow> batch = log.bareRows.mid(first, batchSize);
        // Our path saves the cursor with the batch that covers it; so does the baseline.
        const QString cursor = QString::number(log.seqs.at(first + batch.size() - 1));
        check(bare.writeIncomingBatch(batch, &cursor, clock.nowMs()), bare.lastError());
    }
    return double(log.bareRows.size()) * 1e9 / double(timer.nsecsElapsed());
}
} // namespace

BenchFigure replayFigure(const QTemporaryDir &dir, const FanoutSettings &settings)
{
    SystemClock clock;
    HubRecords records(
        std::make_unique<SqliteHubStorage>(dir.filePath(QStringLiteral("replay-hub.sqlite"))),
        clock, hashIterations);
    const Result<void> opened = records.open();
    check(opened.ok(), opened.error());
    check(records.stores().add(storeId).ok(), QStringLiteral("adding the replay store"));
    check(records.credentials().add(storeId, consoleId, BenchConsole::secretOf(consoleId)).ok(),
          QStringLiteral("adding the replay console"));
    Hub hub(records);
    QElapsedTimer preloading;
    preloading.start();
    const ReplayLog log = preload(hub, settings.replayEvents, clock);
    progress() << "replay: " << log.head << " events preloaded through Hub::submit in "
               << preloading.elapsed() << " ms" << Qt::endl;
    HubServer server(hub);
    const Result<void> listening = server.listen(QHostAddress::LocalHost, 0);
    check(listening.ok(), listening.error());
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));

    // Each round starts from empty files, alternating which side goes first.
    const auto file = [&dir](const char *side, int round) {
        return dir.filePath(QStringLiteral("replay-%1-%2.db").arg(QLatin1String(side)).arg(round));
    };
    QList<double> ours;
    QList<double> bare;
    for (int round = 0; round < settings.replayRounds; ++round) {
        const auto runOurs = [&] {
            ours.append(measuredReplay(file("ours", round), url, log.head, clock,
                                       settings.replayTimeoutMs));
        };
        const auto runBare = [&] { bare.append(baselineReplay(file("bare", round), log, clock)); };
        if (round % 2 == 0) {
            runBare();
            runOurs();
        } else {
            runOurs();
            runBare();
        }
        progress() << "replay_events_per_s round " << round + 1 << ": baseline " << Qt::fixed
                   << qSetRealNumberPrecision(1) << bare.constLast() << ", measured "
                   << ours.constLast() << Qt::endl;
    }
    return {QStringLiteral("fanout"),
            QStringLiteral("replay_events_per_s"),
            BenchFigure::Kind::Throughput,
            BenchStats::median(ours),
            QStringLiteral("bare_sqlite_batch_events_per_s"),
            BenchStats::median(bare),
            std::nullopt};
}
