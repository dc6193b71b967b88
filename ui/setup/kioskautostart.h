// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

/**
 * Starting the board in kiosk mode when someone logs in: a desktop autostart entry (the XDG
 * autostart folder) that runs "kitchen-console --kiosk". Other systems have their own places
 * (docs/packaging.md); there enable() says it cannot.
 */
namespace KioskAutostart {
/** The entry's file: <config>/autostart/org.kitchenconsole.KitchenConsole-kiosk.desktop. */
QString entryPath();
/** Writes the entry for program (an absolute path), replacing an older one. */
Result<void> enable(const QString &program);
/** Removes the entry; nothing to remove is not an error. */
Result<void> disable();
} // namespace KioskAutostart
