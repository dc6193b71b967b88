// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// lunchrush: the lunch-rush load run (issue 17). One order-hub process placing a lunch peak of
// orders in every store (its simulator, with customers' cancels and couriers), three console
// processes per store (expo, grill, fry; kc-load-console), each worked by a StaffRobot through the
// board's commands and linked to the hub through a FaultProxy of its own, each store's expo also
// writing to the store's Square POS (a SquareFake in this process), while a FaultSchedule
// kills and restarts the hub and consoles, cuts, delays and half-opens links, fills and breaks
// disks, locks stores and takes POSes down. Then the faults are healed, the platform stops taking orders, the staff
// finish every order, and the run checks that every console equals the platform's log: nothing
// lost, nothing doubled, and every console's dashboard shows the figures the platform's log
// gives. Everything on 127.0.0.1, bounded by its options, and it stops by itself.
//
// stdout: one JSON object (CONVENTIONS.md keeps bench figures as JSON lines; this is the run's
// record). stderr: progress. Exit code 0 when every check held, 1 when one did not, 2 when the run
// could not be set up.
#include "faultschedule.h"
#include "hubprogress.h"
#include "loadaudit.h"
#include "loadchildren.h"

#include "dashboardaudit.h"

#include "common/clock.h"
#include "hub/hublog.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"

#include "fakes/square/squarefake.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace LoadRun;

namespace {
const QByteArray runSecret = "lunch-rush-secret";
const QStringList screens {QStringLiteral("expo"), QStringLiteral("grill"), QStringLiteral("fry")};

struct RunOptions
{
    int stores = 4;
    int seconds = 60; // of orders and faults
    int perMinute = 20; // orders per store
    int faultEveryMs = 3000;
    int minHoldMs = 1500;
    int maxHoldMs = 4000;
    int settleSeconds = 180; // the limit on finishing and converging once the faults stop
    quint32 seed = 1;
    QString keep; // a folder to keep the run's files in; a temporary one otherwise
};

void progress(const QString &line)
{
    std::fprintf(stderr, "lunchrush: %s\n", qUtf8Printable(line));
}

RunOptions parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The lunch-rush load run with faults."));
    parser.addHelpOption();
    const auto option = [&parser](const char *name, const char *help) {
        parser.addOption(QCommandLineOption(QLatin1String(name), QLatin1String(help),
                                            QStringLiteral("value")));
    };
    option("stores", "Stores, three consoles each (default 4).");
    option("seconds", "Seconds of orders and faults (default 60).");
    option("per-minute", "Orders per minute per store (default 20).");
    option("fault-every-ms", "A new fault this often (default 3000).");
    option("seed", "The seed of the faults and the staff (default 1).");
    option("settle-seconds", "The limit on converging after the faults (default 180).");
    option("keep", "Keep the run's files in this folder.");
    parser.process(app);
    RunOptions options;
    const auto number = [&parser](const char *name, int fallback) {
        const QString value = parser.value(QLatin1String(name));
        return value.isEmpty() ? fallback : value.toInt();
    };
    options.stores = std::clamp(number("stores", options.stores), 1, 50);
    options.seconds = std::clamp(number("seconds", options.seconds), 5, 4 * 3600);
    options.perMinute = std::clamp(number("per-minute", options.perMinute), 1, 600);
    options.faultEveryMs = std::max(500, number("fault-every-ms", options.faultEveryMs));
    options.seed = quint32(number("seed", int(options.seed)));
    options.settleSeconds = std::max(10, number("settle-seconds", options.settleSeconds));
    options.keep = parser.value(QStringLiteral("keep"));
    return options;
}

QString storeName(int index)
{
    return QStringLiteral("store-%1").arg(index + 1, 2, 10, QLatin1Char('0'));
}

/** A POS applied each write once: writes applied again under one idempotency key, or with none. */
struct PosWrites
{
    qint64 applied = 0;
    qint64 duplicated = 0;
    qint64 withoutKey = 0;
};

