// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channelhealth.h"
#include "channels/channeluptime.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

/**
 * One destination's health as a manager reads it: green, amber or red, and the reason in words.
 * Red means events are not getting through and someone must act (dead letters, a link down
 * with changes waiting for minutes); amber that it is slow or recovering; green that all is sent.
 */
struct SyncHealth
{
    Q_DECLARE_TR_FUNCTIONS(SyncHealth)

public:
    enum class Level { Green, Amber, Red };

    static constexpr qint64 amberWaitMs = 60 * 1000; // the oldest unsent change this old: amber
    static constexpr qint64 redWaitMs = 5 * 60 * 1000; // … and this old: red

    QString destination;
    Level level = Level::Green;
    QString reason; // one line for a manager
    QString detail; // queue, oldest change, uptime

    /** Judges channel as of nowMs; uptime if the console watched it. */
    static SyncHealth judge(const ChannelHealth &channel, const std::optional<LinkUptime> &uptime,
                            qint64 nowMs);
    /** "Platform", "Square POS"…: the destination as people call it. */
    static QString displayName(const QString &destination);
    /** "OK", "Slow", "Failing": the level in a word, so colour is never the only cue. */
    static QString levelWord(Level level);
};
