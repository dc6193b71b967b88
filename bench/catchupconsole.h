// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

/**
 * bench/catchup's console: the whole kitchen console as main() builds it (the session with its
 * kitchen services, the board window, the platform connection), run in a process of its own so
 * that its memory is its own. The driver starts it with arguments() and reads one JSON report
 * line from its stdout.
 */
namespace CatchupConsole {

struct Run
{
    QString storePath;
    QUrl hubUrl;
    qint64 head = 0; // the hub's head: caught up once the console's cursor is there
    int timeoutMs = 600'000;
    // A fresh console asks for the hub's snapshot (LinkConfig::bootstrap) instead of the whole
    // log; without it, the full replay the catch-up figures measure.
    bool bootstrap = false;
};

/** The command line that makes the bench program run as this console. */
QStringList arguments(const Run &run);
/** True when the command line asks for the console role (see arguments()). */
bool isConsoleRole(int argc, char **argv);
/**
 * The console role's main: opens the store, shows the board (and says so on a line of its own),
 * connects and waits until the board shows the hub's head. Prints {"startup_ms", "catchup_ms",
 * "events", "open_orders", "rss_kib"} and returns 0, or prints why on stderr and returns 1.
 */
int main(int argc, char **argv);

/** True once the console's output says its board was first painted. */
bool saysPainted(const QByteArray &output);
/** The report line of a console run, parsed; empty when there is none. */
QJsonObject parseReport(const QByteArray &output);

} // namespace CatchupConsole
