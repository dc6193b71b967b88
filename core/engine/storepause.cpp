// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepause.h"

#include "common/clock.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStorePause, "kc.engine.pause", QtInfoMsg)

namespace {
const QString untilKey = QStringLiteral("until");

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

StorePause::StorePause(OrderEngine &engine, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StorePause::onTick);
}

void StorePause::setTickIntervalMs(int ms)
{
    m_tickMs = qMax(1, ms);
    armTimer();
}

void StorePause::restore()
{
    const std::optional<OrderEvent> last = m_engine.lastStoreEvent();
    if (!last || last->kind != EventKind::StorePaused) {
        setPausedUntil(0);
        return;
    }
    const qint64 until = last->payload.value(untilKey).toInteger();
    m_ownPause = last->origin == m_engine.config().consoleId;
    if (until != m_pausedUntil)
        qCInfo(lcStorePause).noquote() << "the log says the store is paused until"
                                       << timeText(until) << "by" << last->origin;
    setPausedUntil(until);
    onTick(); // a pause that ended while the console was off resumes now
}

CommandResult StorePause::pause(qint64 untilMs, const Actor &actor)
{
    if (untilMs <= m_clock.nowMs()) {
        CommandResult refused;
        refused.message = tr("The pause must end in the future; choose a later time.");
        return refused;
    }
    return append(EventKind::StorePaused, untilMs, actor);
}

CommandResult StorePause::resume(const Actor &actor)
{
    if (!isPaused()) {
        CommandResult refused;
        refused.message = tr("The store is not paused; it is taking orders.");
        return refused;
    }
    return append(EventKind::StoreResumed, 0, actor);
}

CommandResult StorePause::append(EventKind kind, qint64 untilMs, const Actor &actor)
{
    QJsonObject payload;
    if (kind == EventKind::StorePaused)
        payload.insert(untilKey, untilMs);
    else // the audit trail shows which pause ended
        payload.insert(QStringLiteral("paused_until"), m_pausedUntil);
    const CommandResult result = m_engine.appendStoreEvent(kind, payload, actor);
    if (!result.ok) {
        qCWarning(lcStorePause).noquote() << EventKinds::toString(kind) << "not stored:"
                                          << result.message;
        return result;
    }
    qCInfo(lcStorePause).noquote() << actor.toString() << EventKinds::toString(kind)
                                   << (untilMs > 0 ? timeText(untilMs) : QString());
    m_ownPause = kind == EventKind::StorePaused;
    setPausedUntil(kind == EventKind::StorePaused ? untilMs : 0);
    return result;
}

void StorePause::setPausedUntil(qint64 untilMs)
{
    const bool changed = untilMs != m_pausedUntil;
    m_pausedUntil = untilMs;
    armTimer();
    if (changed)
        Q_EMIT pauseChanged(untilMs);
}

void StorePause::armTimer()
{
    if (!isPaused()) {
        m_timer.stop();
        return;
    }
    // Re-read the clock at least every tick: wall time can jump, and a test's clock only moves
    // when told, so the timer never trusts one long interval.
    const qint64 remaining = resumeAt() - m_clock.nowMs();
    m_timer.start(int(qBound(qint64(0), remaining, qint64(m_tickMs))));
}

qint64 StorePause::resumeAt() const
{
    return m_ownPause ? m_pausedUntil : m_pausedUntil + takeOverAfterMs;
}

void StorePause::onTick()
{
    if (!isPaused())
        return;
    if (m_clock.nowMs() < resumeAt()) {
        armTimer();
        return;
    }
    qCInfo(lcStorePause).noquote()
        << "pause until" << timeText(m_pausedUntil) << "is over; resuming";
    const CommandResult resumed = append(EventKind::StoreResumed, 0, Actor::system());
    if (!resumed.ok) // the disk failed: try again on the next tick rather than stay paused
        m_timer.start(m_tickMs);
}
