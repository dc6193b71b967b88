// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench/transition: what durability costs us beyond SQLite's own price.
//
// durable_transition_us: one staff bump through OrderEngine and Store (one transaction holding the
//   event, the projection row and the outbox row), against bare_sqlite_txn_us: the same three rows
//   written straight through QtSql into a file with the same schema and pragmas.
// burst_apply_events_per_s: 1,000 incoming events applied through the engine in batches of 100,
//   against bare_sqlite_batch_events_per_s: the same rows in the same batches, a transaction each.
//   A throughput: ratio = baseline ÷ value, so that for both figures the ratio means "times slower
//   than bare" and lower is better.
//
// Both sides write files in one QTemporaryDir (one disk). Each round runs the baseline and the
// measured path back to back, alternating which goes first, after a warm-up; the figure is the
// median over rounds, so machine noise lands on both. Results go to stdout as JSON lines (one per
// figure), progress to stderr.
#include "baresqlite.h"
#include "benchfigure.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "order/projector.h"
#include "order/statemachine.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTemporaryDir>

#include <algorithm>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QString storeId = QStringLiteral("store-bench");
const QString consoleId = QStringLiteral("console-bench");
const QString destination = QStringLiteral("platform");
const QString incomingSource = QStringLiteral("platform");
constexpr double durableTarget = 1.3; // the ratio; it set none for the burst
constexpr int stepsPerOrder = 4; // placed → accepted → preparing → ready → handed over

struct Settings
{
    int rounds = 5;
    int opsPerRound = 200; // transitions per side per round
    int warmupOps = 20;
    int burstRounds = 5;
    int burstEvents = 1000;
    int batchSize = 100; // the engine's incoming batch size

    static Settings quick() { return {2, 20, 5, 2, 1000, 100}; }
};

double microsPerOp(const QElapsedTimer &timer, int ops)
{
    return double(timer.nsecsElapsed()) / 1000.0 / ops;
}

/** The durable path and its baseline, on one store file and one bare file for the whole run. */
class DurableBench final
{
public:
    DurableBench(const QTemporaryDir &dir, const Settings &settings)
        : m_store(dir.filePath(QStringLiteral("durable.kcdb")), &m_clock)
        , m_engine(m_store, m_clock, engineConfig())
        , m_bare(dir.filePath(QStringLiteral("durable-bare.db")))
        , m_totalOps(settings.warmupOps + settings.rounds * settings.opsPerRound)
    {
    }

    // Places every order the run will bump (outside the timing) and makes the baseline's rows.
    void setUp()
    {
        const Result<void> opened = m_store.open();
        check(opened.ok(), opened.error());
        QString error;
        check(m_bare.open(&error), QStringLiteral("bare file: %1").arg(error));
        OrderGenerator generator(storeId, 42);
        const int orderCount = (m_totalOps + stepsPerOrder - 1) / stepsPerOrder;
        QList<Order> bareOrders;
        QList<BareOrderRow> seed;
        for (int i = 0; i < orderCount; ++i) {
            const CommandResult placed =
                    m_engine.placeOrder(generator.next(m_clock.nowMs()), Actor::platform());
            check(placed.ok, QStringLiteral("placing an order: %1").arg(placed.message));
            m_orderIds.append(placed.order->id);
            bareOrders.append(*placed.order);
            seed.append(BareOrderRow::from(*placed.order));
        }
        check(m_bare.seedOrders(seed), m_bare.lastError());
        makeBaselineRows(bareOrders);
    }

    double measured(int ops)
    {
        const Actor cook = Actor::staff(QStringLiteral("ana"));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < ops; ++i, ++m_nextMeasured) {
            TransitionDetails details;
            if (stepOf(m_nextMeasured) == 0)
                details.promisedAt = m_clock.nowMs() + 15 * 60'000; // accepting promises a time
            const CommandResult result =
                    m_engine.advance(m_orderIds.at(orderOf(m_nextMeasured)), cook, details);
            check(result.ok, QStringLiteral("engine refused a bump: %1").arg(result.message));
        }
        return microsPerOp(timer, ops);
    }

    double baseline(int ops)
    {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < ops; ++i, ++m_nextBaseline) {
            const BareTransition &row = m_baselineRows.at(m_nextBaseline);
            check(m_bare.writeTransition(row.event, row.order, destination, m_clock.nowMs()),
                  m_bare.lastError());
        }
        return microsPerOp(timer, ops);
    }

