// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubcommandline.h"

#include "hub/hubcommitter.h"
#include "hub/submitter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

namespace {
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

// A right whoever runs the hub grants with --grant-NAME and withdraws with --revoke-NAME.
struct RightOption
{
    QString name;
    QString right;
    QString grantHelp;
};

QList<RightOption> rightOptions()
{
    return {
        {QStringLiteral("pos-relay"), Submitter::posRelayRight,
         QStringLiteral("Let a registered console relay its store's POS orders, so that every "
                        "screen of the store sees counter orders (repeatable).")},
        {QStringLiteral("manager"), Submitter::managerRight,
         QStringLiteral("Let a registered console act as its store's manager (cancel, refund, "
                        "pause), as its dashboard does once the store's manager PIN unlocks it "
                        "(repeatable).")},
    };
}
} // namespace

std::optional<HubCommandLine> HubCommandLine::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The reference ordering platform for Kitchen Console."));
    parser.addHelpOption();
    parser.addVersionOption();
    // name, description, value name, default
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("The hub log (SQLite)."), QStringLiteral("PATH"),
         defaultDbPath()},
        {QStringLiteral("database"),
         QStringLiteral("Keep the hub log in PostgreSQL instead of --db, so that several "
                        "order-hub processes can share it: postgresql://[USER@]HOST[:PORT]/DBNAME, "
                        "with ?host=/FOLDER for a unix socket, or libpq's \"host=... dbname=... "
                        "user=...\". A password goes in the PGPASSWORD environment variable, "
                        "never here."),
         QStringLiteral("URL")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on."), QStringLiteral("ADDR"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("ws-port"), QStringLiteral("WebSocket port (0: the OS picks)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("http-port"),
         QStringLiteral("HTTP API port on 127.0.0.1 (0: the OS picks)."), QStringLiteral("N"),
         QStringLiteral("0")},
        {QStringLiteral("add-store"), QStringLiteral("Register a store (repeatable)."),
         QStringLiteral("ID")},
        {QStringLiteral("add-console"),
         QStringLiteral("Register a console and print its new secret once (repeatable)."),
         QStringLiteral("STORE:CONSOLE")},
        {QStringLiteral("pair"),
         QStringLiteral("Print a one-time pairing code for a console of a registered store, "
                        "valid for 10 minutes, and exit without serving (repeatable). The "
                        "console's setup takes the code instead of a secret. A running hub on "
                        "the same log honours it; so does POST "
                        "/v1/admin/stores/STORE/consoles/CONSOLE/pairing-code."),
         QStringLiteral("STORE:CONSOLE")},
    });
    for (const RightOption &option : rightOptions()) {
        parser.addOptions({
            {QStringLiteral("grant-") + option.name, option.grantHelp,
             QStringLiteral("STORE:CONSOLE")},
            {QStringLiteral("revoke-") + option.name,
             QStringLiteral("Withdraw --grant-%1 (repeatable).").arg(option.name),
             QStringLiteral("STORE:CONSOLE")},
        });
    }
    parser.addOptions({
        {QStringLiteral("console-secret"),
         QStringLiteral(
             "Use this secret for --add-console instead of a generated one (tests, demo); "
             "\"-\" reads it from the first line of stdin, out of sight of other processes."),
         QStringLiteral("SECRET")},
        {QStringLiteral("simulate"),
         QStringLiteral("Place N simulated orders per minute per store."), QStringLiteral("N")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("Serve wss:// with this PEM certificate (needs --tls-key)."),
         QStringLiteral("PATH")},
        {QStringLiteral("tls-key"), QStringLiteral("The PEM private key for --tls-cert."),
         QStringLiteral("PATH")},
        {QStringLiteral("max-group"),
         QStringLiteral("Requests committed together in one transaction at most (1: each alone, "
                        "as a baseline for measuring)."),
         QStringLiteral("N"), QString::number(HubCommitter::defaultMaxPartsPerGroup)},
        {QStringLiteral("max-unsent-mib"),
         QStringLiteral("Close a console's session (1008 slow_consumer) once this many MiB wait "
                        "unsent to it; it reconnects and catches up."),
         QStringLiteral("N"), QStringLiteral("8")},
    });
    const auto value = [&parser](const char *name) { return parser.value(QLatin1String(name)); };
    const auto isSet = [&parser](const char *name) { return parser.isSet(QLatin1String(name)); };
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (isSet("help"))
        parser.showHelp(0);
    if (isSet("version"))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected arguments: %1")
                     .arg(parser.positionalArguments().join(QLatin1Char(' ')));
        return std::nullopt;
    }

    HubCommandLine line;
    line.dbPath = value("db");
    if (isSet("database")) {
        if (isSet("db")) {
            *error = QStringLiteral("--db and --database exclude each other: the log is either an "
                                    "SQLite file or a PostgreSQL database");
            return std::nullopt;
        }
        const Result<PostgresAddress> address = PostgresAddress::parse(value("database"));
        if (!address) {
            *error = QStringLiteral("bad --database: %1").arg(address.error());
            return std::nullopt;
        }
        line.postgres = *address;
    }
    line.address = QHostAddress(value("listen"));
    const std::optional<quint16> wsPort = parsePort(value("ws-port"));
    const std::optional<quint16> httpPort = parsePort(value("http-port"));
    bool simulateOk = true;
    line.ordersPerMinute = isSet("simulate") ? value("simulate").toInt(&simulateOk) : 0;
    bool maxGroupOk = false;
    line.maxGroup = value("max-group").toInt(&maxGroupOk);
    if (!maxGroupOk || line.maxGroup < 1 || line.maxGroup > 10'000) {
        *error = QStringLiteral("bad --max-group value (1 to 10000)");
        return std::nullopt;
    }
    bool maxUnsentOk = false;
    const int maxUnsentMib = value("max-unsent-mib").toInt(&maxUnsentOk);
    if (line.address.isNull() || !wsPort || !httpPort || !simulateOk || line.ordersPerMinute < 0
        || !maxUnsentOk || maxUnsentMib < 1 || maxUnsentMib > 1024) {
        *error = QStringLiteral("bad --listen, --ws-port, --http-port, --simulate or "
                                "--max-unsent-mib value (1 to 1024)");
        return std::nullopt;
    }
    line.wsPort = *wsPort;
    line.httpPort = *httpPort;
    line.server.maxUnsentBytes = qint64(maxUnsentMib) * 1024 * 1024;
    if (isSet("tls-cert") != isSet("tls-key")) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    if (isSet("tls-cert")) {
        line.server.ssl = tlsConfiguration(value("tls-cert"), value("tls-key"), error);
        if (!line.server.ssl)
            return std::nullopt;
    } else if (!line.address.isLoopback()) {
        line.warning = QStringLiteral("warning: plain ws:// on %1; consoles accept ws:// only "
                                      "on loopback (use --tls-cert and --tls-key)")
                           .arg(line.address.toString());
    }
    line.stores = parser.values(QStringLiteral("add-store"));
    line.consoles = parser.values(QStringLiteral("add-console"));
    line.pairings = parser.values(QStringLiteral("pair"));
    for (const RightOption &option : rightOptions()) {
        for (const bool granted : {true, false}) {
            const QString name =
                (granted ? QStringLiteral("grant-") : QStringLiteral("revoke-")) + option.name;
            const QStringList consoles = parser.values(name);
            for (const QString &console : consoles)
                line.rightChanges.append({name, console, option.right, granted});
        }
    }
    line.consoleSecret = value("console-secret");
    return line;
}
