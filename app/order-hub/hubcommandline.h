// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hub/hubserver.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

/** order-hub's command line, read and checked once: what main() builds the hub from. */
struct HubCommandLine
{
    QString dbPath;
    QHostAddress address;
    quint16 wsPort = 0;
    quint16 httpPort = 0;
    QStringList stores;
    QStringList consoles; // STORE:CONSOLE, each to register and print a secret for
    QStringList posRelays; // STORE:CONSOLE, each allowed to relay its store's POS orders
    QStringList posRelaysRevoked; // STORE:CONSOLE, each no longer allowed to
    QString consoleSecret; // instead of generated ones; "-" reads it from stdin
    int ordersPerMinute = 0; // simulated, per store
    HubServerConfig server;
    QString warning; // something to tell the operator, though the hub may start

    /**
     * Reads arguments (the program's name first). Exits at once for --help and --version, as
     * QCommandLineParser does; nullopt with *error for anything it cannot use.
     */
    static std::optional<HubCommandLine> parse(const QStringList &arguments, QString *error);
};