private:
    struct BareTransition
    {
        BareEventRow event;
        BareOrderRow order;
    };

    static EngineConfig engineConfig()
    {
        EngineConfig config;
        config.storeId = storeId;
        config.consoleId = consoleId;
        config.destinations = {destination};
        return config;
    }

    // Bumps go round the orders, as a kitchen works several tickets at once.
    int orderOf(int op) const { return op % int(m_orderIds.size()); }
    int stepOf(int op) const { return op / int(m_orderIds.size()); }

    // The rows the store will write for each bump, replayed through the same projector.
    void makeBaselineRows(QList<Order> orders)
    {
        for (int op = 0; op < m_totalOps; ++op) {
            const Order &order = orders.at(orderOf(op));
            OrderEvent event = OrderEvent::transition(
                    order.id, storeId, order.state, StateMachine::nextStep(order).value(),
                    Actor::staff(QStringLiteral("ana")), consoleId, m_clock.nowMs());
            if (stepOf(op) == 0)
                event.payload.insert(QStringLiteral("promised_at"), m_clock.nowMs() + 15 * 60'000);
            const Projection projection = Projector::apply(order, event);
            check(projection.ok(), projection.error());
            orders[orderOf(op)] = *projection;
            m_baselineRows.append(
                    {BareEventRow::from(event), BareOrderRow::from(*projection)});
        }
    }

    SystemClock m_clock;
    Store m_store;
    OrderEngine m_engine;
    BareSqlite m_bare;
    int m_totalOps = 0;
    QStringList m_orderIds;
    QList<BareTransition> m_baselineRows;
    int m_nextMeasured = 0;
    int m_nextBaseline = 0;
};

/** A replay burst: orders placed and bumped on other consoles, interleaved as the log has them. */
struct Burst
{
    QList<IncomingEvent> events;
    QList<BareIncomingRow> bareRows; // what the store writes for each event
    QString cursorPosition;

    static Burst make(int eventCount, qint64 startMs)
    {
        struct Timed
        {
            qint64 at;
            IncomingEvent incoming;
        };
        QList<Timed> timed;
        OrderGenerator generator(storeId, 7);
        const int orderCount = eventCount / stepsPerOrder;
        for (int i = 0; i < orderCount; ++i) {
            const qint64 placedAt = startMs + i * 10'000; // a ticket every 10 s …
            Order order = generator.next(placedAt);
            order.type = OrderType::Pickup;
            const OrderEvent placed =
                    OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), placedAt);
            timed.append({placedAt, {incomingSource, {}, placed, std::nullopt, {}}});
            OrderState state = OrderState::Placed;
            int step = 0;
            for (const OrderState to :
                 {OrderState::Accepted, OrderState::Preparing, OrderState::Ready}) {
                // … each bumped over minutes
                OrderEvent bump = OrderEvent::transition(
                        order.id, storeId, state, to, Actor::staff(QStringLiteral("ben")),
                        QStringLiteral("console-2"), placedAt + ++step * 45'000);
                if (to == OrderState::Accepted)
                    bump.payload.insert(QStringLiteral("promised_at"), placedAt + 20 * 60'000);
                timed.append({bump.occurredAt, {incomingSource, {}, bump, std::nullopt, {}}});
                state = to;
            }
        }
        std::stable_sort(timed.begin(), timed.end(),
                         [](const Timed &a, const Timed &b) { return a.at < b.at; });

        Burst burst;
        QHash<QString, Order> projection;
        for (Timed &entry : timed) {
            IncomingEvent &incoming = entry.incoming;
            incoming.messageId = QStringLiteral("msg-%1").arg(burst.events.size() + 1);
            const OrderEvent &event = incoming.event;
            const auto it = projection.constFind(event.orderId);
            const Projection next = Projector::apply(
                    it == projection.constEnd() ? std::nullopt : std::optional<Order>(*it), event);
            check(next.ok(), next.error());
            projection.insert(event.orderId, *next);
            burst.events.append(incoming);
            burst.bareRows.append({BareEventRow::from(event), BareOrderRow::from(*next),
                                   incoming.source, incoming.messageId});
        }
        burst.cursorPosition = QString::number(burst.events.size());
        return burst;
    }
};

