// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "order/order.h"
#include "settings/framepacing.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

/**
 * Stands between the engine and the board's model: hands on a cook's own changes (commands,
 * the platform's verdicts) at once, and what incoming events changed at the FramePacing's pace,
 * each order once with its latest copy however often it changed meanwhile. Each change goes on
 * with its cause; a copy that folds in a pending incoming change goes on as Incoming, so the
 * board still sees that someone else changed the order.
 */
class FramePacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramePacer)

public:
    explicit FramePacer(OrderEngine &engine, FramePacing pacing = {}, QObject *parent = nullptr);

    const FramePacing &pacing() const { return m_pacing; }
    /** Orders changed by incoming events that the board has not been handed yet. */
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void orderChanged(const Order &order, OrderEngine::ChangeCause cause);
    void orderRemoved(const QString &orderId);

private:
    void onOrderChanged(const Order &order, OrderEngine::ChangeCause cause);
    void onOrderRemoved(const QString &orderId);
    /** Starts (or brings forward) the next hand-over; when it is due already, now if allowed. */
    void schedule(bool mayHandOverNow);
    void handOver();

    OrderEngine &m_engine;
    FramePacing m_pacing;
    QHash<QString, Order> m_pending; // by order id: the latest copy
    QList<QString> m_arrival; // pending ids, first arrival first (may name ones handed on since)
    QTimer m_timer;
    QElapsedTimer m_sinceHandOver;
    QElapsedTimer m_sinceBurstStart; // since the first pending change after a hand-over
};
