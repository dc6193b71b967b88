// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardoptions.h"

class QSettings;

/**
 * Reads and writes BoardOptions in a settings file. Store-specific values (age thresholds, the
 * stations, reject reasons, opening hours) live under "stores/<store id>/"; this screen's own
 * (its station, theme, type size, sound, keys) under "board/" and "keys/". A value that is out of
 * range or unreadable is logged and the default is kept, so a bad edit never breaks the board.
 */
namespace BoardSettings {
BoardOptions load(QSettings &settings, const QString &storeId);
/** board/language alone, checked: what to translate into before anything else is loaded. */
QString language(QSettings &settings);
void save(QSettings &settings, const QString &storeId, const BoardOptions &options);
} // namespace BoardSettings