PosWrites posWritesOf(const WriteLedger &ledger)
{
    PosWrites writes;
    QHash<QString, int> byKey;
    for (const AppliedWrite &write : ledger.writes()) {
        ++writes.applied;
        if (write.idempotencyKey.isEmpty())
            ++writes.withoutKey;
        else if (++byKey[write.idempotencyKey] > 1)
            ++writes.duplicated;
    }
    return writes;
}

/** Every console at the platform's head of its store, nothing to send, nothing to store. */
bool everyoneCaughtUp(const std::vector<std::unique_ptr<ConsoleChild>> &consoles,
                      const HubProgress::Reading &hub)
{
    if (!hub.ok)
        return false;
    return std::all_of(consoles.cbegin(), consoles.cend(), [&hub](const auto &console) {
        return console->caughtUpTo(hub.heads.value(console->spec().storeId));
    });
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const RunOptions options = parse(app);
    QTemporaryDir temporary;
    const QString folder = options.keep.isEmpty() ? temporary.path() : options.keep;
    QDir().mkpath(folder);

    QStringList stores;
    QStringList registration;
    for (int s = 0; s < options.stores; ++s) {
        stores.append(storeName(s));
        registration << QStringLiteral("--add-store") << stores.last();
        for (const QString &screen : screens)
            registration << QStringLiteral("--add-console") << stores.last() + QLatin1Char(':') + screen;
    }
    const QStringList simulate {QStringLiteral("--simulate"), QString::number(options.perMinute)};

    HubChild hub(QStringLiteral(KC_ORDER_HUB_PATH), folder);
    progress(QStringLiteral("%1 stores × %2 consoles, %3 orders a minute each, %4 s, in %5")
                     .arg(options.stores)
                     .arg(screens.size())
                     .arg(options.perMinute)
                     .arg(options.seconds)
                     .arg(folder));
    if (!hub.start(registration + QStringList {QStringLiteral("--console-secret"),
                                               QStringLiteral("-")},
                   runSecret + '\n')) {
        progress(QStringLiteral("the hub did not start (see hub.log)"));
        return 2;
    }
    // Registered; from now on it runs over its log as any restarted hub does.
    hub.stop();
    if (!hub.start(simulate))
        return 2;

    std::vector<std::unique_ptr<SquareFake>> poses;
    std::vector<std::unique_ptr<ConsoleChild>> consoles;
    quint32 seed = options.seed * 1000;
    for (const QString &store : stores) {
        poses.push_back(std::make_unique<SquareFake>());
        poses.back()->setSeed(++seed);
        if (!poses.back()->listen())
            return 2;
        for (const QString &screen : screens) {
            ConsoleChild::Spec spec;
            spec.storeId = store;
            spec.consoleId = screen;
            spec.station = screen == screens.constFirst() ? QString() : screen;
            spec.storePath = QDir(folder).filePath(QStringLiteral("%1-%2.sqlite").arg(store, screen));
            spec.seed = ++seed;
            if (spec.station.isEmpty()) {
                spec.posUrl = poses.back()->baseUrl();
                spec.posToken = QByteArray(SquareFake::defaultToken);
            }
            auto console = std::make_unique<ConsoleChild>(QStringLiteral(KC_LOAD_CONSOLE_PATH),
                                                          spec, runSecret);
            if (!console->listen(hub.wsPort()) || !console->start())
                return 2;
            consoles.push_back(std::move(console));
        }
    }
    const auto pointProxiesAtHub = [&consoles, &hub] {
        for (auto &console : consoles)
            console->proxy().setTarget(QHostAddress::LocalHost, hub.wsPort());
    };
    if (!QTest::qWaitFor([&consoles] {
            return std::all_of(consoles.cbegin(), consoles.cend(), [](const auto &console) {
                return console->status().value(QStringLiteral("live")).toBool();
            });
        }, 120'000)) {
        progress(QStringLiteral("the consoles did not all go live"));
        return 2;
    }

    FaultSchedule::Targets targets;
    targets.hub = &hub;
    targets.restartHub = [&hub, &simulate, &pointProxiesAtHub] {
        const bool started = hub.start(simulate);
        pointProxiesAtHub();
        return started;
    };
    for (auto &console : consoles)
        targets.consoles.push_back(console.get());
    targets.lockHolderProgram = QStringLiteral(KC_LOCKHOLDER_PATH);
    for (auto &pos : poses)
        targets.posFakes.push_back(pos.get());
    FaultSchedule faults(targets, options.seed, options.minHoldMs, options.maxHoldMs);

    QElapsedTimer run;
    run.start();
    qint64 nextFault = options.faultEveryMs;
    qint64 nextReport = 10'000;
    bool faultsWorked = true;
    while (run.elapsed() < qint64(options.seconds) * 1000) {
        QTest::qWait(100);
        faultsWorked = faults.heal(run.elapsed()) && faultsWorked;
        if (run.elapsed() >= nextFault) {
            faultsWorked = faults.injectNext(run.elapsed()) && faultsWorked;
            nextFault += options.faultEveryMs;
        }
        if (run.elapsed() >= nextReport) {
            nextReport += 10'000;
            progress(QStringLiteral("%1 s: %2 faults so far").arg(run.elapsed() / 1000).arg(faults.injectedCount()));
        }
    }

    // The rush is over: every fault healed, the platform takes no more orders (the hub restarted
    // without its simulator), the staff finish what is on their boards.
    faultsWorked = faults.healAll() && faultsWorked;
    hub.stop();
    if (!hub.start({}))
        return 2;
    pointProxiesAtHub();
    QElapsedTimer settling;
    settling.start();
    HubProgress progressOfHub(hub.databasePath());
    HubProgress::Reading reading;
    const bool settled = QTest::qWaitFor(
            [&] {
                reading = progressOfHub.read();
                return reading.ok && reading.inKitchen == 0 && everyoneCaughtUp(consoles, reading);
            },
            options.settleSeconds * 1000);
    const qint64 convergeMs = settling.elapsed();
    progress(QStringLiteral("settled: %1 in %2 ms (%3 orders still in a kitchen)")
                     .arg(settled ? QStringLiteral("yes") : QStringLiteral("NO"))
                     .arg(convergeMs)
                     .arg(reading.inKitchen));

    int staffCommands = 0;
    int staffRefused = 0;
    bool consolesEnded = true;
    for (auto &console : consoles) {
        consolesEnded = console->quit(30'000) && consolesEnded;
        staffCommands += console->commands();
        staffRefused += console->refused();
    }
    const bool hubEnded = hub.stop();

    // The audit, over the files alone: the platform's log against every console's store.
    SystemClock clock;
    HubRecords records(std::make_unique<SqliteHubStorage>(hub.databasePath()), clock, 10'000);
    if (const Result<void> opened = records.open(); !opened) {
        progress(QStringLiteral("the hub's log does not open: ") + opened.error());
        return 1;
    }
    qint64 orders = 0;
    qint64 events = 0;
    qint64 lost = 0;
    qint64 duplicated = std::max<qint64>(0, duplicatedInHub(hub.databasePath()));
    qint64 refusedByPlatform = 0;
    QJsonArray problems;
    for (const QString &store : stores) {
        orders += records.log().orders(store).size();
        events += records.log().eventCount(store);
    }
    // The manager's dashboard on every console, over every order, against the same figures
    // worked out plainly from the platform's log (DashboardAudit).
    int dashboardFigures = 0;
    int dashboardsDiffering = 0;
    QJsonArray dashboardProblems;
    DashboardAudit::Options dashboard;
    dashboard.nowMs = clock.nowMs();
    for (auto &console : consoles) {
        const QString &store = console->spec().storeId;
        const QList<Protocol::SequencedEvent> platformLog =
                records.log().eventsAfter(store, 0, int(records.log().head(store)) + 1);
        dashboard.window = DashboardAudit::windowCovering(platformLog);
        const DashboardAuditReport figures =
                DashboardAudit::compareFile(console->spec().storePath, platformLog, dashboard);
        dashboardFigures += int(figures.figures.size());
        // A figure off the platform's log fails the run (the one such difference seen so far
        // was a station's start the platform overtook, folded in local order: fixed).
        if (!figures.ok()) {
            ++dashboardsDiffering;
            for (const QString &problem : figures.problems.mid(0, 3))
                dashboardProblems.append(QStringLiteral("%1/%2: %3")
                                                 .arg(store, console->spec().consoleId, problem));
        }
    }
    for (auto &console : consoles) {
        const ConsoleAudit audit = auditConsole(console->spec().storePath, console->spec().storeId,
                                                console->spec().consoleId, records.log());
        lost += audit.lost;
        duplicated += audit.duplicated;
        refusedByPlatform += audit.refused;
        for (const QString &problem : audit.problems.mid(0, 5))
            problems.append(QStringLiteral("%1/%2: %3").arg(console->spec().storeId,
                                                            console->spec().consoleId, problem));
    }
    PosWrites posWrites;
    for (size_t i = 0; i < poses.size(); ++i) {
        const PosWrites writes = posWritesOf(poses[i]->ledger());
        posWrites.applied += writes.applied;
        posWrites.duplicated += writes.duplicated;
        posWrites.withoutKey += writes.withoutKey;
        if (writes.duplicated > 0 || writes.withoutKey > 0)
            problems.append(QStringLiteral("%1's POS: %2 writes applied twice, %3 without a key")
                                    .arg(stores.at(int(i)))
                                    .arg(writes.duplicated)
                                    .arg(writes.withoutKey));
    }
    duplicated += posWrites.duplicated;
    for (const QString &problem : faults.problems())
        problems.append(problem);
    if (!settled)
        problems.append(QStringLiteral("did not converge within %1 s").arg(options.settleSeconds));
    if (!consolesEnded || !hubEnded)
        problems.append(QStringLiteral("a process did not end cleanly when asked"));
    const bool ok = problems.isEmpty() && faultsWorked && lost == 0 && duplicated == 0
            && dashboardsDiffering == 0;

    const QJsonObject record {
        {QStringLiteral("run"), QStringLiteral("lunch_rush")},
        {QStringLiteral("stores"), options.stores},
        {QStringLiteral("consoles"), int(consoles.size())},
        {QStringLiteral("seconds"), options.seconds},
        {QStringLiteral("orders_per_minute_per_store"), options.perMinute},
        {QStringLiteral("seed"), qint64(options.seed)},
        {QStringLiteral("orders"), orders},
        {QStringLiteral("events"), events},
        {QStringLiteral("staff_commands"), staffCommands},
        {QStringLiteral("staff_commands_refused_locally"), staffRefused},
        {QStringLiteral("events_refused_by_platform"), refusedByPlatform},
        {QStringLiteral("dashboard_figures_compared"), dashboardFigures},
        {QStringLiteral("dashboards_differing"), dashboardsDiffering},
        {QStringLiteral("dashboard_problems"), dashboardProblems},
        {QStringLiteral("pos_writes"), posWrites.applied},
        {QStringLiteral("pos_writes_duplicated"), posWrites.duplicated},
        {QStringLiteral("faults"), faults.injected()},
        {QStringLiteral("faults_total"), faults.injectedCount()},
        {QStringLiteral("faults_felt"), faults.felt()},
        {QStringLiteral("converge_ms"), convergeMs},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("duplicated"), duplicated},
        {QStringLiteral("problems"), problems},
        {QStringLiteral("ok"), ok},
    };
    std::fprintf(stdout, "%s\n", QJsonDocument(record).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
