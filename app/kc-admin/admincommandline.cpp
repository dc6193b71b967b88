// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommandline.h"

#include "order/orderlimits.h"
#include "store/archivepolicy.h"
#include "sync/platformlink.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace {
struct CommandName
{
    AdminCommand command;
    const char *name;
};
const CommandName commandNames[] = {
    {AdminCommand::List, "list"},       {AdminCommand::Events, "events"},
    {AdminCommand::Verify, "verify"},   {AdminCommand::Rebuild, "rebuild"},
    {AdminCommand::Outbox, "outbox"},   {AdminCommand::Check, "check"},
    {AdminCommand::Redrive, "redrive"}, {AdminCommand::Discard, "discard"},
    {AdminCommand::Report, "report"},   {AdminCommand::Archive, "archive"},
    {AdminCommand::PinReset, "pin-reset"},
};

std::optional<AdminCommand> commandFromName(const QString &name)
{
    for (const CommandName &entry : commandNames) {
        if (name == QLatin1String(entry.name))
            return entry.command;
    }
    return std::nullopt;
}

// Kept beside the parser so the help and the behaviour change together; the README repeats it.
const char commandsHelp[] = R"(
Commands:
  list [--all] [--json]   Open orders (with --all, every order), one per line: number, state,
                          type, placed time (UTC, ISO 8601), age, item count, order id.
  events ORDER [--json]   One order's events in log order: time, kind, from -> to, actor,
                          origin, reason, event id. ORDER is an order id or a ticket number
                          (the most recent order with that number); an archived order's, read
                          from its month's archive file beside the store (by number: the most
                          recent archived order with it, when the store has none).
  verify                  Replays the event log and compares it with the stored projection;
                          prints "OK: N orders, M events" or one line per problem.
  verify --hub URL --store-id ID --console-id ID [--hub-ca FILE] [--hub-timeout SECONDS]
                          Also reads the store's whole log from the platform, as that console
                          (its credential comes from the OS keyring, where
                          "kitchen-console --enroll" put it; it is never printed), and compares
                          this console with it: each problem on a line starting "platform: ",
                          then "platform OK: ..." or "platform FAILED: ...". Nothing is sent
                          to the platform but the hello (and pings); nothing is submitted.
  rebuild                 Replaces the stored projection with the one replayed from the log.
                          It writes; it never creates or upgrades a file.
  outbox                  Pending outbox entries, the oldest one's age, the entries parked
                          behind a dead letter of their order, and the dead letters (#ID).
  redrive ID --manager NAME [--reason TEXT]
                          Puts dead letter ID back in its destination's queue, its attempts
                          counted from zero, ahead of its order's parked events; a running
                          console sends it within 30 seconds, or once it starts. The log
                          records that NAME redrove it (and why, if --reason is given).
  discard ID --manager NAME --reason TEXT
                          Lets dead letter ID go: it is never sent, and its order's parked
                          events go on without it. The log records that NAME discarded it,
                          and why: the reason is required (at most 2000 characters).
  check                   SQLite's full integrity check of the file (every page, row and
                          index); prints "OK" or what is damaged.
  report --day YYYY-MM-DD [--out DIR]
                          The day's figures and every order's and item's times as CSV:
                          kitchen-report-DAY-figures.csv, -orders.csv and -items.csv, and a
                          one-page summary with the charts, -summary.pdf, in DIR
                          (default: the current folder, made if missing), each written whole
                          or not at all; prints their paths. The day runs from midnight to
                          midnight in this computer's time zone (TZ); tickets are judged by
                          the default ages (amber at 8 minutes, red at 12), as of now.
  archive [--after-days N]
                          Moves every order finished (picked up, delivered, rejected,
                          cancelled or refunded) over N days ago, with nothing left for the
                          platform, a POS or the dead-letter queue, to its month's archive
                          file beside the store (NAME.archive-YYYY-MM.sqlite for NAME.kcdb),
                          as the kitchen console does every 4 hours; "events" still reads
                          them. N is at least 31, so no dashboard window loses a figure;
                          default 35, the console's archive/after_days. Prints how many
                          orders and events moved, and where. Safe beside a running console.
  pin-reset --store-id ID [--settings FILE]
                          Forgets store ID's manager PIN on this computer, for a manager who
                          forgot it: removes it from the OS keyring (where the kitchen console
                          keeps it) and clears the wrong PINs and any wait kept in the
                          console's settings (FILE, if the console runs with --settings FILE;
                          else its usual settings file). The next opening of the dashboard
                          asks for a new PIN. Prints what it did, never a PIN. Takes no
                          --store: it opens no store file.

