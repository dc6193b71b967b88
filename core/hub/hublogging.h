// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHubLog)
Q_DECLARE_LOGGING_CATEGORY(lcHubStorage)
Q_DECLARE_LOGGING_CATEGORY(lcHubServer)
Q_DECLARE_LOGGING_CATEGORY(lcHubSession)
Q_DECLARE_LOGGING_CATEGORY(lcHubHttp)
Q_DECLARE_LOGGING_CATEGORY(lcHubSimulator)
