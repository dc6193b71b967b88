// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)
// Alerts raised for the kitchen (new, late, changed, cancelled, overtaken orders).
Q_DECLARE_LOGGING_CATEGORY(lcEngineAlerts)
// Feed liveness: which order feeds spoke when, and which are quiet.
Q_DECLARE_LOGGING_CATEGORY(lcEngineFeeds)
