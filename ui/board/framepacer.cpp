// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framepacer.h"

#include <limits>

FramePacer::FramePacer(OrderEngine &engine, FramePacing pacing, QObject *parent)
    : QObject(parent), m_engine(engine), m_pacing(pacing)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FramePacer::handOver);
    connect(&engine, &OrderEngine::orderChanged, this, &FramePacer::onOrderChanged);
    connect(&engine, &OrderEngine::orderRemoved, this, &FramePacer::onOrderRemoved);
    // A whole batch has been heard: the moment to decide, so a batch is handed on together.
    connect(&engine, &OrderEngine::incomingBatchHeard, this, [this] { schedule(true); });
}

void FramePacer::onOrderChanged(const Order &order, OrderEngine::ChangeCause cause)
{
    if (cause != OrderEngine::ChangeCause::Incoming) {
        // The cook's own change shows at once, and is newer than any pending copy of the order;
        // if one was pending, what came in is part of this copy and must not pass as our own.
        const bool foldsIncoming = m_pending.remove(order.id);
        Q_EMIT orderChanged(order, foldsIncoming ? OrderEngine::ChangeCause::Incoming : cause);
        return;
    }
    if (m_pending.isEmpty())
        m_sinceBurstStart.start();
    if (!m_pending.contains(order.id))
        m_arrival.append(order.id);
    m_pending.insert(order.id, order);
    schedule(false); // the rest of its batch is on its way in this same turn
}

void FramePacer::onOrderRemoved(const QString &orderId)
{
    m_pending.remove(orderId);
    Q_EMIT orderRemoved(orderId);
}

void FramePacer::schedule(bool mayHandOverNow)
{
    if (m_pending.isEmpty())
        return;
    constexpr qint64 longAgo = std::numeric_limits<qint64>::max() / 2;
    const qint64 sinceHandOver = m_sinceHandOver.isValid() ? m_sinceHandOver.elapsed() : longAgo;
    qint64 wait = m_pacing.frameMs - sinceHandOver;
    if (m_engine.incomingBacklog() > 0) {
        // More is on its way: wait for the burst's pace, counted from its start or the last time.
        wait = m_pacing.burstPaceMs - qMin(sinceHandOver, m_sinceBurstStart.elapsed());
    }
    if (wait <= 0 && mayHandOverNow) {
        m_timer.stop();
        handOver();
    } else if (!m_timer.isActive() || m_timer.remainingTime() > wait) {
        m_timer.start(int(qMax<qint64>(wait, 0))); // a burst's end may bring it forward
    }
}

void FramePacer::handOver()
{
    m_sinceHandOver.start();
    int handed = 0;
    while (!m_arrival.isEmpty() && handed < m_pacing.perTurn) {
        const QString id = m_arrival.takeFirst();
        const auto pending = m_pending.constFind(id);
        if (pending == m_pending.cend())
            continue; // a command or verdict handed on a newer copy meanwhile
        const Order order = *pending;
        m_pending.erase(pending);
        Q_EMIT orderChanged(order, OrderEngine::ChangeCause::Incoming);
        ++handed;
    }
    if (!m_pending.isEmpty())
        m_timer.start(0); // the rest next turn
    else
        m_arrival.clear();
}
