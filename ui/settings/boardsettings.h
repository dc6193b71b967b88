// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardoptions.h"

class QSettings;
class StorePolicyBook;

/**
 * Reads and writes BoardOptions in a settings file. The store's policy (age thresholds, the
 * stations, reject reasons, feeds, opening hours) lives under "stores/<store id>/"; this screen's
 * own preferences (its station, theme, type size, sound, keys) under "board/" and "keys/". A value
 * that is out of range or unreadable is logged and the default is kept, so a bad edit never
 * breaks the board.
 */
namespace BoardSettings {
BoardOptions load(QSettings &settings, const QString &storeId);
/** The store's policy alone, from "stores/<store id>/". */
StorePolicy loadPolicy(QSettings &settings, const QString &storeId);
/** board/language alone, checked: what to translate into before anything else is loaded. */
QString language(QSettings &settings);
void save(QSettings &settings, const QString &storeId, const BoardOptions &options);
/** Writes the store's policy alone, under "stores/<store id>/". */
void savePolicy(QSettings &settings, const QString &storeId, const StorePolicy &policy);
/**
 * Keeps the file's policy in step with the store's (book) from now on, for as long as book
 * lives: the fallback while the log holds no rules, and what the saved station is checked
 * against at the next start (a station a manager added at another console must not be dropped).
 * The file must outlive the book.
 */
void followStorePolicy(StorePolicyBook &book, QSettings &settings, const QString &storeId);
} // namespace BoardSettings
