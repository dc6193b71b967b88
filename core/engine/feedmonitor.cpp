// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedmonitor.h"

#include "channels/orderchannel.h"
#include "common/clock.h"
#include "enginelogging.h"
#include "orderengine.h"

#include <QDateTime>

#include <algorithm>

FeedMonitor::FeedMonitor(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_startedAt(clock.nowMs())
    , m_manuallyOpenedAt(m_startedAt)
{
    m_timer.setInterval(defaultCheckIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FeedMonitor::check);
    m_timer.start();
}

void FeedMonitor::heard(const QString &source)
{
    if (source.isEmpty())
        return;
    m_lastHeard.insert(source, m_clock.nowMs());
    setAlarm(source, false);
    Q_EMIT changed();
}

void FeedMonitor::setExpectedSources(const QStringList &sources)
{
    m_expected = sources;
    m_expected.removeDuplicates();
    check();
    Q_EMIT changed();
}

void FeedMonitor::setQuietLimitMs(qint64 ms)
{
    m_quietLimitMs = std::max<qint64>(ms, 1);
    check();
}

void FeedMonitor::setOpenHours(QTime open, QTime close)
{
    m_open = open;
    m_close = close;
    check();
}

void FeedMonitor::clearOpenHours()
{
    m_open.reset();
    m_close.reset();
    check();
}

void FeedMonitor::setStoreOpen(bool open)
{
    if (open && !m_storeOpen)
        m_manuallyOpenedAt = m_clock.nowMs();
    m_storeOpen = open;
    check();
}

bool FeedMonitor::isStoreOpen() const
{
    return m_storeOpen && withinHours(m_clock.nowMs());
}

bool FeedMonitor::withinHours(qint64 nowMs) const
{
    if (!m_open || !m_close || *m_open == *m_close)
        return true;
    const QTime now = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().time();
    if (*m_open < *m_close)
        return now >= *m_open && now < *m_close;
    return now >= *m_open || now < *m_close; // open over midnight
}

qint64 FeedMonitor::openedAt(qint64 nowMs) const
{
    qint64 opened = std::max(m_startedAt, m_manuallyOpenedAt);
    if (m_open && m_close && *m_open != *m_close) {
        // The latest opening time at or before now: today's, or yesterday's after midnight.
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime();
        QDateTime opening(now.date(), *m_open, Qt::LocalTime);
        if (opening > now)
            opening = QDateTime(now.date().addDays(-1), *m_open, Qt::LocalTime);
        opened = std::max(opened, opening.toMSecsSinceEpoch());
    }
    return opened;
}

FeedStatus FeedMonitor::statusOf(const QString &source, qint64 nowMs) const
{
    FeedStatus status;
    status.source = source;
    status.expected = m_expected.contains(source);
    status.lastHeardAt = m_lastHeard.value(source, 0);
    status.quietForMs = nowMs - (status.lastHeardAt > 0 ? status.lastHeardAt : m_startedAt);
    status.alarm = m_alarming.contains(source);
    return status;
}

QList<FeedStatus> FeedMonitor::feeds() const
{
    QStringList others;
    for (auto it = m_lastHeard.cbegin(); it != m_lastHeard.cend(); ++it) {
        if (!m_expected.contains(it.key()))
            others.append(it.key());
    }
    others.sort();
    const qint64 now = m_clock.nowMs();
    QList<FeedStatus> all;
    for (const QString &source : m_expected + others)
        all.append(statusOf(source, now));
    return all;
}

std::optional<FeedStatus> FeedMonitor::feed(const QString &source) const
{
    if (!m_expected.contains(source) && !m_lastHeard.contains(source))
        return std::nullopt;
    return statusOf(source, m_clock.nowMs());
}

void FeedMonitor::check()
{
    const qint64 now = m_clock.nowMs();
    const bool open = isStoreOpen();
    const qint64 graceFrom = openedAt(now);
    for (const FeedStatus &status : feeds()) {
        // Silence counts from the later of the last word and the store's opening.
        const qint64 since = std::max(now - status.quietForMs, graceFrom);
        setAlarm(status.source, open && now - since > m_quietLimitMs);
    }
}

void FeedMonitor::setAlarm(const QString &source, bool alarming)
{
    if (alarming == m_alarming.contains(source))
        return;
    if (alarming) {
        m_alarming.append(source);
        qCWarning(lcEngineFeeds).noquote() << "feed" << source << "quiet for more than"
                                           << m_quietLimitMs / 1000 << "s";
    } else {
        m_alarming.removeAll(source);
        qCInfo(lcEngineFeeds).noquote() << "feed" << source << "no longer alarming";
    }
    Q_EMIT alarmChanged(source, alarming);
    Q_EMIT changed();
}

void FeedMonitor::watch(const OrderEngine &engine)
{
    connect(&engine, &OrderEngine::incomingReceived, this, &FeedMonitor::heard);
}

void FeedMonitor::watch(const OrderChannel &channel)
{
    // The channel says heard() when it goes live as well: one signal for every sign of life.
    connect(&channel, &OrderChannel::heard, this,
            [this, source = channel.destination()] { heard(source); });
}

QString FeedMonitor::displayName(const QString &source)
{
    if (source == platformSource)
        return tr("Platform");
    if (source == QLatin1String("demo"))
        return tr("Demo");
    if (source.startsWith(QLatin1String("pos:")) && source.size() > 4)
        return source.at(4).toUpper() + source.mid(5);
    return source;
}
