// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderchannel.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class ChannelDispatcher;
class Clock;

/** How a destination's link has fared since this console started watching it. */
struct LinkUptime
{
    OrderChannel::State state = OrderChannel::State::Offline;
    qint64 since = 0; // UTC ms the state began (or watching began)
    qint64 liveMs = 0; // time live while watched
    qint64 watchedMs = 0;

    /** Share of the watched time it was live, 0–100; 100 before any time has passed. */
    double percentLive() const { return watchedMs > 0 ? 100.0 * liveMs / watchedMs : 100.0; }
};

/**
 * Uptime per destination: follows each dispatcher's state changes from the time it is watched,
 * so the dashboard can say "live 98 % of the last 6 hours, offline for 4 minutes now". Kept in
 * memory: it starts over when the console does.
 */
class ChannelUptime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelUptime)

public:
    explicit ChannelUptime(const Clock &clock, QObject *parent = nullptr);

    /** Follows dispatcher's state from now on; it must outlive this or be destroyed first. */
    void watch(const ChannelDispatcher &dispatcher);
    /** The destination's uptime as of now, if it is watched. */
    std::optional<LinkUptime> of(const QString &destination) const;

private:
    void noteState(const QString &destination, OrderChannel::State state);

    const Clock &m_clock;
    QHash<QString, LinkUptime> m_links; // as of each one's last change
};
