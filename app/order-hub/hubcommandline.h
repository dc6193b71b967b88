// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hub/hubserver.h"
#include "hub/storage/postgresaddress.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** order-hub's command line, read and checked once: what main() builds the hub from. */
struct HubCommandLine
{
    QString dbPath;
    std::optional<PostgresAddress> postgres; // instead of the SQLite file at dbPath
    QHostAddress address;
    quint16 wsPort = 0;
    quint16 httpPort = 0;
    QStringList stores;
    QStringList consoles; // STORE:CONSOLE, each to register and print a secret for
    QStringList pairings; // STORE:CONSOLE, each to print a pairing code for, then exit
    /** A right (Submitter's) granted to, or withdrawn from, a registered console. */
    struct RightChange
    {
        QString option; // the option that said so, without "--" (for messages)
        QString console; // STORE:CONSOLE as given, checked when applied
        QString right;
        bool granted = true;
    };
    QList<RightChange> rightChanges; // per right: its grants, then its revocations
    QString consoleSecret; // instead of generated ones; "-" reads it from stdin
    int ordersPerMinute = 0; // simulated, per store
    int maxGroup = 0; // requests per group commit at most
    HubServerConfig server;
    QString warning; // something to tell the operator, though the hub may start

    /**
     * Reads arguments (the program's name first). Exits at once for --help and --version, as
     * QCommandLineParser does; nullopt with *error for anything it cannot use.
     */
    static std::optional<HubCommandLine> parse(const QStringList &arguments, QString *error);
};
