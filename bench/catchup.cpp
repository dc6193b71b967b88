// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench/catchup: a whole console catching up on a store's history (issue 15), against a real
// order-hub process on 127.0.0.1. The console is this program again, in a process of its own
// (CatchupConsole): the session with its kitchen services and alerts, the board window on the
// offscreen platform, the platform connection, as main() builds them.
//  (a) catchup_events_per_s_<N>: from the link's start until the board is painted with the hub's
//      head applied, for a store of N orders (1,000, 10,000 and 100,000 by default); against
//      bare_sqlite_batch_events_per_s, the same rows inserted straight through QtSql in batches
//      of the engine's size into a file with the store's schema and pragmas. Target ratio 2 at
//      every size, so that the curve is flat.
//  (b) rss_after_catchup_ratio_<N>: the console's resident memory once caught up, against a cold
//      start of the same store file (a new process that opens it, shows the board and goes
//      live). Target 1.5.
//  (c) cold_start_7000_open_ms: from starting the console's process until its board is first
//      painted (as the driver sees it, the process's own loading included), on a store with
//      7,000 open tickets; against cold_start_empty_store_ms, the same on a store with none.
//      Target 2. The median of three starts each.
//  (d) bootstrap_<N>_orders_s: a fresh console joining the same store with a snapshot
//      (LinkConfig::bootstrap: the open orders, those of the last 24 h, the store's state), from
//      the link's start until the board is painted live at the hub's head, in seconds. Timed from
//      the link's start, like (a), so that its baseline is the full replay of the same store by
//      the same kind of fresh console in the same run (full_replay_<N>_orders_s): what a new
//      console cost before. The process's own start (about the cold start of an empty store) is
//      printed beside it. The target is absolute, under 5 s for 100,000 orders, so the
//      JSON line has no target ratio; the progress line says whether the 5 s hold.
//  (e) history_backfill_<N>_orders_s: the same bootstrapped console goes on until the history
//      before its snapshot is all stored (HistoryBackfill, a page at a time in the background),
//      from the link's start, in seconds; against full_replay_<N>_orders_s, which stores the same
//      events in the foreground. No target: a background fetch may take longer, and must not be
//      far off.

#include "benchfigure.h"
#include "baresqlite.h"
#include "catchupconsole.h"
#include "catchuphistory.h"
#include "hubprocess.h"

#include "common/clock.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"
#include "order/projector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

using BenchRun::check;
using BenchRun::progress;

