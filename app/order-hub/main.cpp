// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// order-hub's composition root: reads the command line, opens the records (SQLite), registers
// stores and consoles, and starts the WebSocket server and the HTTP API. Nothing here is worth
// testing alone.
#include "common/clock.h"
#include "common/randombytes.h"
#include "hub/hub.h"
#include "hub/hubhttpapi.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"
#include "hub/hubsimulator.h"
#include "hub/secrethasher.h"
#include "hub/storage/sqlitehubstorage.h"
#include "stopsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

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

QString defaultDbPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("hub.sqlite"));
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return quint16(port);
}

// The wss:// setup from PEM files; an error for a missing or unreadable certificate or key.
std::optional<QSslConfiguration> tlsConfiguration(const QString &certPath, const QString &keyPath,
                                                  QString *error)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 or %2").arg(certPath, keyPath);
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error =
            QStringLiteral("%1 holds no PEM certificate or %2 no RSA key").arg(certPath, keyPath);
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // consoles authenticate with their credential
    return tls;
}

// Registers the consoles named on the command line; prints each generated secret exactly once.
bool addConsoles(HubRecords &records, const QStringList &specs, const QString &givenSecret)
{
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
            printLine(stderr,
                      QStringLiteral("--add-console wants STORE:CONSOLE, not \"%1\"").arg(spec));
            return false;
        }
        const QByteArray secret = givenSecret.isEmpty()
            ? RandomBytes::generate(32).toBase64(QByteArray::Base64UrlEncoding
                                                        | QByteArray::OmitTrailingEquals)
            : givenSecret.toUtf8();
        if (!records.stores().add(parts.at(0))) {
            printLine(stderr,
                      QStringLiteral("cannot add console %1: %2")
                          .arg(spec, records.stores().errorString()));
            return false;
        }
        if (!records.credentials().add(parts.at(0), parts.at(1), secret)) {
            printLine(stderr,
                      QStringLiteral("cannot add console %1: %2")
                          .arg(spec, records.credentials().errorString()));
            return false;
        }
        if (givenSecret.isEmpty())
            printLine(
                stdout,
                QStringLiteral("console %1 secret %2").arg(spec, QString::fromLatin1(secret)));
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("order-hub"));
    QCoreApplication::setOrganizationName(QStringLiteral("KitchenConsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The reference ordering platform for Kitchen Console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The hub log (SQLite)."),
                                      QStringLiteral("PATH"), defaultDbPath());
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address to listen on."),
                                          QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption wsPortOption(QStringLiteral("ws-port"),
                                          QStringLiteral("WebSocket port (0: the OS picks)."),
                                          QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption httpPortOption(
        QStringLiteral("http-port"),
        QStringLiteral("HTTP API port on 127.0.0.1 (0: the OS picks)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption addStoreOption(QStringLiteral("add-store"),
                                            QStringLiteral("Register a store (repeatable)."),
                                            QStringLiteral("ID"));
    const QCommandLineOption addConsoleOption(
        QStringLiteral("add-console"),
        QStringLiteral("Register a console and print its new secret once (repeatable)."),
        QStringLiteral("STORE:CONSOLE"));
    const QCommandLineOption secretOption(
        QStringLiteral("console-secret"),
        QStringLiteral(
            "Use this secret for --add-console instead of a generated one (tests, demo); "
            "\"-\" reads it from the first line of stdin, out of sight of other processes."),
        QStringLiteral("SECRET"));
    const QCommandLineOption simulateOption(
        QStringLiteral("simulate"),
        QStringLiteral("Place N simulated orders per minute per store."), QStringLiteral("N"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve wss:// with this PEM certificate (needs --tls-key)."),
        QStringLiteral("PATH"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("The PEM private key for --tls-cert."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption maxUnsentOption(
        QStringLiteral("max-unsent-mib"),
        QStringLiteral("Close a console's session (1008 slow_consumer) once this many MiB wait "
                       "unsent to it; it reconnects and catches up."),
        QStringLiteral("N"), QStringLiteral("8"));
    parser.addOptions({dbOption, listenOption, wsPortOption, httpPortOption, addStoreOption,
                       addConsoleOption, secretOption, simulateOption, tlsCertOption,
                       tlsKeyOption, maxUnsentOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        printLine(stderr, parser.errorText());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Ok);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        printLine(stderr,
                  QStringLiteral("unexpected arguments: %1")
                      .arg(parser.positionalArguments().join(QLatin1Char(' '))));
        return UsageError;
    }
    const QHostAddress address(parser.value(listenOption));
    const std::optional<quint16> wsPort = parsePort(parser.value(wsPortOption));
    const std::optional<quint16> httpPort = parsePort(parser.value(httpPortOption));
    bool simulateOk = true;
    const int perMinute =
        parser.isSet(simulateOption) ? parser.value(simulateOption).toInt(&simulateOk) : 0;
    bool maxUnsentOk = false;
    const int maxUnsentMib = parser.value(maxUnsentOption).toInt(&maxUnsentOk);
    if (address.isNull() || !wsPort || !httpPort || !simulateOk || perMinute < 0 || !maxUnsentOk
        || maxUnsentMib < 1 || maxUnsentMib > 1024) {
        printLine(stderr,
                  QStringLiteral("bad --listen, --ws-port, --http-port, --simulate or "
                                 "--max-unsent-mib value (1 to 1024)"));
        return UsageError;
    }

    HubServerConfig serverConfig;
    serverConfig.maxUnsentBytes = qint64(maxUnsentMib) * 1024 * 1024;
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        printLine(stderr, QStringLiteral("--tls-cert and --tls-key go together"));
        return UsageError;
    }
    if (parser.isSet(tlsCertOption)) {
        QString error;
        serverConfig.ssl =
            tlsConfiguration(parser.value(tlsCertOption), parser.value(tlsKeyOption), &error);
        if (!serverConfig.ssl) {
            printLine(stderr, error);
            return UsageError;
        }
    } else if (!address.isLoopback()) {
        printLine(stderr,
                  QStringLiteral("warning: plain ws:// on %1; consoles accept ws:// only "
                                 "on loopback (use --tls-cert and --tls-key)")
                      .arg(address.toString()));
    }

    SystemClock clock;
    HubRecords records(std::make_unique<SqliteHubStorage>(parser.value(dbOption)), clock);
    if (!records.open()) {
        printLine(stderr, records.errorString());
        return DatabaseError;
    }
    const QStringList stores = parser.values(addStoreOption);
    for (const QString &store : stores) {
        if (!records.stores().add(store)) {
            printLine(stderr,
                      QStringLiteral("cannot add store %1: %2")
                          .arg(store, records.stores().errorString()));
            return UsageError;
        }
    }
    QString consoleSecret = parser.value(secretOption);
    if (consoleSecret == QLatin1String("-"))
        consoleSecret = QTextStream(stdin).readLine().trimmed();
    if (!addConsoles(records, parser.values(addConsoleOption), consoleSecret))
        return UsageError;

    Hub hub(records);
    HubServer server(hub, serverConfig);
    if (!server.listen(address, *wsPort)) {
        printLine(stderr,
                  QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(address.toString())
                      .arg(*wsPort)
                      .arg(server.errorString()));
        return ListenError;
    }
    HubHttpApi http(hub, clock);
    if (!http.listen(*httpPort)) {
        printLine(stderr, QStringLiteral("cannot listen for HTTP on port %1").arg(*httpPort));
        return ListenError;
    }
    HubSimulator simulator(hub, clock);
    if (perMinute > 0)
        simulator.start(records.stores().ids(), perMinute);

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
