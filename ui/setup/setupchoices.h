// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class QSettings;

/** What a store chose when it set this screen up (SetupFlow), as the settings file keeps it. */
struct SetupChoices
{
    QString language; // "es"; empty: the system's
    QString storeId;
    QString consoleId;
    QString station; // empty: expo
    QUrl platformUrl; // empty: the store works without a platform
    bool kiosk = false; // full screen, and started at login

    bool withPlatform() const { return !platformUrl.isEmpty(); }
};

/**
 * The setup's keys in the settings file: who this console is ("console/"), its platform
 * ("platform/url"), and "setup/done". The language, station and full screen are the board's own
 * keys; a store without a platform expects no platform feed, so no alarm says it is quiet.
 */
namespace SetupSettings {
/** Whether this console was set up (by the setup flow, or by hand with the same keys). */
bool isDone(QSettings &settings);
/** What the file holds; fields it lacks are empty. */
SetupChoices load(QSettings &settings);
void save(QSettings &settings, const SetupChoices &choices);
} // namespace SetupSettings
