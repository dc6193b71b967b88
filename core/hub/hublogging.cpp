// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hublogging.h"

Q_LOGGING_CATEGORY(lcHubLog, "kc.hub.log", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubStorage, "kc.hub.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubServer, "kc.hub.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubSession, "kc.hub.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubHttp, "kc.hub.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubSimulator, "kc.hub.simulator", QtInfoMsg)
