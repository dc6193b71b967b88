// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channeluptime.h"

#include "channeldispatcher.h"
#include "common/clock.h"

ChannelUptime::ChannelUptime(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{ }

void ChannelUptime::watch(const ChannelDispatcher &dispatcher)
{
    const QString destination = dispatcher.destination();
    LinkUptime link;
    link.state = dispatcher.health().state;
    link.since = m_clock.nowMs();
    m_links.insert(destination, link);
    connect(&dispatcher, &ChannelDispatcher::healthChanged, this,
            [this, &dispatcher, destination] { noteState(destination, dispatcher.health().state); });
    connect(&dispatcher, &QObject::destroyed, this,
            [this, destination] { m_links.remove(destination); });
}

std::optional<LinkUptime> ChannelUptime::of(const QString &destination) const
{
    const auto it = m_links.constFind(destination);
    if (it == m_links.cend())
        return std::nullopt;
    LinkUptime now = *it;
    const qint64 running = std::max<qint64>(0, m_clock.nowMs() - now.since);
    now.watchedMs += running;
    if (now.state == OrderChannel::State::Live)
        now.liveMs += running;
    return now;
}

void ChannelUptime::noteState(const QString &destination, OrderChannel::State state)
{
    const auto it = m_links.find(destination);
    if (it == m_links.end() || it->state == state)
        return;
    const qint64 now = m_clock.nowMs();
    const qint64 held = std::max<qint64>(0, now - it->since);
    it->watchedMs += held;
    if (it->state == OrderChannel::State::Live)
        it->liveMs += held;
    it->state = state;
    it->since = now;
}
