// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include "channelslogging.h"

#include <QSettings>

namespace {
// Reads group/key into *value when present and within [low, high]; otherwise logs and keeps it.
template<typename Number>
void readNumber(const QSettings &settings, const QString &group, const char *key, qint64 low,
                qint64 high, Number *value)
{
    const QString name = group + QLatin1Char('/') + QLatin1String(key);
    if (!settings.contains(name))
        return;
    bool ok = false;
    const qint64 read = settings.value(name).toLongLong(&ok);
    if (ok && read >= low && read <= high) {
        *value = Number(read);
        return;
    }
    qCWarning(lcChannels).noquote() << "settings:" << name << settings.value(name).toString()
                                    << "is not a whole number from" << low << "to" << high
                                    << "; keeping" << *value;
}
} // namespace

RetryPolicy RetryPolicy::fromSettings(const QSettings &settings, const QString &group,
                                      const RetryPolicy &defaults)
{
    RetryPolicy policy = defaults;
    readNumber(settings, group, "max_attempts", 1, 100, &policy.maxAttempts);
    readNumber(settings, group, "retry_base_ms", 10, 60'000, &policy.baseMs);
    readNumber(settings, group, "retry_cap_ms", 1000, 3'600'000, &policy.capMs);
    if (policy.capMs < policy.baseMs) {
        qCWarning(lcChannels).noquote() << "settings:" << group + QStringLiteral("/retry_cap_ms")
                                        << policy.capMs << "is below retry_base_ms"
                                        << policy.baseMs << "; waiting at most the base";
        policy.capMs = policy.baseMs;
    }
    return policy;
}

RetryPolicy RetryPolicy::fromSettings(const QSettings &settings, const QString &group)
{
    return fromSettings(settings, group, RetryPolicy());
}
