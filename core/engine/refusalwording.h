// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QCoreApplication>
#include <QString>

/** How staff are told that the platform refused one of this console's events, in words. */
class RefusalWording final
{
    Q_DECLARE_TR_FUNCTIONS(RefusalWording)

public:
    /** The alert for refused (the event and the order it left), with the platform's reason. */
    static QString forStaff(const AppendResult &refused, const QString &reason);
};
