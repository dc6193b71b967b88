// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keydebouncer.h"

bool KeyDebouncer::press(QKeyCombination key, qint64 nowMs)
{
    const auto last = m_lastCounted.constFind(key.toCombined());
    // A clock set back is not a bounce: only a press after the last counted one can be.
    if (last != m_lastCounted.cend() && nowMs >= *last && nowMs - *last < m_windowMs)
        return false;
    counted(key, nowMs);
    return true;
}