namespace {
constexpr int batchSize = 100; // EngineConfig::incomingBatchSize's default
constexpr int childTimeoutMs = 900'000;
const QString platformSource = QStringLiteral("platform"); // what SyncClient records as source

struct Settings
{
    QList<int> orderCounts {1000, 10'000, 100'000};
    int openTickets = 7000;
    static Settings quick() { return {{200, 1000}, 500}; }
};

constexpr int coldStarts = 3;

QString sizeName(int orders)
{
    return orders % 1000 == 0 ? QStringLiteral("%1k").arg(orders / 1000) : QString::number(orders);
}

// The rows the console's store writes for the history, inserted straight: only the inserts are
// timed; reading the hub's log and projecting the orders is the baseline's own preparation.
double bareEventsPerSecond(const StoreHistory &history, const QString &barePath)
{
    SystemClock clock;
    HubRecords records(std::make_unique<SqliteHubStorage>(history.hubPath), clock, 1000);
    check(records.open().ok(), QStringLiteral("reading the history back"));
    BareSqlite bare(barePath);
    QString error;
    check(bare.open(&error), QStringLiteral("bare file: %1").arg(error));
    QHash<QString, Order> open;
    qint64 writtenNs = 0;
    qint64 rows = 0;
    qint64 cursor = 0;
    QElapsedTimer timer;
    for (;;) {
        const QList<Protocol::SequencedEvent> page =
                records.log().eventsAfter(StoreHistory::storeId, cursor, 1000);
        if (page.isEmpty())
            break;
        for (qsizetype first = 0; first < page.size(); first += batchSize) {
            QList<BareIncomingRow> batch;
            for (const Protocol::SequencedEvent &logged : page.mid(first, batchSize)) {
                const OrderEvent &event = logged.event;
                const auto known = open.constFind(event.orderId);
                const Projection next = Projector::apply(
                        known == open.constEnd() ? std::nullopt : std::optional<Order>(*known),
                        event);
                check(next.ok(), next.error());
                if (OrderStates::isFinal(next->state))
                    open.remove(event.orderId);
                else
                    open.insert(event.orderId, *next);
                batch.append({BareEventRow::from(event), BareOrderRow::from(*next), platformSource,
                              event.id.toString(QUuid::WithoutBraces)});
                cursor = logged.seq;
            }
            const QString position = QString::number(cursor);
            timer.start();
            check(bare.writeIncomingBatch(batch, &position, clock.nowMs()), bare.lastError());
            writtenNs += timer.nsecsElapsed();
            rows += batch.size();
        }
    }
    check(rows == history.head, QStringLiteral("the history's log has gaps"));
    return double(rows) * 1e9 / double(writtenNs);
}

// One run of the console role; its report.
QJsonObject runConsole(const CatchupConsole::Run &run)
{
    QProcess console;
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    QElapsedTimer sinceStart;
    sinceStart.start();
    console.start(QCoreApplication::applicationFilePath(), CatchupConsole::arguments(run));
    check(console.waitForStarted(), QStringLiteral("the console did not start"));
    QByteArray output;
    while (!CatchupConsole::saysPainted(output) && console.state() == QProcess::Running) {
        console.waitForReadyRead(1000);
        output += console.readAllStandardOutput();
    }
    const double paintedMs = double(sinceStart.nsecsElapsed()) / 1e6;
    check(console.waitForFinished(childTimeoutMs), QStringLiteral("the console did not finish"));
    check(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
          QStringLiteral("the console failed (exit %1)").arg(console.exitCode()));
    QJsonObject report = CatchupConsole::parseReport(output + console.readAllStandardOutput());
    check(!report.isEmpty(), QStringLiteral("the console printed no report"));
    report.insert(QStringLiteral("painted_ms"), paintedMs);
    return report;
}

// A console with an empty store of its own, for the history hub serves.
CatchupConsole::Run freshConsole(const QTemporaryDir &dir, const QString &name,
                                 const StoreHistory &history, const HubProcess &hub)
{
    CatchupConsole::Run run;
    run.storePath = dir.filePath(QStringLiteral("console-%1.sqlite").arg(name));
    run.hubUrl = hub.url();
    run.head = history.head;
    run.timeoutMs = childTimeoutMs - 60'000;
    return run;
}

// A store of orders, every one still open, caught up once; then the median of cold starts.
double coldStartMs(const QTemporaryDir &dir, int open, const QString &keepIn)
{
    const QString name = QStringLiteral("open-%1").arg(open);
    HistoryShape shape;
    shape.orders = open;
    shape.openAtEnd = open;
    shape.gapMs = 2000; // a rush: all of them placed within the last few hours
    shape.endMs = QDateTime::currentMSecsSinceEpoch();
    const StoreHistory history =
            StoreHistory::write(dir.filePath(QStringLiteral("hub-%1.sqlite").arg(name)), shape);
    HubProcess hub(QStringLiteral(KC_ORDER_HUB), {QStringLiteral("--db"), history.hubPath});
    const CatchupConsole::Run run = freshConsole(dir, name, history, hub);
    runConsole(run); // fills the store
    if (!keepIn.isEmpty()) {
        // For a profiler: the filled store, to start kitchen-console on by hand.
        const QString kept = QDir(keepIn).filePath(QStringLiteral("console-%1.sqlite").arg(name));
        QFile::remove(kept);
        check(QFile::copy(run.storePath, kept), QStringLiteral("could not keep %1").arg(kept));
        progress() << "kept " << kept << " (store " << StoreHistory::storeId << ", console "
                   << StoreHistory::consoleId << ")" << Qt::endl;
    }
    QList<double> starts;
    QList<double> settled; // inside the console: until its first turn's work is done too
    QList<double> cpu; // the console's CPU time until painted: steadier on a busy machine
    for (int i = 0; i < coldStarts; ++i) {
        const QJsonObject report = runConsole(run);
        starts.append(report.value(QStringLiteral("painted_ms")).toDouble());
        settled.append(report.value(QStringLiteral("settled_ms")).toDouble());
        cpu.append(report.value(QStringLiteral("startup_cpu_ms")).toDouble());
    }
    progress() << open << " open tickets: cold starts " << starts.at(0) << ", " << starts.at(1)
               << ", " << starts.at(2) << " ms; settled (console's own clock) " << settled.at(0)
               << ", " << settled.at(1) << ", " << settled.at(2) << " ms; CPU until painted "
               << cpu.at(0) << ", " << cpu.at(1) << ", " << cpu.at(2) << " ms" << Qt::endl;
    return BenchStats::median(starts);
}

QList<BenchFigure> measureSize(const QTemporaryDir &dir, int orders)
{
    const QString name = sizeName(orders);
    HistoryShape shape;
    shape.orders = orders;
    shape.endMs = QDateTime::currentMSecsSinceEpoch();
    const StoreHistory history =
            StoreHistory::write(dir.filePath(QStringLiteral("hub-%1.sqlite").arg(name)), shape);
    const double bare =
            bareEventsPerSecond(history, dir.filePath(QStringLiteral("bare-%1.db").arg(name)));

    HubProcess hub(QStringLiteral(KC_ORDER_HUB), {QStringLiteral("--db"), history.hubPath});
    const CatchupConsole::Run run = freshConsole(dir, name, history, hub);
    const QJsonObject caughtUp = runConsole(run);
    const QJsonObject cold = runConsole(run);
    const double catchupMs = caughtUp.value(QStringLiteral("catchup_ms")).toDouble();
    const double events = caughtUp.value(QStringLiteral("events")).toDouble();
    check(events == double(history.head), QStringLiteral("the console stored another count"));
    const double eventsPerSecond = events * 1000.0 / catchupMs;
    check(caughtUp.value(QStringLiteral("open_orders")).toInt() == history.open,
          QStringLiteral("the caught-up board shows another number of open tickets"));

    CatchupConsole::Run fresh = freshConsole(dir, name + QStringLiteral("-bootstrap"), history, hub);
    fresh.bootstrap = true;
    const QJsonObject booted = runConsole(fresh);
    check(booted.value(QStringLiteral("open_orders")).toInt() == history.open,
          QStringLiteral("the bootstrapped board shows another number of open tickets"));
    check(booted.value(QStringLiteral("events")).toDouble() == double(history.head),
          QStringLiteral("the bootstrapped console's history is not all there"));
    const double bootstrapS = booted.value(QStringLiteral("catchup_ms")).toDouble() / 1000.0;
    const double historyS = booted.value(QStringLiteral("history_ms")).toDouble() / 1000.0;
    progress() << name << " orders: bootstrapped on "
               << booted.value(QStringLiteral("events_when_caught_up")).toDouble() << " of "
               << history.head
               << " events in " << bootstrapS << " s after a start of "
               << booted.value(QStringLiteral("startup_ms")).toDouble() << " ms (full replay "
               << catchupMs / 1000.0 << " s); target under 5 s: "
               << (bootstrapS < 5.0 ? "met" : "missed") << "; the history in by " << historyS
               << " s" << Qt::endl;
    progress() << name << " orders: caught up on " << events << " events in " << catchupMs
               << " ms (" << eventsPerSecond << "/s; bare " << bare << "/s); rss "
               << caughtUp.value(QStringLiteral("rss_kib")).toDouble() / 1024 << " MiB, cold "
               << cold.value(QStringLiteral("rss_kib")).toDouble() / 1024 << " MiB, cold start "
               << cold.value(QStringLiteral("painted_ms")).toDouble() << " ms" << Qt::endl;
    return {{QStringLiteral("catchup"), QStringLiteral("catchup_events_per_s_") + name,
             BenchFigure::Kind::Throughput, eventsPerSecond,
             QStringLiteral("bare_sqlite_batch_events_per_s"), bare, 2.0},
            {QStringLiteral("catchup"), QStringLiteral("rss_after_catchup_ratio_") + name,
             BenchFigure::Kind::Cost, caughtUp.value(QStringLiteral("rss_kib")).toDouble(),
             QStringLiteral("rss_cold_start_kib"), cold.value(QStringLiteral("rss_kib")).toDouble(),
             1.5},
            {QStringLiteral("catchup"), QStringLiteral("bootstrap_%1_orders_s").arg(name),
             BenchFigure::Kind::Cost, bootstrapS,
             QStringLiteral("full_replay_%1_orders_s").arg(name), catchupMs / 1000.0,
             std::nullopt},
            {QStringLiteral("catchup"), QStringLiteral("history_backfill_%1_orders_s").arg(name),
             BenchFigure::Kind::Cost, historyS,
             QStringLiteral("full_replay_%1_orders_s").arg(name), catchupMs / 1000.0,
             std::nullopt}};
}
} // namespace