Every command but rebuild, redrive, discard and archive opens the store read-only and leaves
the file as it was; those four never create or upgrade a file. Every command first runs SQLite's
quick check and refuses a damaged store (exit code 5): the kitchen console sets a damaged store
aside when it starts and rebuilds it from what can be read and from the platform.

Exit codes:
  0  success
  1  verify found problems
  2  usage error (unknown command or option, missing argument)
  3  the store cannot be opened (missing, not a store, newer or older schema) or, for
     rebuild and archive, written (what archive moved before that stays moved)
  4  the order (or, for redrive and discard, the dead letter) was not found
  5  the store is damaged (SQLite's integrity check failed)
  6  verify --hub: the platform could not be asked (no credential in the keyring, the platform
     unreachable, refusing this console, or too slow); problems found meanwhile give 1
  7  report: the files could not be written (the folder cannot be made or written);
     pin-reset: the settings file cannot be written
  8  pin-reset: the keyring could not be used (none running, locked, refusing access, or
     not answering within 30 s); nothing was changed
)";
} // namespace

AdminCommandLine::AdminCommandLine()
    : m_storeOption(QStringLiteral("store"), QStringLiteral("The store file to inspect."),
                    QStringLiteral("PATH"))
    , m_allOption(QStringLiteral("all"), QStringLiteral("list: every order, not only open ones."))
    , m_jsonOption(QStringLiteral("json"),
                   QStringLiteral("list, events: one JSON object per line instead of text."))
    , m_verboseOption(QStringLiteral("verbose"), QStringLiteral("Show the store's log messages."))
    , m_hubOption(QStringLiteral("hub"),
                  QStringLiteral("verify: also compare with the platform at URL (wss://HOST:PORT, "
                                 "or ws://127.0.0.1:PORT)."),
                  QStringLiteral("URL"))
    , m_storeIdOption(QStringLiteral("store-id"),
                      QStringLiteral("verify --hub: the store this console belongs to; "
                                     "pin-reset: the store whose manager PIN to reset."),
                      QStringLiteral("ID"))
    , m_consoleIdOption(QStringLiteral("console-id"),
                        QStringLiteral("verify --hub: this console's id on the platform."),
                        QStringLiteral("ID"))
    , m_hubCaOption(QStringLiteral("hub-ca"),
                    QStringLiteral("verify --hub: also trust this PEM CA certificate for wss://."),
                    QStringLiteral("FILE"))
    , m_hubTimeoutOption(QStringLiteral("hub-timeout"),
                         QStringLiteral("verify --hub: give up on the platform after SECONDS "
                                        "(default 30)."),
                         QStringLiteral("SECONDS"))
    , m_managerOption(QStringLiteral("manager"),
                      QStringLiteral("redrive, discard: the manager who decides, for the log."),
                      QStringLiteral("NAME"))
    , m_dayOption(QStringLiteral("day"),
                  QStringLiteral("report: the local day, YYYY-MM-DD."), QStringLiteral("DATE"))
    , m_outOption(QStringLiteral("out"),
                  QStringLiteral("report: the folder for the files (default: the current one)."),
                  QStringLiteral("DIR"))
    , m_reasonOption(QStringLiteral("reason"),
                     QStringLiteral("discard (required), redrive: why the manager decides, for "
                                    "the log."),
                     QStringLiteral("TEXT"))
    , m_afterDaysOption(QStringLiteral("after-days"),
                        QStringLiteral("archive: move orders finished over N days ago (at least "
                                       "%1, default %2).")
                                .arg(ArchivePolicy::minimumAfterDays)
                                .arg(ArchivePolicy::defaultAfterDays),
                        QStringLiteral("N"))
    , m_settingsOption(QStringLiteral("settings"),
                       QStringLiteral("pin-reset: the kitchen console's settings file, if it runs "
                                      "with --settings (default: its usual one)."),
                       QStringLiteral("FILE"))
    , m_helpOption({QStringLiteral("h"), QStringLiteral("help")},
                   QStringLiteral("Show this help and the exit codes."))
    , m_versionOption(QStringLiteral("version"), QStringLiteral("Show the version."))
{
    m_parser.setApplicationDescription(
            QStringLiteral("Shows what is in a Kitchen Console store file, without the GUI, and "
                           "resets a store's manager PIN."));
    m_parser.addOptions({m_storeOption, m_allOption, m_jsonOption, m_verboseOption, m_hubOption,
                         m_storeIdOption, m_consoleIdOption, m_hubCaOption, m_hubTimeoutOption,
                         m_managerOption, m_reasonOption, m_afterDaysOption, m_settingsOption,
                         m_dayOption, m_outOption, m_helpOption, m_versionOption});
    m_parser.addPositionalArgument(
            QStringLiteral("command"),
            QStringLiteral("list, events, verify, rebuild, outbox, check, redrive, discard, "
                           "report, archive or pin-reset."));
    m_parser.addPositionalArgument(QStringLiteral("args"),
                                   QStringLiteral("The command's arguments."),
                                   QStringLiteral("[args...]"));
}

