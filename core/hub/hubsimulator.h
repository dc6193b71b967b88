// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/ordergenerator.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUuid>

#include <memory>

class Clock;
class Hub;

/**
 * A lunch rush on the platform side: places generated orders at a steady rate per store through
 * Hub::submit (the same path as the HTTP API), with occasional customer cancels and couriers
 * collecting and delivering ready delivery orders. It behaves as a platform would over its log:
 * no new orders for a store that is paused (its latest store-level event in the log is a pause
 * whose end is ahead), and ticket numbers that go on from the highest in the store's log, under
 * ids of this run's own, so a hub restarted over its log repeats neither.
 */
class HubSimulator final : public QObject
{
    Q_OBJECT

public:
    HubSimulator(Hub &hub, const Clock &clock, quint32 seed = 1, QObject *parent = nullptr);
    ~HubSimulator() override;
    Q_DISABLE_COPY_MOVE(HubSimulator)

    /** Starts placing perMinute orders per minute in each store (0: no timer; call tick()). */
    void start(const QStringList &storeIds, int perMinute);
    void stop();
    /**
     * One step for every store: place an order unless the store is paused, maybe cancel one,
     * move couriers along.
     */
    void tick();

private:
    void tickStore(const QString &storeId);
    /** When the store's pause ends (UTC ms), or 0 when it takes orders at now. */
    qint64 pausedUntil(const QString &storeId, qint64 now);
    /** Says once in the log when a store stops or starts taking orders. */
    void notePause(const QString &storeId, qint64 until);

    Hub &m_hub;
    const Clock &m_clock;
    quint32 m_seed;
    QUuid m_run = QUuid::createUuid(); // this run's order ids (OrderGenerator::setIdNamespace)
    QRandomGenerator m_random;
    QStringList m_storeIds;
    QHash<QString, std::shared_ptr<OrderGenerator>> m_generators;
    QSet<QString> m_paused;
    QTimer m_timer;
};
