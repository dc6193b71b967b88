// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// order-hub's composition root: reads the command line (HubCommandLine), opens the records on
// SQLite or PostgreSQL, registers stores and consoles, and starts the WebSocket server and the
// HTTP API.
#include "common/clock.h"
#include "common/redactingmessagehandler.h"
#include "hub/hub.h"
#include "hub/hubhttpapi.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"
#include "hub/hubsimulator.h"
#include "hub/logfollower.h"
#include "hub/secrethasher.h"
#include "hub/storage/postgreshubstorage.h"
#include "hub/storage/postgreslogwatch.h"
#include "hub/storage/sqlitehubstorage.h"
#include "hubcommandline.h"
#include "stopsignals.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {
enum ExitCode {
    Ok = 0,
    UsageError = 2,
    DatabaseError = 3,
    ListenError = 4,
};

// Sessions close within HubSession's own grace (a peer that never answers is cut after 5 s);
// this only bounds the wait should something else hold the event loop up.
constexpr int stopDeadlineMs = 8000;

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
    std::fflush(stream);
}

// STORE:CONSOLE split in two, or none (said on stderr) when spec is not that.
std::optional<QStringList> storeAndConsole(const QString &spec, const QString &option)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        printLine(stderr, QStringLiteral("--%1 wants STORE:CONSOLE, not \"%2\"").arg(option, spec));
        return std::nullopt;
    }
    return parts;
}

// Registers the consoles named on the command line; prints each generated secret exactly once.
bool addConsoles(HubRecords &records, const QStringList &specs, const QString &givenSecret)
{
    for (const QString &spec : specs) {
        const std::optional<QStringList> parts =
            storeAndConsole(spec, QStringLiteral("add-console"));
        if (!parts)
            return false;
        const QByteArray secret =
                givenSecret.isEmpty() ? ConsoleCredentials::newSecret() : givenSecret.toUtf8();
        Result<void> added = records.stores().add(parts->at(0));
        if (added)
            added = records.credentials().add(parts->at(0), parts->at(1), secret);
        if (!added) {
            printLine(stderr, QStringLiteral("cannot add console %1: %2").arg(spec, added.error()));
            return false;
        }
        if (givenSecret.isEmpty())
            printLine(
                stdout,
                QStringLiteral("console %1 secret %2").arg(spec, QString::fromLatin1(secret)));
    }
    return true;
}