int main(int argc, char *argv[])
{
    if (CatchupConsole::isConsoleRole(argc, argv))
        return CatchupConsole::main(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("A whole console catching up on a store's history, from a real "
                           "order-hub."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Smaller stores, for a smoke run."));
    const QCommandLineOption orders(QStringLiteral("orders"),
                                    QStringLiteral("The store sizes to measure, comma-separated "
                                                   "(default 1000,10000,100000)."),
                                    QStringLiteral("N,..."));
    const QCommandLineOption coldOnly(QStringLiteral("cold-start-only"),
                                      QStringLiteral("Only the cold-start figure."));
    const QCommandLineOption keep(QStringLiteral("keep-stores"),
                                  QStringLiteral("Copy the cold-start stores into this folder."),
                                  QStringLiteral("DIR"));
    parser.addOptions({quick, orders, coldOnly, keep});
    parser.process(app);
    Settings settings = parser.isSet(quick) ? Settings::quick() : Settings();
    if (parser.isSet(orders)) {
        settings.orderCounts.clear();
        for (const QString &count : parser.value(orders).split(QLatin1Char(','))) {
            const int n = count.toInt();
            if (n < 1) {
                progress() << "bad --orders: " << parser.value(orders) << Qt::endl;
                return 2;
            }
            settings.orderCounts.append(n);
        }
    }
    return BenchRun::printFigures(QStringLiteral("catchup"), [&](const QTemporaryDir &dir) {
        QList<BenchFigure> figures;
        const QString keepIn = parser.value(keep);
        const double empty = coldStartMs(dir, 0, keepIn);
        const double open = coldStartMs(dir, settings.openTickets, keepIn);
        figures.append({QStringLiteral("catchup"),
                        QStringLiteral("cold_start_%1_open_ms").arg(settings.openTickets),
                        BenchFigure::Kind::Cost, open, QStringLiteral("cold_start_empty_store_ms"),
                        empty, 2.0});
        if (parser.isSet(coldOnly))
            return figures;
        for (int orders : settings.orderCounts)
            figures += measureSize(dir, orders);
        return figures;
    });
}
