// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinlockout.h"

#include "common/clock.h"
#include "securitylogging.h"

#include <QSettings>

#include <limits>
#include <optional>

namespace {
// More wrong PINs than anyone types; a count past it was written by something else.
constexpr int maxFailures = 1'000'000;

// A stored number, or nothing if the value is not one whole number from low to high.
std::optional<qint64> storedNumber(const QVariant &value, qint64 low, qint64 high)
{
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::LongLong
        && value.typeId() != QMetaType::Int)
        return std::nullopt; // an INI value with a comma reads back as a list
    bool ok = false;
    const qint64 number = value.toString().trimmed().toLongLong(&ok);
    if (!ok || number < low || number > high)
        return std::nullopt;
    return number;
}

// The fewest wrong PINs whose wait is the longest: what an unreadable state is read as.
int failuresAtLongestWait()
{
    int failures = PinLockout::freeTries;
    while (PinLockout::waitAfter(failures) < PinLockout::maxWaitMs)
        ++failures;
    return failures;
}
} // namespace

PinLockout::PinLockout(const Clock &clock, QSettings &settings, const QString &group)
    : m_clock(clock)
    , m_settings(settings)
    , m_failuresKey(group + QStringLiteral("/failures"))
    , m_lockedUntilKey(group + QStringLiteral("/lockedUntilMs"))
{
    load();
}

qint64 PinLockout::waitAfter(int failures)
{
    if (failures < freeTries)
        return 0;
    qint64 wait = firstWaitMs;
    for (int doubled = freeTries; doubled < failures && wait < maxWaitMs; ++doubled)
        wait *= 2;
    return qMin(wait, maxWaitMs);
}

bool PinLockout::isLockedOut() const
{
    return remainingMs() > 0;
}

qint64 PinLockout::remainingMs() const
{
    return qMax<qint64>(0, m_lockedUntilMs - m_clock.nowMs());
}

int PinLockout::triesBeforeWait() const
{
    return qMax(0, freeTries - m_failures);
}

qint64 PinLockout::recordFailure()
{
    m_failures = qMin(m_failures + 1, maxFailures);
    const qint64 wait = waitAfter(m_failures);
    if (wait > 0)
        m_lockedUntilMs = m_clock.nowMs() + wait;
    save();
    return wait;
}

void PinLockout::clear()
{
    if (m_failures == 0 && m_lockedUntilMs == 0)
        return; // nothing to clear, nothing to write
    m_failures = 0;
    m_lockedUntilMs = 0;
    save();
}

void PinLockout::load()
{
    const QVariant failures = m_settings.value(m_failuresKey);
    const QVariant lockedUntil = m_settings.value(m_lockedUntilKey);
    if (!failures.isValid() && !lockedUntil.isValid())
        return; // a fresh console

    const qint64 now = m_clock.nowMs();
    const std::optional<qint64> count = storedNumber(failures, 0, maxFailures);
    const std::optional<qint64> until =
        storedNumber(lockedUntil, 0, std::numeric_limits<qint64>::max());
    // Both are written together, so one without the other was not written by save().
    if (!count || !until) {
        m_failures = failuresAtLongestWait();
        m_lockedUntilMs = now + maxWaitMs;
        qCWarning(lcSecurityPin).noquote()
            << "the manager PIN's lockout state is unreadable: read as locked for"
            << maxWaitMs / 60'000 << "min, the safe reading";
        save();
        return;
    }
    m_failures = int(*count);
    m_lockedUntilMs = qMin(*until, now + maxWaitMs);
    if (m_lockedUntilMs < *until)
        qCWarning(lcSecurityPin) << "the manager PIN's wait ended further ahead than the longest;"
                                 << "cut to" << maxWaitMs / 60'000 << "min from now";
}

void PinLockout::save()
{
    if (m_failures == 0 && m_lockedUntilMs == 0) {
        m_settings.remove(m_failuresKey);
        m_settings.remove(m_lockedUntilKey);
    } else {
        m_settings.setValue(m_failuresKey, m_failures);
        m_settings.setValue(m_lockedUntilKey, m_lockedUntilMs);
    }
    // On disk now, not when the settings object is next flushed: a wrong PIN then a power cut
    // must still count.
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcSecurityPin) << "the manager PIN's lockout state could not be saved;"
                                 << "it holds until the console restarts";
}
