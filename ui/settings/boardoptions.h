// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keymap.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTime>

/**
 * How this board acts for the kitchen. The composition root fills it from the settings file
 * (BoardSettings) and the command line; nothing here is a constant the store cannot change.
 */
struct BoardOptions
{
    Q_DECLARE_TR_FUNCTIONS(BoardOptions)

public:
    QString staffId = QStringLiteral("kitchen"); // who bumps, as recorded in the log
    int defaultPrepMinutes = 15; // the preselected prep-time quote when accepting
    int noticeTimeoutMs = 8000; // how long a refusal stays in the banner

    // Ticket colours by age, per store (Fresh KDS uses 5 and 8 min; the example 8 and 12).
    int warnAfterMinutes = 8;
    int lateAfterMinutes = 12;

    // The look: "high-contrast" (black, the kitchen default) or "dark"; type scaled in percent.
    QString theme = QStringLiteral("high-contrast");
    int fontPercent = 100;

    // Stations the store's items are routed to, and the one this screen shows (empty: expo).
    QStringList stations{QStringLiteral("grill"), QStringLiteral("fry"), QStringLiteral("cold"),
                         QStringLiteral("bar")};
    QString station;

    // Reasons offered when rejecting an order (the cook can still type another).
    QStringList rejectReasons{tr("Kitchen is closing"), tr("Too busy"), tr("Item unavailable"),
                              tr("Cannot meet the requested time"), tr("Suspected fraud")};

    bool soundMuted = false;

    // The board's language ("es"); empty: the system's, or English when we have no translation.
    QString language;

    // A feed (platform, each POS) quiet for this long while the store is open raises an alarm.
    int feedQuietMinutes = 3;
    QStringList expectedFeeds{QStringLiteral("platform")};
    QTime opensAt{0, 0}; // opensAt == closesAt: open around the clock
    QTime closesAt{0, 0};

    int recallListSize = 50; // the recall list shows at most this many recent bumps

    KeyMap keys;

    qint64 warnAfterMs() const { return qint64(warnAfterMinutes) * 60 * 1000; }
    qint64 lateAfterMs() const { return qint64(lateAfterMinutes) * 60 * 1000; }
};
