// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The kitchen console's composition root: the platform connection, enrolment and the demo hub.
Q_DECLARE_LOGGING_CATEGORY(lcConsole)
