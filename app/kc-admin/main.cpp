// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kc-admin: the composition root. Parses the command line, opens the store in the mode the command
// needs and hands it to AdminCommands (report runs in a QApplication on the offscreen platform, for
// its PDF); verify --hub also builds the keyring and PlatformVerify and runs the event loop until
// PlatformVerify is done. pin-reset opens no store: it builds the keyring, the console's settings
// and ManagerPin, and runs the loop until PinReset is done.
#include "admincommandline.h"
#include "admincommands.h"
#include "adminreport.h"
#include "adminlogging.h"
#include "exitcode.h"
#include "pinreset.h"
#include "platformverify.h"

#include "common/clock.h"
#include "common/redactingmessagehandler.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "store/store.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
int exitWith(ExitCode code)
{
    return static_cast<int>(code);
}

// Every command first opens read-only, which proves the file exists, is a store, has exactly
// our schema and passes SQLite's quick check; only then does a writing command (rebuild, redrive,
// discard) reopen read-write. So kc-admin never creates a file, never migrates one behind the
// console's back and never reads a damaged one as if it were whole.
Result<void> openStore(Store &store, bool forWriting, Store::IntegrityCheck integrity)
{
    Result<void> opened = store.open(Store::OpenMode::ReadOnly, integrity);
    if (opened && forWriting)
        opened = store.open(Store::OpenMode::ReadWrite, Store::IntegrityCheck::Skip);
    return opened;
}

ExitCode run(AdminCommands &commands, AdminReport &report, const AdminRequest &request)
{
    const OutputFormat format = request.json ? OutputFormat::JsonLines : OutputFormat::Text;
    switch (request.command) {
    case AdminCommand::List:
        return commands.list(request.all, format);
    case AdminCommand::Events:
        return commands.events(request.orderRef, format);
    case AdminCommand::Verify:
        return commands.verify();
    case AdminCommand::Rebuild:
        return commands.rebuild();
    case AdminCommand::Outbox:
        return commands.outbox();
    case AdminCommand::Check:
        return commands.check();
    case AdminCommand::Redrive:
        return commands.redrive(request.deadLetterId, request.managerId, request.reason);
    case AdminCommand::Discard:
        return commands.discard(request.deadLetterId, request.managerId, request.reason);
    case AdminCommand::Report:
        return report.write(request.reportDay, request.reportFolder);
    case AdminCommand::Archive:
        return commands.archive(request.archiveAfterDays);
    case AdminCommand::PinReset:
        break; // run by resetPin(), before any store is opened
    }
    Q_UNREACHABLE();
}

// verify --hub: the keyring and the platform answer through signals, so this one runs the loop.
int verifyWithPlatform(AdminCommands &commands, Store &store, const AdminRequest &request,
                       QTextStream &out, QTextStream &err)
{
    LinkConfig link;
    link.url = request.hubUrl;
    link.storeId = request.storeId;
    link.consoleId = request.consoleId;
    const Result<std::optional<QSslConfiguration>> trusted =
        PlatformLink::trustingCa(request.hubCaPath);
    if (!trusted) {
        err << QStringLiteral("kc-admin: ") << trusted.error() << Qt::endl;
        return exitWith(ExitCode::Usage);
    }
    link.ssl = *trusted;
    CredentialStore credentials(CredentialStore::consoleService());
    PlatformVerify verify(commands, store, credentials, link, out, err);
    verify.setTimeoutMs(request.hubTimeoutSeconds * 1000);
    QObject::connect(&verify, &PlatformVerify::done, &verify,
                     [](ExitCode code) { QCoreApplication::exit(exitWith(code)); });
    QTimer::singleShot(0, &verify, &PlatformVerify::start); // done() must find the loop running
    return QCoreApplication::exec();
}
// pin-reset: the keyring and the settings kitchen-console itself uses (its organisation and
// application names, as its main.cpp sets them, name its usual settings file).
int resetPin(const AdminRequest &request, QTextStream &out, QTextStream &err)
{
    const std::unique_ptr<QSettings> settings = request.settingsPath.isEmpty()
        ? std::make_unique<QSettings>(QStringLiteral("KitchenConsole"),
                                      QStringLiteral("kitchen-console"))
        : std::make_unique<QSettings>(request.settingsPath, QSettings::IniFormat);
    SystemClock clock;
    CredentialStore credentials(CredentialStore::consoleService());
    ManagerPin pin(credentials, *settings, request.storeId, clock);
    PinReset reset(pin, *settings, request.storeId, out, err);
    QObject::connect(&reset, &PinReset::done, &reset,
                     [](ExitCode code) { QCoreApplication::exit(exitWith(code)); });
    QTimer::singleShot(0, &reset, &PinReset::start); // done() must find the loop running
    return QCoreApplication::exec();
}

