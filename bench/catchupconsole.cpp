// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catchupconsole.h"

#include "benchfigure.h"
#include "catchuphistory.h"

#include "board/mainwindow.h"
#include "common/clock.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "shared/paintmemory.h"
#include "sync/syncclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace {
const char roleFlag[] = "--console-role";
const char paintedLine[] = "board painted";

int fail(const QString &why)
{
    std::fprintf(stderr, "catchup console: %s\n", qUtf8Printable(why));
    return 1;
}
} // namespace

namespace CatchupConsole {

QStringList arguments(const Run &run)
{
    QStringList arguments {QString::fromLatin1(roleFlag),
                           QStringLiteral("--store"), run.storePath,
                           QStringLiteral("--hub"), run.hubUrl.toString(),
                           QStringLiteral("--head"), QString::number(run.head),
                           QStringLiteral("--timeout-ms"), QString::number(run.timeoutMs)};
    if (run.bootstrap)
        arguments.append(QStringLiteral("--bootstrap"));
    return arguments;
}

bool isConsoleRole(int argc, char **argv)
{
    return argc > 1 && qstrcmp(argv[1], roleFlag) == 0;
}

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    PaintMemory::keepLargeBlocksForReuse(); // as the console's own main() does
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*.info=false"));
    QCommandLineParser parser;
    const QCommandLineOption role(QString::fromLatin1(roleFlag + 2));
    const QCommandLineOption store(QStringLiteral("store"), {}, QStringLiteral("PATH"));
    const QCommandLineOption hub(QStringLiteral("hub"), {}, QStringLiteral("URL"));
    const QCommandLineOption head(QStringLiteral("head"), {}, QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"), {}, QStringLiteral("MS"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"));
    parser.addOptions({role, store, hub, head, timeout, bootstrap});
    parser.process(app);
    const qint64 hubHead = parser.value(head).toLongLong();

    SystemClock clock;
    ConsoleSession session(SessionConfig::forConsole(parser.value(store), StoreHistory::storeId,
                                                     StoreHistory::consoleId),
                           clock);
    if (const Result<void> opened = session.open(); !opened)
        return fail(opened.error());
    const qint64 storedAtStart = session.store().eventCount();
    MainWindow window(session);
    window.resize(1920, 1080);
    window.show();
    window.repaint();
    const qint64 startupNs = sinceStart.nsecsElapsed();
    const double startupCpuMs = double(std::clock()) * 1000.0 / CLOCKS_PER_SEC; // all threads
    // The driver times the whole start, the process's own loading included, up to this line.
    std::fprintf(stdout, "%s\n", paintedLine);
    std::fflush(stdout);
    // The board may leave work for the event loop's first turn (the tickets past the first
    // screen, the all-day counts): this times the start until that is done too, for the record.
    // A timer, not a queued call: it fires after the zero timers the board started before it.
    qint64 settledNs = -1;
    QTimer settle;
    settle.setSingleShot(true);
    QObject::connect(&settle, &QTimer::timeout, &app,
                     [&] { settledNs = sinceStart.nsecsElapsed(); });
    settle.start(0);

    LinkConfig link;
    link.url = QUrl(parser.value(hub));
    link.seed = 1;
    link.firstReconnectJitterMs = 0;
    link.bootstrap = parser.isSet(bootstrap);
    PlatformConnection &connection = session.connectPlatform(link);
    window.setSync(&connection.client(), &connection.link());

    // Caught up: the engine has applied everything up to the hub's head, and the board has been
    // painted after it. A store that already holds the head is caught up once it is live.
    // A bootstrapped console then has the older history fetched in the background: timed too,
    // until it is all stored.
    QElapsedTimer sinceLink;
    qint64 caughtUpNs = -1;
    qint64 historyNs = -1;
    qint64 storedWhenCaughtUp = 0;
    const HistoryBackfill &history = connection.history();
    const auto checkCaughtUp = [&] {
        if (caughtUpNs < 0) {
            if (connection.client().cursor() < hubHead || !connection.isLive())
                return;
            window.repaint();
            caughtUpNs = sinceLink.nsecsElapsed();
            storedWhenCaughtUp = session.store().eventCount();
        }
        if (link.bootstrap
            && (history.goal() == 0 || history.isIncomplete()
                || session.engine().incomingBacklog() > 0))
            return;
        historyNs = sinceLink.nsecsElapsed();
        QCoreApplication::quit();
    };
    QObject::connect(&session.engine(), &OrderEngine::incomingDrained, &app, checkCaughtUp);
    QObject::connect(&connection.link(), &PlatformLink::stateChanged, &app, checkCaughtUp);
    int refusals = 0;
    QObject::connect(&session.engine(), &OrderEngine::refused, &app, [&] { ++refusals; });
    QTimer::singleShot(parser.value(timeout).toInt(), &app, [] { QCoreApplication::exit(2); });

    sinceLink.start();
    connection.startWithCredential(StoreHistory::secret());
    if (app.exec() != 0)
        return fail(QStringLiteral("not caught up in time: cursor %1 of %2")
                            .arg(connection.client().cursor())
                            .arg(hubHead));
    if (refusals > 0)
        return fail(QStringLiteral("%1 events were refused").arg(refusals));
    const qint64 stored = session.store().eventCount();
    // A replay holds every event, and so does a snapshot once its history is in.
    if (stored != hubHead)
        return fail(QStringLiteral("the store holds %1 events of %2").arg(stored).arg(hubHead));

    const QJsonObject report {
        {QStringLiteral("startup_ms"), double(startupNs) / 1e6},
        {QStringLiteral("settled_ms"), double(settledNs) / 1e6},
        {QStringLiteral("startup_cpu_ms"), startupCpuMs},
        {QStringLiteral("catchup_ms"), double(caughtUpNs) / 1e6},
        {QStringLiteral("history_ms"), double(historyNs) / 1e6},
        {QStringLiteral("events"), double(stored - storedAtStart)},
        {QStringLiteral("events_when_caught_up"), double(storedWhenCaughtUp - storedAtStart)},
        {QStringLiteral("open_orders"), double(session.store().orders(true).size())},
        {QStringLiteral("rss_kib"), double(BenchRun::residentKib())},
    };
    std::fprintf(stdout, "%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

bool saysPainted(const QByteArray &output)
{
    return output.contains(paintedLine);
}

QJsonObject parseReport(const QByteArray &output)
{
    for (const QByteArray &line : output.split('\n')) {
        const QJsonDocument document = QJsonDocument::fromJson(line.trimmed());
        if (document.isObject() && document.object().contains(QStringLiteral("rss_kib")))
            return document.object();
    }
    return {};
}

} // namespace CatchupConsole
