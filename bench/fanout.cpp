// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench/fanout: what the sync path costs beyond the bare transport and the bare disk.
//
// p99_fanout_ms (and p50_fanout_ms): one in-process hub on 127.0.0.1, S stores × C real consoles
//   (Store file + OrderEngine + PlatformLink + SyncClient each, as the product wires them). A bump
//   on one console, timed from its local commit until every other console of the store has applied
//   it (OrderEngine::orderChanged), against bare_ws_echo_rtt_ms: one frame of a submit's size
//   echoed by a bare QWebSocketServer, sampled in the same rounds.
//   Threading model: the hub (HubLog + Hub + HubServer), the echo pair and the driver run in the
//   main thread; each console runs in its own QThread (bench/fanoutthread.h), like a console on
//   its own machine, so the receivers' commits (an fsync each) overlap instead of taking turns.
//   A console's Store, OrderEngine, PlatformLink and SyncClient are created, used and destroyed
//   in its thread (a QSqlDatabase connection belongs to one thread); the driver reaches them only
//   through blocking queued calls. Every console timestamps what it sees in its own thread against
//   one QElapsedTimer started by the driver (the same monotonic clock in every thread of the
//   process) and reports the times back through queued signals. The machine's cores are shared,
//   though: with more consoles than cores, threads still wait for a core.
// replay_events_per_s: a fresh console catching up from cursor 0 on 10,000 events of one store,
//   against bare_sqlite_batch_events_per_s: the same rows inserted in batches of 100. A throughput:
//   ratio = baseline ÷ value, "times slower than bare", as in bench/transition.
//
// Results go to stdout as JSON lines (one per figure), progress and breakdowns to stderr.
#include "fanoutlatency.h"
#include "fanoutreplay.h"
#include "fanoutsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>


int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fanout"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures hub fan-out latency and console replay speed against a bare "
                       "WebSocket echo and bare SQLite; prints one JSON line per figure."));
    parser.addHelpOption();
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("Few rounds: a smoke run for CI."));
    const QCommandLineOption storesOption(QStringLiteral("stores"),
                                          QStringLiteral("Stores on the hub (default 4)."),
                                          QStringLiteral("count"));
    const QCommandLineOption consolesOption(QStringLiteral("consoles"),
                                            QStringLiteral("Consoles per store (default 3)."),
                                            QStringLiteral("count"));
    parser.addOptions({quickOption, storesOption, consolesOption});
    parser.process(app);
    FanoutSettings settings =
        parser.isSet(quickOption) ? FanoutSettings::quick() : FanoutSettings();
    const auto count = [&parser](const QCommandLineOption &option, int fallback, int min) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > 64)
            parser.showHelp(1);
        return value;
    };
    settings.stores = count(storesOption, settings.stores, 1);
    settings.consoles = count(consolesOption, settings.consoles, 2);

    return BenchRun::printFigures(QStringLiteral("fanout"), [&settings](const QTemporaryDir &dir) {
        QList<BenchFigure> figures = fanoutFigures(dir, settings);
        figures.append(replayFigure(dir, settings));
        return figures;
    });
}