AdminCommandLine::Outcome AdminCommandLine::usageError(const QString &message)
{
    m_error = message;
    return Outcome::UsageError;
}

AdminCommandLine::Outcome AdminCommandLine::parse(const QStringList &arguments)
{
    // parse(), not process(): process() exits with 1 on a bad option, and the contract says 2.
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(m_helpOption))
        return Outcome::ShowHelp;
    if (m_parser.isSet(m_versionOption))
        return Outcome::ShowVersion;

    m_request.storePath = m_parser.value(m_storeOption);
    m_request.all = m_parser.isSet(m_allOption);
    m_request.json = m_parser.isSet(m_jsonOption);
    m_request.verbose = m_parser.isSet(m_verboseOption);
    const QStringList positional = m_parser.positionalArguments();
    if (!positional.isEmpty() && commandFromName(positional.constFirst()) == AdminCommand::PinReset)
        return checkPinReset(positional);
    if (m_request.storePath.isEmpty())
        return usageError(QStringLiteral("--store PATH is required."));
    if (m_parser.isSet(m_settingsOption))
        return usageError(QStringLiteral("--settings applies only to pin-reset."));
    return checkCommand(positional);
}

// pin-reset works on the keyring and the console's settings, never a store file; it takes its
// own two options and refuses the rest, so a mistyped command line changes nothing.
AdminCommandLine::Outcome AdminCommandLine::checkPinReset(const QStringList &positional)
{
    m_request.command = AdminCommand::PinReset;
    if (positional.size() > 1)
        return usageError(QStringLiteral("Too many arguments for pin-reset: %1")
                                  .arg(positional.mid(1).join(QLatin1Char(' '))));
    if (m_parser.isSet(m_storeOption))
        return usageError(QStringLiteral("pin-reset opens no store file: leave out --store (the "
                                         "PIN is the store's, named with --store-id ID)."));
    for (const QCommandLineOption *option :
         {&m_allOption, &m_jsonOption, &m_hubOption, &m_consoleIdOption, &m_hubCaOption,
          &m_hubTimeoutOption, &m_managerOption, &m_reasonOption, &m_dayOption, &m_outOption,
          &m_afterDaysOption}) {
        if (m_parser.isSet(*option))
            return usageError(QStringLiteral("--%1 does not apply to pin-reset.")
                                      .arg(option->names().constFirst()));
    }
    m_request.storeId = m_parser.value(m_storeIdOption).trimmed();
    if (m_request.storeId.isEmpty())
        return usageError(QStringLiteral("pin-reset needs --store-id ID: the store whose manager "
                                         "PIN to reset."));
    m_request.settingsPath = m_parser.value(m_settingsOption);
    // A file the console was started with: one that is missing is more likely a typing mistake
    // than a console that never wrote its settings.
    if (m_parser.isSet(m_settingsOption) && !QFileInfo(m_request.settingsPath).isFile())
        return usageError(QStringLiteral("No settings file at \"%1\".")
                                  .arg(m_request.settingsPath));
    return Outcome::Run;
}

