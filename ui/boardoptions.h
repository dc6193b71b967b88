// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/** How this board acts for the kitchen; set by the composition root from options or settings. */
struct BoardOptions
{
    QString staffId = QStringLiteral("kitchen"); // who bumps, as recorded in the log
    int defaultPrepMinutes = 15; // accepting promises ready at now + this
    int noticeTimeoutMs = 8000; // how long a refusal stays in the banner
};
