// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlogging.h"

Q_LOGGING_CATEGORY(lcSession, "kc.session", QtInfoMsg)
