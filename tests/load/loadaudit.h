// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class HubLog;

namespace LoadRun {

/** One console's store after the run, against the platform's log; in words where they differ. */
struct ConsoleAudit
{
    QString consoleId;
    qint64 hubEvents = 0; // the store's events in the hub's log
    qint64 placedHere = 0; // of those, the ones this console's store holds with their place
    qint64 lost = 0; // hub events missing here, and this console's events that reached no verdict
    qint64 duplicated = 0; // hub events stored here more than once
    qint64 refused = 0; // this console's events the platform refused (a race another screen won)
    qint64 deadLettered = 0;
    QStringList problems;

    bool ok() const { return problems.isEmpty() && lost == 0 && duplicated == 0; }
};

/**
 * Opens the console's store file read-only and checks it equals the platform: every order in the
 * same state with the same items and event count, every hub event stored once with its place,
 * every event of its own either placed or refused (none lost, none waiting, none dead-lettered),
 * the projection equal to its log, and the platform audit clean.
 */
ConsoleAudit auditConsole(const QString &storePath, const QString &storeId,
                          const QString &consoleId, HubLog &log);

/** Event ids the hub's log holds more than once (its UNIQUE constraint says none; we count). */
qint64 duplicatedInHub(const QString &hubDatabasePath);

} // namespace LoadRun
