// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QKeyCombination>

/**
 * Counts a press of a key once per window: the same key again within windowMs of its last
 * counted press is a bump bar's bounce (or a double press nobody meant) and is dropped; another
 * key, or the same key after the window, counts. A dropped press does not restart the window, so
 * a cook pressing on purpose every windowMs is never ignored. Times are UTC ms from the caller's
 * clock; a window of 0 counts every press.
 */
class KeyDebouncer final
{
public:
    /** windowMs: BoardOptions::bumpDebounceMs; 0 (the default) counts every press. */
    explicit KeyDebouncer(int windowMs = 0)
        : m_windowMs(windowMs)
    { }

    void setWindowMs(int ms) { m_windowMs = ms; }
    int windowMs() const { return m_windowMs; }

    /** Whether this press of key at nowMs counts; a counted press starts the key's window. */
    bool press(QKeyCombination key, qint64 nowMs);
    /** Starts the key's window without asking: a press that counts whatever happens. */
    void counted(QKeyCombination key, qint64 nowMs)
    {
        m_lastCounted.insert(key.toCombined(), nowMs);
    }

private:
    int m_windowMs = 0;
    QHash<int, qint64> m_lastCounted; // key combination → when it last counted
};
