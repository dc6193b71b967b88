// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class HubLog;

namespace SoakAudit {
/** The platform's orders still in the kitchen, one line each. */
QStringList stillInKitchen(HubLog &log, const QString &storeId);
} // namespace SoakAudit
