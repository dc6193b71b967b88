// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uilogging.h"

Q_LOGGING_CATEGORY(lcBoard, "kc.ui.board")
Q_LOGGING_CATEGORY(lcAlertSound, "kc.ui.sound")
Q_LOGGING_CATEGORY(lcSettings, "kc.ui.settings")
