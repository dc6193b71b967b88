// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The kitchen board: what staff asked for and what the engine answered.
Q_DECLARE_LOGGING_CATEGORY(lcBoard)
// Alert sounds: what played, what fell back to a visual cue and why.
Q_DECLARE_LOGGING_CATEGORY(lcAlertSound)
// The settings dialog: what was saved where (key names, never a secret).
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
