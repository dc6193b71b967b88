// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginelogging.h"

Q_LOGGING_CATEGORY(lcEngine, "kc.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngineAlerts, "kc.engine.alerts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngineFeeds, "kc.engine.feeds", QtInfoMsg)
