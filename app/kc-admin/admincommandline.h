// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>

/** What kc-admin was asked to do. */
enum class AdminCommand {
    List,
    Events,
    Verify,
    Rebuild,
    Outbox,
    Check,
    Redrive,
    Discard,
    Report,
    Archive,
    PinReset,
};

/** A parsed, checked request: everything a command needs from the command line. */
struct AdminRequest
{
    QString storePath;
    AdminCommand command = AdminCommand::List;
    QString orderRef; // events: an order id or a ticket number
    bool all = false; // list: closed orders too
    bool json = false; // list, events: JSON lines
    bool verbose = false; // show the store's info messages
    // verify --hub: also compare with the platform, as this console of this store.
    QUrl hubUrl;
    QString storeId; // also pin-reset's store
    QString consoleId;
    QString hubCaPath; // a PEM CA certificate to trust for wss://
    int hubTimeoutSeconds = 30;
    // redrive, discard: which dead letter, the manager who decides, and why (required to discard).
    qint64 deadLetterId = 0;
    QString managerId;
    // report: the local day, and the folder its files go to.
    QDate reportDay;
    QString reportFolder;
    QString reason;
    // archive: how long a finished order stays in the live store (archive/after_days).
    int archiveAfterDays = 0;
    // pin-reset: the console's settings file, if it runs with --settings (empty: its usual one).
    QString settingsPath;

    /** True for the commands that may change the file. */
    bool writes() const
    {
        return command == AdminCommand::Rebuild || command == AdminCommand::Redrive
                || command == AdminCommand::Discard || command == AdminCommand::Archive;
    }
};

/** kc-admin's options and commands, and the help text that documents them and the exit codes. */
class AdminCommandLine final
{
public:
    enum class Outcome {
        Run, // request() is ready
        ShowHelp,
        ShowVersion,
        UsageError, // errorText() says what is wrong
    };

    AdminCommandLine();
    Q_DISABLE_COPY_MOVE(AdminCommandLine)

    /** Parses the arguments (program name first) and checks them against the command. */
    Outcome parse(const QStringList &arguments);
    const AdminRequest &request() const { return m_request; }
    QString errorText() const { return m_error; }
    /** Usage, options, commands and exit codes. */
    QString helpText() const;

private:
    Outcome usageError(const QString &message);
    Outcome checkCommand(const QStringList &positional);
    Outcome checkPlatformOptions();
    Outcome checkDeadLetterOptions(const QString &name, const QString &argument);
    Outcome checkReportOptions();
    Outcome checkArchiveOptions();
    Outcome checkPinReset(const QStringList &positional);

    QCommandLineParser m_parser;
    QCommandLineOption m_storeOption;
    QCommandLineOption m_allOption;
    QCommandLineOption m_jsonOption;
    QCommandLineOption m_verboseOption;
    QCommandLineOption m_hubOption;
    QCommandLineOption m_storeIdOption;
    QCommandLineOption m_consoleIdOption;
    QCommandLineOption m_hubCaOption;
    QCommandLineOption m_hubTimeoutOption;
    QCommandLineOption m_managerOption;
    QCommandLineOption m_dayOption;
    QCommandLineOption m_outOption;
    QCommandLineOption m_reasonOption;
    QCommandLineOption m_afterDaysOption;
    QCommandLineOption m_settingsOption;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    AdminRequest m_request;
    QString m_error;
};
