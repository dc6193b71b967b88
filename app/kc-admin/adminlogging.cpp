// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "adminlogging.h"

Q_LOGGING_CATEGORY(lcAdmin, "kc.app.admin", QtInfoMsg)
