// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupchoices.h"

#include "engine/feedmonitor.h"
#include "settings/boardsettings.h"

#include <QSettings>

namespace {
const QString doneKey = QStringLiteral("setup/done");
const QString storeKey = QStringLiteral("console/store_id");
const QString consoleKey = QStringLiteral("console/console_id");
const QString platformKey = QStringLiteral("platform/url");
} // namespace

namespace SetupSettings {

bool isDone(QSettings &settings)
{
    return settings.value(doneKey, false).toBool();
}

SetupChoices load(QSettings &settings)
{
    SetupChoices choices;
    choices.language = settings.value(QStringLiteral("board/language")).toString();
    choices.storeId = settings.value(storeKey).toString();
    choices.consoleId = settings.value(consoleKey).toString();
    choices.station = settings.value(QStringLiteral("board/station")).toString();
    choices.platformUrl = QUrl(settings.value(platformKey).toString());
    choices.kiosk = settings.value(QStringLiteral("board/full_screen"), false).toBool();
    return choices;
}

void save(QSettings &settings, const SetupChoices &choices)
{
    settings.setValue(QStringLiteral("board/language"), choices.language);
    settings.setValue(storeKey, choices.storeId);
    settings.setValue(consoleKey, choices.consoleId);
    settings.setValue(QStringLiteral("board/station"), choices.station);
    settings.setValue(platformKey, choices.platformUrl.toString());
    settings.setValue(QStringLiteral("board/full_screen"), choices.kiosk);
    // The feed alarm watches the feeds a store expects: without a platform, not that one.
    StorePolicy policy = BoardSettings::loadPolicy(settings, choices.storeId);
    if (choices.withPlatform() && !policy.expectedFeeds.contains(FeedMonitor::platformSource))
        policy.expectedFeeds.prepend(FeedMonitor::platformSource);
    else if (!choices.withPlatform())
        policy.expectedFeeds.removeAll(FeedMonitor::platformSource);
    BoardSettings::savePolicy(settings, choices.storeId, policy);
    settings.setValue(doneKey, true);
    settings.sync();
}

} // namespace SetupSettings
