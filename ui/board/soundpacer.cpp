// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "soundpacer.h"

#include <algorithm>

std::optional<int> SoundPacer::offer(int urgency, qint64 nowMs)
{
    if (gapOver(nowMs)) {
        const int loudest = m_held ? std::max(*m_held, urgency) : urgency;
        return played(loudest, nowMs);
    }
    // Inside the gap: only something more urgent than what is sounding is worth a second sound.
    if (urgency > m_lastUrgency)
        m_held = std::max(m_held.value_or(urgency), urgency);
    return std::nullopt;
}

std::optional<qint64> SoundPacer::heldUntil() const
{
    if (!m_held)
        return std::nullopt;
    return m_lastAt ? *m_lastAt + m_gapMs : 0;
}

std::optional<int> SoundPacer::takeHeld(qint64 nowMs)
{
    if (!m_held || !gapOver(nowMs))
        return std::nullopt;
    return played(*m_held, nowMs);
}

int SoundPacer::played(int urgency, qint64 nowMs)
{
    m_lastAt = nowMs;
    m_lastUrgency = urgency;
    m_held.reset();
    return urgency;
}