AdminCommandLine::Outcome AdminCommandLine::checkCommand(const QStringList &positional)
{
    if (positional.isEmpty())
        return usageError(QStringLiteral("No command given."));
    const QString name = positional.constFirst();
    const std::optional<AdminCommand> command = commandFromName(name);
    if (!command)
        return usageError(QStringLiteral("Unknown command \"%1\".").arg(name));
    m_request.command = *command;

    const bool decides = *command == AdminCommand::Redrive || *command == AdminCommand::Discard;
    const qsizetype expectedArgs = *command == AdminCommand::Events || decides ? 1 : 0;
    const qsizetype givenArgs = positional.size() - 1;
    if (givenArgs < expectedArgs)
        return usageError(decides ? QStringLiteral("%1 needs a dead letter's ID (see \"outbox\").")
                                            .arg(name)
                                  : QStringLiteral("%1 needs an order id or ticket number.")
                                            .arg(name));
    if (givenArgs > expectedArgs) {
        const QString extra = positional.mid(1 + expectedArgs).join(QLatin1Char(' '));
        return usageError(QStringLiteral("Too many arguments for %1: %2").arg(name, extra));
    }
    if (decides) {
        if (const Outcome checked = checkDeadLetterOptions(name, positional.at(1));
            checked != Outcome::Run)
            return checked;
    } else if (m_parser.isSet(m_managerOption) || m_parser.isSet(m_reasonOption)) {
        return usageError(QStringLiteral("--%1 applies only to redrive and discard.")
                                  .arg(m_parser.isSet(m_managerOption) ? QStringLiteral("manager")
                                                                       : QStringLiteral("reason")));
    } else if (expectedArgs == 1) {
        m_request.orderRef = positional.at(1);
    }

    if (m_request.all && *command != AdminCommand::List)
        return usageError(QStringLiteral("--all applies only to list."));
    if (m_request.json && *command != AdminCommand::List && *command != AdminCommand::Events)
        return usageError(QStringLiteral("--json applies only to list and events."));
    if (const Outcome checked = checkReportOptions(); checked != Outcome::Run)
        return checked;
    if (const Outcome checked = checkArchiveOptions(); checked != Outcome::Run)
        return checked;
    return checkPlatformOptions();
}

AdminCommandLine::Outcome AdminCommandLine::checkDeadLetterOptions(const QString &name,
                                                                  const QString &argument)
{
    // "outbox" shows dead letters as #ID; either form is taken.
    const QString digits = argument.startsWith(QLatin1Char('#')) ? argument.mid(1) : argument;
    bool ok = false;
    m_request.deadLetterId = digits.toLongLong(&ok);
    if (!ok || m_request.deadLetterId <= 0)
        return usageError(QStringLiteral("%1 needs a dead letter's ID, a whole number such as 3 "
                                         "(see \"outbox\"), not \"%2\".")
                                  .arg(name, argument));
    m_request.managerId = m_parser.value(m_managerOption).trimmed();
    if (m_request.managerId.isEmpty())
        return usageError(QStringLiteral("%1 needs --manager NAME: the log records who decided.")
                                  .arg(name));
    m_request.reason = m_parser.value(m_reasonOption).trimmed();
    if (m_request.command == AdminCommand::Discard && m_request.reason.isEmpty())
        return usageError(QStringLiteral("discard needs --reason TEXT: the log records why a "
                                         "dead letter was let go."));
    if (m_request.reason.size() > OrderLimits::maxTextLength)
        return usageError(QStringLiteral("--reason is %1 characters; at most %2 are kept.")
                                  .arg(m_request.reason.size())
                                  .arg(OrderLimits::maxTextLength));
    return Outcome::Run;
}