// report draws charts into its PDF, and charts need a QApplication; a till has no display, so
// it runs on the offscreen platform. Every other command stays a Qt Core program.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    AdminCommandLine commandLine;
    const bool run = commandLine.parse(arguments) == AdminCommandLine::Outcome::Run;
    const bool report = run && commandLine.request().command == AdminCommand::Report;
    // The store logs each open at info level; a command-line tool stays quiet unless asked.
    // verify --hub prints the link's problems in its own words; --verbose shows the details.
    // Qt Gui's own start-up notes (no XDG_RUNTIME_DIR under cron, say) are not the report's news.
    if (run && !commandLine.request().verbose)
        QLoggingCategory::setFilterRules(
                QStringLiteral("kc.*.info=false\nkc.*.debug=false\nkc.sync.*.warning=false\n"
                               "kc.security.warning=false")
                + (report ? QStringLiteral("\ndefault.warning=false\nqt.*.warning=false")
                          : QString()));
    if (report) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}
} // namespace

int main(int argc, char *argv[])
{
    // First, before anything can log: no log line of this program holds a card number.
    const RedactingMessageHandler redactedLogs;
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kc-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KC_VERSION));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    AdminCommandLine commandLine;
    switch (commandLine.parse(QCoreApplication::arguments())) {
    case AdminCommandLine::Outcome::ShowHelp:
        out << commandLine.helpText();
        return exitWith(ExitCode::Ok);
    case AdminCommandLine::Outcome::ShowVersion:
        out << QCoreApplication::applicationName() << QLatin1Char(' ')
            << QCoreApplication::applicationVersion() << Qt::endl;
        return exitWith(ExitCode::Ok);
    case AdminCommandLine::Outcome::UsageError:
        err << QStringLiteral("kc-admin: ") << commandLine.errorText() << Qt::endl
            << QStringLiteral("Run \"kc-admin --help\" for the commands and exit codes.")
            << Qt::endl;
        return exitWith(ExitCode::Usage);
    case AdminCommandLine::Outcome::Run:
        break;
    }
    const AdminRequest &request = commandLine.request();
    if (request.command == AdminCommand::PinReset)
        return resetPin(request, out, err);

    SystemClock clock;
    Store store(request.storePath, &clock);
    // check runs the full integrity check itself, and reports what it finds line by line.
    const Store::IntegrityCheck integrity = request.command == AdminCommand::Check
            ? Store::IntegrityCheck::Skip
            : Store::IntegrityCheck::Quick;
    if (const Result<void> opened = openStore(store, request.writes(), integrity); !opened) {
        err << QStringLiteral("kc-admin: ") << opened.error() << Qt::endl;
        if (store.openError() == Store::OpenError::Damaged) {
            err << QStringLiteral("kc-admin: its contents cannot be trusted; keep the file for "
                                  "support. The kitchen console sets a damaged store aside and "
                                  "rebuilds it when it starts.")
                << Qt::endl;
            return exitWith(ExitCode::StoreDamaged);
        }
        return exitWith(ExitCode::StoreUnavailable);
    }
    qCDebug(lcAdmin).noquote() << "opened" << request.storePath
                               << (request.writes() ? "read-write" : "read-only");
    AdminCommands commands(store, clock, out, err);
    if (request.command == AdminCommand::Verify && !request.hubUrl.isEmpty())
        return verifyWithPlatform(commands, store, request, out, err);
    AdminReport report(store, clock, out, err);
    return exitWith(run(commands, report, request));
}
