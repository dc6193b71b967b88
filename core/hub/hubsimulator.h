// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/ordergenerator.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

#include <memory>

class Clock;
class Hub;

/**
 * A lunch rush on the platform side: places generated orders at a steady rate per store through
 * Hub::submit (the same path as the HTTP API), with occasional customer cancels and couriers
 * collecting and delivering ready delivery orders.
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
    /** One step for every store: place an order, maybe cancel one, move couriers along. */
    void tick();

private:
    void tickStore(const QString &storeId);

    Hub &m_hub;
    const Clock &m_clock;
    quint32 m_seed;
    QRandomGenerator m_random;
    QStringList m_storeIds;
    QHash<QString, std::shared_ptr<OrderGenerator>> m_generators;
    QTimer m_timer;
};
