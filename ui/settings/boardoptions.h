// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framepacing.h"
#include "keymap.h"
#include "order/storepolicy.h"

#include <QString>

/**
 * How this board acts for the kitchen: the store's policy, shared by its screens, and this
 * screen's own preferences. The composition root fills it from the settings file (BoardSettings)
 * and the command line; nothing here is a constant the store cannot change.
 */
struct BoardOptions
{
    StorePolicy policy; // thresholds, stations, reject reasons, feeds, hours: a manager's to edit

    QString staffId = QStringLiteral("kitchen"); // who bumps, as recorded in the log
    int noticeTimeoutMs = 8000; // how long a refusal stays in the banner

    // The look: "high-contrast" (black, the kitchen default) or "dark"; type scaled in percent.
    QString theme = QStringLiteral("high-contrast");
    int fontPercent = 100;
    bool compact = false; // tighter tickets: more of them on the screen, at the same type size

    // The station this screen shows (one of policy.stations; empty: expo).
    QString station;
    // Whether a station screen also shows new orders, before expo accepts them (expo always does).
    bool stationShowsNew = false;

    bool soundMuted = false;
    // The new-order chime sounds again every repeatNewOrderSeconds until someone presses a key or
    // taps: short enough to be noticed in a loud kitchen, long enough not to nag.
    bool repeatNewOrderSound = false;
    int repeatNewOrderSeconds = 10;

    // The window fills the screen it is on (a kiosk), as --fullscreen does.
    bool fullScreen = false;

    // The board's language ("es"); empty: the system's, or English when we have no translation.
    QString language;

    int recallListSize = 50; // the recall list shows at most this many recent bumps

    FramePacing pacing; // how often a burst's changes reach the board

    // The same bump key pressed again within this many ms counts once (a bump bar's bounce);
    // 0 counts every press.
    int bumpDebounceMs = 300;

    KeyMap keys;
};