// The engine's own path: queued, applied a batch per event-loop turn, until it says it is done.
double measuredBurst(const QString &path, const Burst &burst, int batchSize)
{
    SystemClock clock;
    Store store(path, &clock);
    const Result<void> opened = store.open();
    check(opened.ok(), opened.error());
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = consoleId;
    config.incomingBatchSize = batchSize;
    OrderEngine engine(store, clock, config);
    int refusals = 0;
    QObject::connect(&engine, &OrderEngine::refused, &engine, [&refusals] { ++refusals; });
    QEventLoop loop;
    QObject::connect(&engine, &OrderEngine::incomingDrained, &loop, &QEventLoop::quit);

    QElapsedTimer timer;
    timer.start();
    engine.applyIncoming(burst.events, SourceCursor{incomingSource, burst.cursorPosition});
    loop.exec();
    const qint64 elapsedNs = timer.nsecsElapsed();

    check(refusals == 0, QStringLiteral("%1 incoming events were refused").arg(refusals));
    check(store.eventCount() == burst.events.size(), QStringLiteral("not every event was stored"));
    return burst.events.size() * 1e9 / double(elapsedNs);
}

double baselineBurst(const QString &path, const Burst &burst, int batchSize)
{
    BareSqlite bare(path);
    QString error;
    check(bare.open(&error), QStringLiteral("bare file: %1").arg(error));
    SystemClock clock;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype first = 0; first < burst.bareRows.size(); first += batchSize) {
        const QList<BareIncomingRow> batch = burst.bareRows.mid(first, batchSize);
        const bool last = first + batchSize >= burst.bareRows.size();
        check(bare.writeIncomingBatch(batch, last ? &burst.cursorPosition : nullptr, clock.nowMs()),
              bare.lastError());
    }
    return burst.bareRows.size() * 1e9 / double(timer.nsecsElapsed());
}

// Runs a and b once each per round, the first one alternating, and returns their medians.
template<typename A, typename B>
std::pair<double, double> interleaved(int rounds, const char *name, A runA, B runB)
{
    QList<double> as;
    QList<double> bs;
    for (int round = 0; round < rounds; ++round) {
        if (round % 2 == 0) {
            as.append(runA(round));
            bs.append(runB(round));
        } else {
            bs.append(runB(round));
            as.append(runA(round));
        }
        progress() << name << " round " << round + 1 << ": baseline " << Qt::fixed
                   << qSetRealNumberPrecision(1) << as.constLast() << ", measured "
                   << bs.constLast() << Qt::endl;
    }
    return {BenchStats::median(as), BenchStats::median(bs)};
}

BenchFigure durableFigure(const QTemporaryDir &dir, const Settings &settings)
{
    DurableBench bench(dir, settings);
    bench.setUp();
    bench.baseline(settings.warmupOps);
    bench.measured(settings.warmupOps);
    const auto [bare, ours] = interleaved(
            settings.rounds, "durable_transition_us",
            [&](int) { return bench.baseline(settings.opsPerRound); },
            [&](int) { return bench.measured(settings.opsPerRound); });
    return {QStringLiteral("transition"), QStringLiteral("durable_transition_us"),
            BenchFigure::Kind::Cost, ours, QStringLiteral("bare_sqlite_txn_us"), bare, durableTarget};
}

BenchFigure burstFigure(const QTemporaryDir &dir, const Settings &settings)
{
    const Burst burst = Burst::make(settings.burstEvents, SystemClock().nowMs());
    // Each round starts from empty files, so every round applies the same burst to the same state.
    const auto file = [&dir](const char *side, int round) {
        return dir.filePath(QStringLiteral("burst-%1-%2.db").arg(QLatin1String(side)).arg(round));
    };
    const int batchSize = settings.batchSize;
    measuredBurst(file("warmup", 0), burst, batchSize);
    baselineBurst(file("warmup-bare", 0), burst, batchSize);
    const auto [bare, ours] = interleaved(
            settings.burstRounds, "burst_apply_events_per_s",
            [&](int round) { return baselineBurst(file("bare", round), burst, batchSize); },
            [&](int round) { return measuredBurst(file("ours", round), burst, batchSize); });
    return {QStringLiteral("transition"), QStringLiteral("burst_apply_events_per_s"),
            BenchFigure::Kind::Throughput, ours, QStringLiteral("bare_sqlite_batch_events_per_s"),
            bare, std::nullopt};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("transition"));
    const Settings settings =
            BenchRun::isQuickRun(QStringLiteral("Measures a durable transition and an incoming "
                                                "burst against bare SQLite; prints one JSON line "
                                                "per figure."),
                                 QStringLiteral("Few iterations: a smoke run for CI."))
            ? Settings::quick()
            : Settings();

    return BenchRun::printFigures(QStringLiteral("transition"), [&settings](const QTemporaryDir &dir) {
        return QList<BenchFigure>{durableFigure(dir, settings), burstFigure(dir, settings)};
    });
}
