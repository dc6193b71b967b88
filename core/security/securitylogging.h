// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
// The manager PIN: accepted, refused, locked out, set. Never a PIN, never its record.
Q_DECLARE_LOGGING_CATEGORY(lcSecurityPin)
