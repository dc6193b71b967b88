// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "securitylogging.h"

Q_LOGGING_CATEGORY(lcSecurity, "kc.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurityPin, "kc.security.pin", QtInfoMsg)
