// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kc-load-console: one kitchen screen of a load run, as a process of its own so that the run can
// SIGKILL it. It is built as the kitchen-console program builds a console (ConsoleSession over a
// store file on disk, its platform connection) and a StaffRobot works it through BoardActions, the
// board's own commands. Its disk can be made to fail on request (FaultyDisk is installed in this
// process). Test-only: the credential comes as the first line of stdin, never from a keyring.
//
// With --pos-url it also delivers to a Square POS (the run's fake), its access token the second
// line of stdin.
//
// stdin, one command a line: "disk full", "disk io", "disk heal", "quit". Closing stdin quits too,
// so a run that dies takes its consoles with it.
// stdout, one JSON object a line: {"status":{...}} every statusMs, {"tally":{...}} on quit.
#include "board/boardactions.h"
#include "board/staffrobot.h"
#include "faultydisk.h"
#include "settings/boardoptions.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "store/outbox.h"
#include "store/storefault.h"
#include "sync/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>

#include <unistd.h>

namespace {
constexpr int statusMs = 250;

void printJson(const QJsonObject &object)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QJsonObject statusOf(ConsoleSession &session, const StaffRobot &robot)
{
    PlatformConnection &platform = *session.platform();
    Outbox outbox(session.store());
    return {
        {QStringLiteral("live"), platform.isLive()},
        {QStringLiteral("cursor"), platform.client().cursor()},
        {QStringLiteral("pending"), platform.client().health().pending},
        // Every destination's queue: the platform's and the POS's.
        {QStringLiteral("outbox"), outbox.pendingCount()},
        {QStringLiteral("refused_writes"), FaultyDisk::refusedWrites()},
        {QStringLiteral("backlog"), session.engine().incomingBacklog()},
        {QStringLiteral("store_fault"), StoreFaults::name(session.engine().storeFault())},
        {QStringLiteral("commands"), robot.tally().commands()},
        {QStringLiteral("refused"), robot.tally().refused},
    };
}

QJsonObject tallyOf(const StaffRobot::Tally &tally)
{
    return {
        {QStringLiteral("accepted"), tally.accepted},
        {QStringLiteral("rejected"), tally.rejected},
        {QStringLiteral("started"), tally.started},
        {QStringLiteral("readied"), tally.readied},
        {QStringLiteral("handed_over"), tally.handedOver},
        {QStringLiteral("station_bumps"), tally.stationBumps},
        {QStringLiteral("recalled"), tally.recalled},
        {QStringLiteral("refused"), tally.refused},
    };
}

/** Hands whole lines of stdin to onLine; its end to onEnd. */
void readCommands(QObject *parent, std::function<void(const QByteArray &)> onLine,
                  std::function<void()> onEnd)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, parent);
    auto pending = std::make_shared<QByteArray>();
    QObject::connect(notifier, &QSocketNotifier::activated, parent,
                     [notifier, pending, onLine = std::move(onLine), onEnd = std::move(onEnd)] {
                         char buffer[512];
                         const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
                         if (got <= 0) {
                             notifier->setEnabled(false);
                             onEnd();
                             return;
                         }
                         pending->append(buffer, got);
                         qsizetype newline;
                         while ((newline = pending->indexOf('\n')) >= 0) {
                             onLine(pending->left(newline).trimmed());
                             pending->remove(0, newline + 1);
                         }
                     });
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QStringList valued {QStringLiteral("store-path"), QStringLiteral("store-id"),
                              QStringLiteral("console-id"), QStringLiteral("station"),
                              QStringLiteral("hub-url"), QStringLiteral("seed"),
                              QStringLiteral("tick-ms"), QStringLiteral("min-dwell-ms"),
                              QStringLiteral("max-dwell-ms"), QStringLiteral("pos-url"),
                              QStringLiteral("busy-timeout-ms")};
    for (const QString &name : valued)
        parser.addOption(QCommandLineOption(name, name, QStringLiteral("value")));
    parser.process(app);
    const auto number = [&parser](const char *name, qint64 fallback) {
        const QString value = parser.value(QLatin1String(name));
        return value.isEmpty() ? fallback : value.toLongLong();
    };

    if (!FaultyDisk::install()) {
        std::fprintf(stderr, "kc-load-console: cannot install the faulty disk\n");
        return 3;
    }
    std::string secret;
    std::string posToken;
    const bool withPos = parser.isSet(QStringLiteral("pos-url"));
    if (!std::getline(std::cin, secret) || secret.empty()
        || (withPos && (!std::getline(std::cin, posToken) || posToken.empty()))) {
        std::fprintf(stderr, "kc-load-console: no credential on stdin\n");
        return 2;
    }

    SystemClock clock;
    const QString storePath = parser.value(QStringLiteral("store-path"));
    const QString consoleId = parser.value(QStringLiteral("console-id"));
    ConsoleSession session(SessionConfig::forConsole(storePath,
                                                     parser.value(QStringLiteral("store-id")),
                                                     consoleId,
                                                     SessionConfig::Services::EngineOnly),
                           clock);
    // Shorter than the product's 5 s, so that a store another program holds is told to staff
    // (StoreFault::Busy) within a fault's stretch rather than waited out.
    session.store().setBusyTimeoutMs(int(number("busy-timeout-ms", 1000)));
    if (const Result<void> opened = session.open(); !opened) {
        std::fprintf(stderr, "kc-load-console: %s\n", qUtf8Printable(opened.error()));
        return 4;
    }
    LinkConfig linkConfig;
    linkConfig.url = QUrl(parser.value(QStringLiteral("hub-url")));
    // The product's backoff; a ping every 3 s instead of 10, so that a half-open link is found
    // within the run (a link silent for 1.5 pings drops). Faster than that, sixty consoles on two
    // loaded cores take a busy hub for a dead one.
    linkConfig.pingIntervalMs = 3000;
    linkConfig.seed = quint32(number("seed", 1));
    PlatformConnection &platform = session.connectPlatform(linkConfig);
    platform.link().setCredential(QByteArray::fromStdString(secret));
    if (const Result<void> started = platform.client().start(); !started) {
        std::fprintf(stderr, "kc-load-console: %s\n", qUtf8Printable(started.error()));
        return 5;
    }

    if (withPos) {
        PosSettings settings;
        settings.vendor = QStringLiteral("square");
        settings.baseUrl = QUrl(parser.value(QStringLiteral("pos-url")));
        settings.locationId = QStringLiteral("LOC1");
        settings.pollSeconds = 5;
        PosConnection::Context context;
        context.storeId = session.config().engine.storeId;
        context.retry.baseMs = 200; // a POS back from an outage is written to within seconds
        context.retry.capMs = 5000;
        PosSecrets secrets;
        secrets.token = QByteArray::fromStdString(posToken);
        if (!session.connectPos(settings, context).startWithSecrets(secrets)) {
            std::fprintf(stderr, "kc-load-console: the POS connection did not start\n");
            return 6;
        }
    }

    BoardOptions options;
    options.staffId = QStringLiteral("robot-") + consoleId;
    options.station = parser.value(QStringLiteral("station"));
    BoardActions actions(session.engine(), clock, options);
    StaffRobot::Pace pace;
    pace.tickMs = int(number("tick-ms", 250));
    pace.minDwellMs = number("min-dwell-ms", 500);
    pace.maxDwellMs = number("max-dwell-ms", 3000);
    pace.rejectPerMille = 50;
    pace.recallPerMille = 50;
    pace.expoTakesOverAfterMs = 4 * pace.maxDwellMs; // the stations no screen of the run shows
    pace.seed = quint32(number("seed", 1));
    StaffRobot robot(session.engine(), actions, clock, parser.value(QStringLiteral("station")),
                     pace);
    robot.start();

    QTimer status;
    QObject::connect(&status, &QTimer::timeout, &app, [&session, &robot] {
        printJson({{QStringLiteral("status"), statusOf(session, robot)}});
    });
    status.start(statusMs);

    bool quitting = false;
    const auto quit = [&robot, &status, &quitting] {
        if (std::exchange(quitting, true))
            return;
        robot.stop();
        status.stop();
        printJson({{QStringLiteral("tally"), tallyOf(robot.tally())}});
        QCoreApplication::quit();
    };
    readCommands(
            &app,
            [&quit, &storePath](const QByteArray &command) {
                if (command == "disk full")
                    FaultyDisk::fail(storePath, FaultyDisk::Fault::Full);
                else if (command == "disk io")
                    FaultyDisk::fail(storePath, FaultyDisk::Fault::IoError);
                else if (command == "disk heal")
                    FaultyDisk::heal();
                else if (command == "quit")
                    quit();
                else
                    std::fprintf(stderr, "kc-load-console: unknown command %s\n",
                                 command.constData());
            },
            quit);
    return app.exec();
}
