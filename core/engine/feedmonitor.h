// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QTimer>

#include <optional>

class Clock;
class OrderChannel;
class OrderEngine;

/** How one feed is doing: when it last spoke and whether its silence is an alarm. */
struct FeedStatus
{
    QString source; // "platform", "pos:square", "demo"
    qint64 lastHeardAt = 0; // UTC ms; 0 if never heard since the monitor started
    qint64 quietForMs = 0; // since lastHeardAt, or since the monitor started if never heard
    bool expected = false; // listed in the expected sources
    bool alarm = false;
};

/**
 * No silent staleness: remembers when each order feed last spoke (an order or a heartbeat) and
 * alarms when one stays quiet longer than the quiet limit while the store is open. Expected feeds
 * that never spoke count as quiet since the monitor started. Opening the store starts a fresh
 * grace period, so feeds that slept overnight get the quiet limit to speak up.
 */
class FeedMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedMonitor)

public:
    static constexpr qint64 defaultQuietLimitMs = 10 * 60 * 1000;
    static constexpr int defaultCheckIntervalMs = 5000;

    explicit FeedMonitor(const Clock &clock, QObject *parent = nullptr);

    /** The source spoke: an order event or a heartbeat. Ends its alarm at once. */
    void heard(const QString &source);

    /** Feeds that should speak even if they never have. */
    void setExpectedSources(const QStringList &sources);
    QStringList expectedSources() const { return m_expected; }
    /** How long a feed may be silent (neither orders nor heartbeats) before it alarms. */
    void setQuietLimitMs(qint64 ms);
    qint64 quietLimitMs() const { return m_quietLimitMs; }
    /** Opening hours in local time; close before open means open over midnight; equal means all day. */
    void setOpenHours(QTime open, QTime close);
    void clearOpenHours();
    /** A manual switch on top of the hours (closed for a holiday, paused); open by default. */
    void setStoreOpen(bool open);
    /** Whether alarms may sound now: the manual switch and the hours both say open. */
    bool isStoreOpen() const;
    /** How often the monitor looks at the clock. */
    void setCheckIntervalMs(int ms) { m_timer.setInterval(ms); }

    /** Every expected or heard feed, expected ones first in their order, the others by name. */
    QList<FeedStatus> feeds() const;
    std::optional<FeedStatus> feed(const QString &source) const;
    bool isAlarming(const QString &source) const { return m_alarming.contains(source); }

    /** Looks at the clock and raises or ends alarms; the timer calls it too. */
    void check();

    /** A feed's name for people: "platform" → "Platform", "pos:square" → "Square". */
    static QString displayName(const QString &source);

    /** Hears each source whose incoming events the engine receives (local commands do not count). */
    void watch(const OrderEngine &engine);
    /**
     * Hears the channel's destination whenever its far end says anything (the platform: every
     * frame, pongs included) and when it goes live.
     */
    void watch(const OrderChannel &channel);

    static inline const QString platformSource = QStringLiteral("platform");

Q_SIGNALS:
    /** Something shown by feeds() changed: a feed spoke, an alarm started or ended. */
    void changed();
    void alarmChanged(const QString &source, bool alarming);

private:
    bool withinHours(qint64 nowMs) const;
    qint64 openedAt(qint64 nowMs) const;
    FeedStatus statusOf(const QString &source, qint64 nowMs) const;
    void setAlarm(const QString &source, bool alarming);

    const Clock &m_clock;
    qint64 m_startedAt = 0;
    QStringList m_expected;
    QHash<QString, qint64> m_lastHeard;
    QStringList m_alarming;
    qint64 m_quietLimitMs = defaultQuietLimitMs;
    std::optional<QTime> m_open;
    std::optional<QTime> m_close;
    bool m_storeOpen = true;
    qint64 m_manuallyOpenedAt = 0;
    QTimer m_timer;
};
