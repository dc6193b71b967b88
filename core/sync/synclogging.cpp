// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synclogging.h"

Q_LOGGING_CATEGORY(lcSyncProtocol, "kc.sync.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncLink, "kc.sync.link", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncDispatch, "kc.sync.dispatch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncAudit, "kc.sync.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncHistory, "kc.sync.history", QtInfoMsg)