AdminCommandLine::Outcome AdminCommandLine::checkReportOptions()
{
    if (m_request.command != AdminCommand::Report) {
        if (m_parser.isSet(m_dayOption) || m_parser.isSet(m_outOption))
            return usageError(QStringLiteral("--day and --out apply only to report."));
        return Outcome::Run;
    }
    const QString day = m_parser.value(m_dayOption);
    // Exactly YYYY-MM-DD: a day written any other way is more likely a mistake than meant.
    static const QRegularExpression isoDay(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    m_request.reportDay = QDate::fromString(day, Qt::ISODate);
    if (!isoDay.match(day).hasMatch() || !m_request.reportDay.isValid())
        return usageError(day.isEmpty()
                                  ? QStringLiteral("report needs --day YYYY-MM-DD.")
                                  : QStringLiteral("report needs --day YYYY-MM-DD, a real day "
                                                   "such as 2026-12-01, not \"%1\".")
                                            .arg(day));
    m_request.reportFolder = m_parser.isSet(m_outOption) ? m_parser.value(m_outOption)
                                                         : QStringLiteral(".");
    if (m_request.reportFolder.isEmpty())
        return usageError(QStringLiteral("--out needs a folder."));
    return Outcome::Run;
}

AdminCommandLine::Outcome AdminCommandLine::checkArchiveOptions()
{
    if (m_request.command != AdminCommand::Archive) {
        if (m_parser.isSet(m_afterDaysOption))
            return usageError(QStringLiteral("--after-days applies only to archive."));
        return Outcome::Run;
    }
    m_request.archiveAfterDays = ArchivePolicy::defaultAfterDays;
    if (!m_parser.isSet(m_afterDaysOption))
        return Outcome::Run;
    bool ok = false;
    m_request.archiveAfterDays = m_parser.value(m_afterDaysOption).toInt(&ok);
    // The dashboard's longest window is 30 days: an order archived sooner would leave its figures.
    if (!ok || m_request.archiveAfterDays < ArchivePolicy::minimumAfterDays
        || m_request.archiveAfterDays > 3650)
        return usageError(QStringLiteral("--after-days needs a whole number of days, %1 to 3650: "
                                         "the dashboard reads back up to 30 days, so nothing "
                                         "younger may leave the store.")
                                  .arg(ArchivePolicy::minimumAfterDays));
    return Outcome::Run;
}

AdminCommandLine::Outcome AdminCommandLine::checkPlatformOptions()
{
    const bool hub = m_parser.isSet(m_hubOption);
    if (!hub) {
        for (const QCommandLineOption *option :
             {&m_storeIdOption, &m_consoleIdOption, &m_hubCaOption, &m_hubTimeoutOption}) {
            if (m_parser.isSet(*option))
                return usageError(QStringLiteral("--%1 applies only to verify --hub%2.")
                                          .arg(option->names().constFirst(),
                                               option == &m_storeIdOption
                                                       ? QStringLiteral(" and pin-reset")
                                                       : QString()));
        }
        return Outcome::Run;
    }
    if (m_request.command != AdminCommand::Verify)
        return usageError(QStringLiteral("--hub applies only to verify."));
    m_request.hubUrl = QUrl(m_parser.value(m_hubOption), QUrl::StrictMode);
    if (!m_request.hubUrl.isValid() || m_request.hubUrl.port() <= 0)
        return usageError(QStringLiteral("--hub needs ws://127.0.0.1:PORT or wss://HOST:PORT."));
    if (const Result<void> allowed = PlatformLink::isAllowedUrl(m_request.hubUrl); !allowed)
        return usageError(allowed.error());
    m_request.storeId = m_parser.value(m_storeIdOption);
    m_request.consoleId = m_parser.value(m_consoleIdOption);
    if (m_request.storeId.isEmpty() || m_request.consoleId.isEmpty())
        return usageError(QStringLiteral("verify --hub needs --store-id ID and --console-id ID."));
    m_request.hubCaPath = m_parser.value(m_hubCaOption);
    if (m_parser.isSet(m_hubTimeoutOption)) {
        bool ok = false;
        m_request.hubTimeoutSeconds = m_parser.value(m_hubTimeoutOption).toInt(&ok);
        if (!ok || m_request.hubTimeoutSeconds <= 0 || m_request.hubTimeoutSeconds > 3600)
            return usageError(
                    QStringLiteral("--hub-timeout needs a whole number of seconds, 1 to 3600."));
    }
    return Outcome::Run;
}

QString AdminCommandLine::helpText() const
{
    return m_parser.helpText() + QString::fromUtf8(commandsHelp);
}