// Grants or withdraws the rights the command line names (--grant-pos-relay, --revoke-manager …).
bool setRights(HubRecords &records, const QList<HubCommandLine::RightChange> &changes)
{
    for (const HubCommandLine::RightChange &change : changes) {
        const std::optional<QStringList> parts = storeAndConsole(change.console, change.option);
        if (!parts)
            return false;
        const Result<void> changed = records.credentials().setRight(parts->at(0), parts->at(1),
                                                                    change.right, change.granted);
        if (!changed) {
            printLine(stderr,
                      QStringLiteral("cannot --%1 %2: %3")
                          .arg(change.option, change.console, changed.error()));
            return false;
        }
    }
    return true;
}
// Prints a one-time pairing code for each console named; a hub serving the same log honours it.
bool issuePairingCodes(HubRecords &records, const QStringList &specs)
{
    for (const QString &spec : specs) {
        const std::optional<QStringList> parts = storeAndConsole(spec, QStringLiteral("pair"));
        if (!parts)
            return false;
        const Result<IssuedPairingCode> issued =
                records.pairing().issue(parts->at(0), parts->at(1));
        if (!issued) {
            printLine(stderr, QStringLiteral("cannot pair %1: %2").arg(spec, issued.error()));
            return false;
        }
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(issued->expiresAtMs, Qt::UTC);
        printLine(stdout,
                  QStringLiteral("pairing code %1 for console %2 of store %3, once, until %4 UTC")
                          .arg(issued->code, issued->consoleId, issued->storeId,
                               until.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    // First, before anything can log: no log line of this program holds a card number.
    const RedactingMessageHandler redactedLogs;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("order-hub"));
    QCoreApplication::setOrganizationName(QStringLiteral("KitchenConsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KC_VERSION));

    QString error;
    const std::optional<HubCommandLine> line =
        HubCommandLine::parse(QCoreApplication::arguments(), &error);
    if (!line) {
        printLine(stderr, error);
        return UsageError;
    }
    if (!line->warning.isEmpty())
        printLine(stderr, line->warning);

    SystemClock clock;
    std::unique_ptr<HubStorage> storage;
    if (line->postgres)
        storage = std::make_unique<PostgresHubStorage>(*line->postgres);
    else
        storage = std::make_unique<SqliteHubStorage>(line->dbPath);
    HubRecords records(std::move(storage), clock);
    if (const Result<void> opened = records.open(); !opened) {
        printLine(stderr, opened.error());
        return DatabaseError;
    }
    for (const QString &store : line->stores) {
        if (const Result<void> added = records.stores().add(store); !added) {
            printLine(stderr, QStringLiteral("cannot add store %1: %2").arg(store, added.error()));
            return UsageError;
        }
    }
    QString consoleSecret = line->consoleSecret;
    if (consoleSecret == QLatin1String("-"))
        consoleSecret = QTextStream(stdin).readLine().trimmed();
    if (!addConsoles(records, line->consoles, consoleSecret)
        || !setRights(records, line->rightChanges))
        return UsageError;
    if (!line->pairings.isEmpty())
        return issuePairingCodes(records, line->pairings) ? Ok : UsageError;

    Hub hub(records, line->maxGroup);
    HubServer server(hub, line->server);
    // Over PostgreSQL other order-hub processes write to the same log: their consoles' events
    // reach this process's consoles through the log, woken by NOTIFY.
    std::unique_ptr<PostgresLogWatch> watch;
    std::unique_ptr<LogFollower> follower;
    if (line->postgres) {
        watch = std::make_unique<PostgresLogWatch>(*line->postgres);
        if (const Result<void> watching = watch->open(); !watching) {
            printLine(stderr, watching.error());
            return DatabaseError;
        }
        follower = std::make_unique<LogFollower>(hub);
        QObject::connect(watch.get(), &PostgresLogWatch::storeWritten, follower.get(),
                         &LogFollower::storeWritten);
        QObject::connect(watch.get(), &PostgresLogWatch::resumed, follower.get(),
                         &LogFollower::catchUpAll);
        server.fanOutFrom(*follower);
    }
    if (const Result<void> listening = server.listen(line->address, line->wsPort); !listening) {
        printLine(stderr,
                  QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(line->address.toString())
                      .arg(line->wsPort)
                      .arg(listening.error()));
        return ListenError;
    }
    HubHttpApi http(hub, clock);
    if (!http.listen(line->httpPort)) {
        printLine(stderr, QStringLiteral("cannot listen for HTTP on port %1").arg(line->httpPort));
        return ListenError;
    }
    HubSimulator simulator(hub, clock);
    if (line->ordersPerMinute > 0)
        simulator.start(records.stores().ids(), line->ordersPerMinute);

    // SIGTERM and SIGINT stop the hub the documented way: every console gets 1001 "hub
    // stopping", the close frames go out, then the event loop ends and the records close as main's
    // locals go, and the exit code is 0. Without this, consoles would see the link drop (1006).
    StopSignals stopSignals;
    if (!stopSignals.install())
        printLine(stderr,
                  QStringLiteral("warning: cannot handle SIGTERM/SIGINT (%1); stopping will drop "
                                 "sessions without a close frame")
                      .arg(stopSignals.errorString()));
    bool stopping = false;
    const auto quitWhenClosed = [&server] {
        if (server.sessionCount() == 0)
            QCoreApplication::exit(Ok);
    };
    QObject::connect(&server, &HubServer::sessionFinished, &app, [&stopping, quitWhenClosed] {
        if (stopping)
            quitWhenClosed();
    });
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &app,
                     [&stopping, &simulator, &server, quitWhenClosed](int signalNumber) {
                         if (stopping)
                             return;
                         stopping = true;
                         printLine(stdout,
                                   QStringLiteral("order-hub stopping (%1), closing %2 sessions")
                                       .arg(StopSignals::name(signalNumber))
                                       .arg(server.sessionCount()));
                         simulator.stop();
                         server.close(); // 1001 "hub stopping" to every session
                         QTimer::singleShot(stopDeadlineMs, QCoreApplication::instance(),
                                            [] { QCoreApplication::exit(Ok); });
                         quitWhenClosed();
                     });

    printLine(stdout,
              QStringLiteral("order-hub listening ws=%1 http=%2")
                  .arg(server.serverPort())
                  .arg(http.serverPort()));
    const int exitCode = QCoreApplication::exec();
    if (stopping)
        printLine(stdout, QStringLiteral("order-hub stopped"));
    return exitCode;
}
