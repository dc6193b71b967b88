// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acceptdialog.h"

#include "common/clock.h"
#include "minutepicks.h"

#include <QDateTime>

QList<int> AcceptDialog::quotes()
{
    QList<int> minutes;
    for (int m = 5; m <= 60; m += 5)
        minutes.append(m);
    minutes << 90 << 120;
    return minutes;
}

AcceptDialog::AcceptDialog(const QString &orderLabel, int defaultMinutes, const Clock &clock,
                           QWidget *parent)
    : MinuteDialog(tr("Accept order %1").arg(orderLabel),
                   tr("Order %1: ready in how many minutes?").arg(orderLabel), quotes(), 7,
                   tr("%1 min"), clock, parent)
{
    picks()->choose(defaultMinutes);
    describeChoice();
}

void AcceptDialog::describeChoice()
{
    const QDateTime ready =
        QDateTime::fromMSecsSinceEpoch(clock().nowMs() + qint64(minutes()) * 60'000).toLocalTime();
    showOutcome(tr("Promised ready at %1").arg(ready.toString(QStringLiteral("HH:mm"))),
                tr("Accept · %1 min").arg(minutes()));
}
