// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delaydialog.h"

#include "common/clock.h"

#include <QDateTime>

namespace {
QString clockTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm"));
}
} // namespace

QList<int> DelayDialog::delays()
{
    return {5, 10, 15, 20, 30};
}

DelayDialog::DelayDialog(const QString &orderLabel, qint64 promisedAt, const Clock &clock,
                         QWidget *parent)
    : MinuteDialog(tr("Delay order %1").arg(orderLabel),
                   tr("Order %1 is promised for %2. Delay it by:")
                       .arg(orderLabel, promisedAt > 0 ? clockTime(promisedAt) : tr("no time")),
                   delays(), 5, tr("+%1 min"), clock, parent)
    , m_promisedAt(promisedAt)
{
    describeChoice();
}

void DelayDialog::describeChoice()
{
    // As the engine counts: from the promise, or from now once the promise has passed.
    const qint64 base = qMax(m_promisedAt, clock().nowMs());
    showOutcome(tr("New promised time: %1").arg(clockTime(base + qint64(minutes()) * 60'000)),
                tr("Delay · +%1 min").arg(minutes()));
}
