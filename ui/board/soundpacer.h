// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

/**
 * Paces alert sounds: at most one per gap, so a burst of alerts is one sound, not a din. A sound
 * more urgent than the one that just played is not lost: it is held for the end of the gap.
 * Urgency is a number, higher is more urgent. Times are UTC ms from the caller's clock.
 */
class SoundPacer final
{
public:
    static constexpr qint64 defaultGapMs = 1000;

    explicit SoundPacer(qint64 gapMs = defaultGapMs) : m_gapMs(gapMs) { }

    void setGapMs(qint64 ms) { m_gapMs = ms; }
    qint64 gapMs() const { return m_gapMs; }

    /** A sound is due: the urgency to play now (a held, more urgent one wins), or nothing. */
    std::optional<int> offer(int urgency, qint64 nowMs);
    /** When the held sound may play, if one is held. */
    std::optional<qint64> heldUntil() const;
    /** The held sound, if its time has come; it then counts as played now. */
    std::optional<int> takeHeld(qint64 nowMs);

private:
    bool gapOver(qint64 nowMs) const { return !m_lastAt || nowMs - *m_lastAt >= m_gapMs; }
    int played(int urgency, qint64 nowMs);

    qint64 m_gapMs = defaultGapMs;
    std::optional<qint64> m_lastAt;
    int m_lastUrgency = 0;
    std::optional<int> m_held;
};
