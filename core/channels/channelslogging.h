// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Delivery of this console's events to its destinations: sends, retries, dead letters.
Q_DECLARE_LOGGING_CATEGORY(lcChannels)
