// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synchealth.h"

#include "engine/feedmonitor.h"
#include "shared/ticketformat.h"

namespace {
QString minutes(qint64 ms)
{
    return SyncHealth::tr("%n min", nullptr, int(std::max<qint64>(1, ms / 60000)));
}
} // namespace

QString SyncHealth::displayName(const QString &destination)
{
    // The feeds' names ("Platform", "Square"), with a POS called one.
    const QString name = FeedMonitor::displayName(destination);
    return destination.startsWith(QLatin1String("pos:")) && destination.size() > 4
            ? tr("%1 POS").arg(name)
            : name;
}

QString SyncHealth::levelWord(Level level)
{
    switch (level) {
    case Level::Green:
        return tr("OK");
    case Level::Amber:
        return tr("Slow");
    case Level::Red:
        return tr("Failing");
    }
    return {};
}

SyncHealth SyncHealth::judge(const ChannelHealth &channel, const std::optional<LinkUptime> &uptime,
                             qint64 nowMs)
{
    SyncHealth health;
    health.destination = channel.destination;
    const qint64 oldestWait = channel.oldestPendingAt ? nowMs - *channel.oldestPendingAt : 0;
    const bool live = channel.state == OrderChannel::State::Live;
    const qint64 stateFor = uptime ? nowMs - uptime->since : 0;

    QStringList detail;
    detail << tr("%n change(s) waiting", nullptr, channel.pending);
    if (channel.oldestPendingAt)
        detail << tr("oldest %1").arg(TicketFormat::elapsed(oldestWait));
    if (uptime && uptime->watchedMs >= 60 * 1000)
        detail << tr("live %1 % of the last %2")
                          .arg(QString::number(uptime->percentLive(), 'f', 0),
                               TicketFormat::elapsed(uptime->watchedMs));
    health.detail = detail.join(QStringLiteral(" · "));

    if (channel.deadLetters > 0) {
        health.level = Level::Red;
        health.reason = tr("%n event(s) could not be delivered and wait for you under "
                           "Dead letters.", nullptr, channel.deadLetters);
        if (channel.parkedOrders > 0)
            health.reason += QLatin1Char(' ')
                    + tr("%n order(s) are held behind them.", nullptr, channel.parkedOrders);
        return health;
    }
    if (!live && oldestWait >= redWaitMs) {
        health.level = Level::Red;
        health.reason = tr("Not connected for %1; changes are kept and wait to be sent.")
                                .arg(minutes(std::max(stateFor, oldestWait)));
        return health;
    }
    if (channel.heldUntil && *channel.heldUntil > nowMs) {
        health.level = Level::Amber;
        health.reason = tr("Asked us to wait; sending again in %1.")
                                .arg(TicketFormat::elapsed(*channel.heldUntil - nowMs));
        return health;
    }
    if (!live) {
        health.level = Level::Amber;
        health.reason = channel.state == OrderChannel::State::Connecting
                ? tr("Connecting…")
                : tr("Not connected; changes are kept and will be sent.");
        return health;
    }
    if (oldestWait >= amberWaitMs || !channel.lastError.isEmpty()) {
        health.level = oldestWait >= redWaitMs ? Level::Red : Level::Amber;
        health.reason = channel.lastError.isEmpty()
                ? tr("Connected, but changes are slow to go through.")
                : tr("Connected, but the last try failed: %1").arg(channel.lastError);
        return health;
    }
    health.reason = channel.pending > 0 ? tr("Connected; sending.")
                                        : tr("Connected; everything is sent.");
    return health;
}
