// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

class Clock;
class QSettings;

/**
 * How long the manager PIN pad waits after wrong PINs: three tries are free, the third wrong one
 * starts a 30-second wait, and each wrong PIN after that doubles it, up to 15 minutes; the right
 * PIN clears it all. The state (wrong PINs in a row, locked-until in UTC ms) is kept in the
 * settings under a group, so switching the console off and on does not buy fresh tries.
 *
 * The settings are only as safe as their file's permissions; what can be guarded here is reading:
 * a state that is present but unreadable (garbled, negative, half missing) is read as locked for
 * the longest wait from now, never as unlocked, and written back so a restart does not extend it
 * again. A locked-until further ahead than the longest wait (a clock set back, an edited file) is
 * cut to the longest wait from now, so the manager is never shut out for good. No state at all is
 * a fresh console.
 */
class PinLockout final
{
public:
    static constexpr int freeTries = 3;
    static constexpr qint64 firstWaitMs = 30'000;
    static constexpr qint64 maxWaitMs = 15 * 60'000;

    /** Reads the state from settings under group; both must outlive this. */
    PinLockout(const Clock &clock, QSettings &settings, const QString &group);
    Q_DISABLE_COPY_MOVE(PinLockout)

    /** The wait that the failures-th wrong PIN in a row starts (0 for the free tries). */
    static qint64 waitAfter(int failures);

    /** Wrong PINs in a row since the last right one. */
    int failures() const { return m_failures; }
    /** When the current wait ends (UTC ms); 0 or a past time when no wait runs. */
    qint64 lockedUntilMs() const { return m_lockedUntilMs; }
    /** Whether a try must be refused now, unheard. */
    bool isLockedOut() const;
    /** How long until a try is heard again; 0 when it is now. */
    qint64 remainingMs() const;
    /** Wrong PINs still allowed before one starts a wait; 0 once every further one does. */
    int triesBeforeWait() const;
    /** The wait the next wrong PIN would start. */
    qint64 nextWaitMs() const { return waitAfter(m_failures + 1); }

    /** Counts a wrong PIN and starts its wait, if it has one; saved at once. Returns the wait. */
    qint64 recordFailure();
    /** The right PIN: no failures, no wait; saved at once. */
    void recordSuccess() { clear(); }
    /** No failures, no wait, whatever ended them (the right PIN, a reset); saved at once. */
    void clear();

private:
    void load();
    void save();

    const Clock &m_clock;
    QSettings &m_settings;
    const QString m_failuresKey;
    const QString m_lockedUntilKey;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
};
