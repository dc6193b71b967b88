// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSyncProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcSyncLink)
Q_DECLARE_LOGGING_CATEGORY(lcSyncDispatch)
Q_DECLARE_LOGGING_CATEGORY(lcSyncAudit)
Q_DECLARE_LOGGING_CATEGORY(lcSyncHistory)
